/**
 * What the worker tells the consensus views (src/ui/consensus), beside the frames: the Paxos
 * state of every member, the client requests and their outcomes, and the checker's
 * violations. Plain data, posted only when it changed (see consensusFeed.ts, violationsFeed.ts).
 */
import type { ConsensusVariant, LogEntry, NodeStatus, PaxosNodeView } from '../engine'

/** The run's consensus configuration, as the views need it. */
export interface ConsensusMeta {
  mode: 'single' | 'multi'
  variant: 'correct' | ConsensusVariant
  members: string[]
  quorum: number
  heartbeatInterval: number
  electionTimeout: [number, number]
  /** null when leases are off; durations in local seconds */
  lease: { follower: number; leader: number; driftBoundPpm: number } | null
}

/**
 * One member. `lease` is the engine's view without the clock reading (the UI has it from the
 * frames), plus where the lease ends fall in true time: the true instant this node's clock will
 * read `until` / `grantUntil` at its present rate.
 */
export interface ConsensusNodeView extends Omit<PaxosNodeView, 'lease'> {
  status: NodeStatus
  lease: {
    holds: boolean
    until: number | null
    untilAt: number | null
    grantedTo: string | null
    grantUntil: number | null
    grantUntilAt: number | null
  } | null
  /** a follower's or candidate's election timer: local deadline and its true time; null when none */
  election: { deadline: number; at: number } | null
}

/** A client operation handed to a node (from the scenario's workload or the UI) and its outcome. */
export interface ClientRequest {
  /** the engine's request id, "n1.p3" / "n1.r2" */
  id: string
  node: string
  op: 'propose' | 'read'
  /** propose: the value */
  value?: string
  /** true time it was handed to the node */
  at: number
  /** propose: the first node that learned it chosen, where and when */
  chosen?: { slot: number; at: number }
  /** read: answered by a leader (lease: without the log) */
  served?: { by: string; value: string | null; lease: boolean; applied: number; at: number }
  /** read: what the asking client got back; `local`: from the asked node's own log (not linearizable) */
  result?: { value: string | null; local: boolean; at: number }
}

export interface LeaderChange {
  node: string
  ballot: string
  at: number
}

export interface ConsensusUpdate {
  type: 'consensus'
  runId: number
  /** true time of the state */
  now: number
  meta: ConsensusMeta
  nodes: ConsensusNodeView[]
  /** most recent last */
  requests: ClientRequest[]
  /** elections won, most recent last */
  leaders: LeaderChange[]
  /**
   * The checker's ground truth: the first entry a majority voted for in each slot, and when
   * (true time) — whether or not any learner knows yet. Recent slots only.
   */
  chosen: { slot: number; entry: LogEntry; at: number }[]
}

export interface Violation {
  invariant: string
  /** true time */
  at: number
  /** the checker's own wording (English, precise) */
  detail: string
  nodes: string[]
}

/** World violations from index `from` on; `from: 0` replaces the list (a new run, or a rewind). */
export interface ViolationsUpdate {
  type: 'violations'
  runId: number
  from: number
  items: Violation[]
  total: number
}
