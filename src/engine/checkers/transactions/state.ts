import type { CommittedTxn } from './serializability'

/** The invariants the transactions checker reports (docs/transactions.md §checkers). */
export const TRANSACTION_INVARIANTS = [
  'external-consistency',
  'serializability',
  'atomicity',
  'snapshot-staleness',
  'causality',
] as const
export type TransactionInvariant = (typeof TRANSACTION_INVARIANTS)[number]

/** What the checker knows of one transaction, on true time. */
interface TxnFacts {
  coordinator: string
  begin: number
  beginVector: number[] | null
  writes: string[]
  /** true time the client was told it committed (null: never told) */
  ack: number | null
  ackVector: number[] | null
  ts: number | null
  reads: Record<string, string | null>
  readTs: Record<string, number | null>
  aborted: string | null
  waitStart: number | null
  /** true seconds spent in commit-wait */
  wait: number | null
}

interface SnapFacts {
  node: string
  begin: number
  ts: number
  keys: string[]
  /** key → timestamp of the version returned; null until the result */
  versions: Record<string, number | null> | null
  values: Record<string, string | null> | null
}

export interface TxnCheckState {
  /** in begin order (Maps keep insertion order) */
  txns: Map<string, TxnFacts>
  snaps: Map<string, SnapFacts>
  /** "shard/txn" → the first outcome a replica applied (prepared, refused, committed, aborted) */
  shard: Map<string, { outcome: string; ts: number | null; writes: string[] }>
  /** txn → its decision as first applied on any shard */
  decided: Map<string, { commit: boolean; ts: number | null; at: number }>
  /** the committed history the serializability check reads, kept as commits arrive */
  committed: Map<string, CommittedTxn>
  /** key → committed transactions that read it: the version's timestamp they read, and theirs */
  readers: Map<string, { txn: string; read: number | null; ts: number }[]>
  /** a commit broke timestamp order: from then on every commit runs the full cycle search */
  outOfOrder: boolean
  /** key → committed versions (timestamp, writer) */
  versions: Map<string, { ts: number; txn: string }[]>
  violations: { invariant: TransactionInvariant; at: number; detail: string }[]
  /** details already reported, so one anomaly is reported once */
  reported: Set<string>
}

export function createTxnCheckState(): TxnCheckState {
  return {
    txns: new Map(),
    snaps: new Map(),
    shard: new Map(),
    decided: new Map(),
    versions: new Map(),
    committed: new Map(),
    readers: new Map(),
    outOfOrder: false,
    violations: [],
    reported: new Set(),
  }
}
