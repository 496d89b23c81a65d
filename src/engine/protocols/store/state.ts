import type { GroupMember } from '../paxos/group'
import type { ReadValue } from './messages'
import type { ShardState } from './shard'

/** A transaction this node coordinates (volatile: a crash loses it; 2PC keeps its decision durable). */
export interface CoordTxn {
  id: string
  reads: string[]
  writes: Record<string, string>
  /** shards it touches, ascending */
  participants: number[]
  phase: 'read' | 'prepare' | 'commitWait' | 'decide'
  /** per shard read from: its reply */
  values: Record<number, Record<string, ReadValue>>
  /** per participant: its vote timestamp, or null for a no */
  votes: Record<number, number | null>
  minTs: number | null
  ts: number | null
  commit: boolean
  /** shards that logged the decision */
  acked: number[]
  /** local time of the last send, for retries */
  sentAt: number
  /** pending commit-wait timer */
  timer: number | null
}

/** A snapshot read this node runs: per shard, the replica asked and its answer. */
interface SnapRead {
  id: string
  ts: number
  keys: string[]
  shards: number[]
  replies: Record<number, Record<string, ReadValue>>
  sentAt: number
}

/** A Paxos Commit recovery this node (a participant's leader) runs for a silent coordinator. */
export interface Recovery {
  txn: string
  /** the shard whose leader recovers */
  shard: number
  participants: number[]
  status: Record<number, 'prepared' | 'refused' | 'committed' | 'aborted'>
  ts: Record<number, number | null>
  /** the decision once known; commit waits out ε before it is sent */
  decision: { commit: boolean; ts: number } | null
  sentAt: number
}

export interface StoreState {
  /** this node's share of each shard's Multi-Paxos group */
  groups: GroupMember[]
  /** per shard it replicates: the state rebuilt from the applied log */
  shards: Map<number, ShardState>
  coord: Map<string, CoordTxn>
  snaps: Map<string, SnapRead>
  /** snapshot reads waiting at this replica for safe time, per shard */
  waiting: Map<number, { id: string; ts: number; keys: string[]; from: string }[]>
  /** per shard and transaction: local time this node, as leader, first saw it prepared and undecided */
  preparedSince: Map<string, number>
  recovering: Map<string, Recovery>
  /** per shard: highest floor this node asked its leader for, so a waiting read asks once */
  floorAsked: Map<number, number>
  /** "shard/txn" → nodes that asked this leader to log a decision, answered when it applies */
  deciders: Map<string, string[]>
}

export function createStoreState(
  groups: GroupMember[],
  shards: Map<number, ShardState>,
): StoreState {
  return {
    groups,
    shards,
    coord: new Map(),
    snaps: new Map(),
    waiting: new Map(),
    preparedSince: new Map(),
    recovering: new Map(),
    floorAsked: new Map(),
    deciders: new Map(),
  }
}
