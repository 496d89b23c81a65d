import type { ShardCommand } from './commands'

/** One value with the timestamp of its version; null when the key has none. */
export type ReadValue = { value: string; ts: number } | null

/** The store's messages (docs/transactions.md §messages). `shard` names the Paxos group asked. */
export interface StoreMessages {
  /** coordinator → shard members: read these keys at the leader */
  txnRead: { txn: string; shard: number; keys: string[] }
  /** `conflict`: a key is locked by a prepared transaction (no-wait: the reader aborts) */
  txnReadReply: {
    txn: string
    shard: number
    values: Record<string, ReadValue>
    conflict: string | null
  }
  /** coordinator → shard members: log this shard's vote */
  txnPrepare: Extract<ShardCommand, { c: 'prepare' }> & { shard: number }
  /** the shard's leader → coordinator, once the vote is in the shard's log */
  txnVote: { txn: string; shard: number; yes: boolean; ts: number | null }
  /** the decision, to be logged by each participant */
  txnDecide: { txn: string; shard: number; commit: boolean; ts: number }
  txnDecided: { txn: string; shard: number }
  /** Paxos Commit recovery: what did your shard log for this transaction? (none yet: log a refusal) */
  txnQuery: { txn: string; shard: number }
  txnVoteInfo: {
    txn: string
    shard: number
    status: 'prepared' | 'refused' | 'committed' | 'aborted'
    ts: number | null
  }
  /** snapshot read at `ts`, served once the replica's safe time reaches it */
  snapRead: { id: string; shard: number; ts: number; keys: string[] }
  snapReply: { id: string; shard: number; values: Record<string, ReadValue> }
  /** replica → shard members: raise the floor to `ts` so a waiting snapshot read can be served */
  safeTime: { shard: number; ts: number }
}

export type StoreMessageKind = keyof StoreMessages

const STORE_KINDS: Record<StoreMessageKind, true> = {
  txnRead: true,
  txnReadReply: true,
  txnPrepare: true,
  txnVote: true,
  txnDecide: true,
  txnDecided: true,
  txnQuery: true,
  txnVoteInfo: true,
  snapRead: true,
  snapReply: true,
  safeTime: true,
}

export function isStoreKind(kind: string): kind is StoreMessageKind {
  return Object.hasOwn(STORE_KINDS, kind)
}
