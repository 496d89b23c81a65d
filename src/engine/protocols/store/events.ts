import { readEvent } from '../emitted'
import type { ProtocolContext } from '../protocol'

/**
 * The facts the store reports as they happen. The transactions checker
 * (src/engine/checkers/transactions) judges the run from these and true time alone; the
 * transactions view draws them. `vector`: the coordinator's vector clock at the event, for the
 * causality check (null above VECTOR_MAX_NODES nodes).
 */
export interface StoreEvents {
  /** a coordinator starts a read-write transaction */
  txnBegin: {
    txn: string
    reads: string[]
    writes: string[]
    shards: number[]
    vector: number[] | null
  }
  /** its reads are done; prepare goes to every participant with a timestamp lower bound */
  txnPrepare: { txn: string; minTs: number }
  /** every participant voted yes at `ts`; the coordinator waits until local − ε > ts */
  txnCommitWait: { txn: string; ts: number; epsilon: number | null }
  /** the client is told the transaction committed at `ts`, with what it read */
  txnCommitted: {
    txn: string
    ts: number
    reads: Record<string, string | null>
    /** per key read, the timestamp of the version read (null: none) */
    readTs: Record<string, number | null>
    vector: number[] | null
  }
  txnAborted: { txn: string; reason: string }
  /** a replica of `shard` applied a vote or a decision for `txn` */
  shardApplied: {
    txn: string
    shard: number
    outcome: 'prepared' | 'refused' | 'committed' | 'aborted'
    ts: number | null
    /** keys it writes (prepared) */
    writes: string[]
  }
  /** Paxos Commit: a participant's leader gathers the votes itself (the coordinator is silent) */
  txnRecover: { txn: string; shard: number }
  /** a lock-free snapshot read at `ts` starts */
  snapStart: { id: string; ts: number; keys: string[] }
  snapResult: {
    id: string
    ts: number
    values: Record<string, string | null>
    versions: Record<string, number | null>
  }
}

export type StoreEventName = keyof StoreEvents

export type StoreEvent = {
  [K in StoreEventName]: { event: K; data: StoreEvents[K] }
}[StoreEventName]

const EVENT_NAMES: Record<StoreEventName, true> = {
  txnBegin: true,
  txnPrepare: true,
  txnCommitWait: true,
  txnCommitted: true,
  txnAborted: true,
  shardApplied: true,
  txnRecover: true,
  snapStart: true,
  snapResult: true,
}

/** An emitted (event, data) pair read back as a store event, or null for another protocol's. */
export function asStoreEvent(event: string, data: unknown): StoreEvent | null {
  return readEvent<StoreEvent>(EVENT_NAMES, event, data)
}

export function emit<K extends StoreEventName>(
  ctx: ProtocolContext,
  event: K,
  data: StoreEvents[K],
): void {
  ctx.emit(event, data)
}
