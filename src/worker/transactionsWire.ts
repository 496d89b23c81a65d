/** What the transactions feed (transactionsFeed.ts) posts to the transactions view. */

/** The store's settings, as the scenario gave them. */
export interface TransactionsMeta {
  timestamps: 'physical' | 'hlc' | 'truetime'
  /** truetime: the configured ε (s) or 'auto'; null otherwise */
  epsilon: number | 'auto' | null
  commitWait: boolean
  commitProtocol: '2pc' | 'paxos-commit'
}

/** A transaction invariant the checker reported, on the row of the event that revealed it. */
interface TxnAnomaly {
  invariant: string
  /** true time */
  at: number
  /** the checker's own wording (English) */
  detail: string
}

/** One shard's first replica to apply a vote or decision for a transaction. */
interface ShardApplied {
  shard: number
  outcome: 'prepared' | 'refused' | 'committed' | 'aborted'
  at: number
}

/** One read-write transaction's phases, every instant on true time (s). */
export interface TxnRow {
  id: string
  /** its coordinator */
  node: string
  reads: string[]
  writes: string[]
  begin: number
  /** reads done, prepare sent */
  prepare: number | null
  /** every participant voted yes: commit-wait starts (immediately over without commit-wait) */
  commitWait: number | null
  /** the chosen timestamp (on the timestamp rule's scale: seconds) and its ε (truetime) */
  ts: number | null
  epsilon: number | null
  end: { at: number; outcome: 'committed' | 'aborted'; reason: string | null } | null
  shards: ShardApplied[]
  /**
   * undecided, prepared on some shard, and its coordinator is not up: the participants hold
   * their locks until someone decides
   */
  blocked: boolean
  anomaly: TxnAnomaly | null
}

export interface SnapRow {
  id: string
  node: string
  begin: number
  ts: number
  keys: string[]
  end: number | null
  values: Record<string, string | null> | null
  anomaly: TxnAnomaly | null
}

export interface TransactionsUpdate {
  type: 'transactions'
  runId: number
  /** true time the update describes */
  now: number
  meta: TransactionsMeta
  /** the most recent transactions and snapshot reads, oldest first */
  txns: TxnRow[]
  snaps: SnapRow[]
}
