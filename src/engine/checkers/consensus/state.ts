import type { Ballot } from '../../protocols/paxos/ballot'
import type { LogEntry } from '../../protocols/paxos/entry'
import type { ObserverApi } from '../../sim/observer'

/** The invariants the consensus checkers report (docs/algorithms.md §5), as named in violations. */
export const CONSENSUS_INVARIANTS = [
  'agreement',
  'validity',
  'integrity',
  'one-value-per-ballot',
  'maxbal-monotonic',
  'maxvbal-le-maxbal',
  'lease-exclusivity',
  'stale-read',
] as const
export type ConsensusInvariant = (typeof CONSENSUS_INVARIANTS)[number]

/**
 * What the checkers remember, as plain data (snapshots clone it). They keep their own memory
 * of every node, independent of what the nodes remember — that is how a forgotten promise
 * after a crash is caught.
 */
export interface ConsensusCheckState {
  members: string[]
  quorum: number
  /** request id → value, for every value a client handed a node */
  proposed: Record<string, string>
  /** "slot|ballot" → the entry voted at that ballot and the acceptors that voted for it */
  votes: Record<string, { entry: LogEntry; acceptors: string[] }>
  /** ground truth: first entry a majority voted for at one ballot, and the true time */
  chosen: Record<number, { entry: LogEntry; at: number; ballot: Ballot; acceptors: string[] }>
  /** per acceptor, the highest maxBal it ever reported (Maps: node ids are data, not keys of Object.prototype) */
  maxBal: Map<string, Ballot>
  /** per node, learned slots at or above its applied prefix */
  learned: Map<string, { prefix: number; ahead: Record<number, true> }>
  /** the longest applied prefix any node reached, who and when: what a client could have seen */
  applied: { prefix: number; node: string; at: number }
  /** per node, the lease it believes it holds (until: its local clock) */
  leases: Map<string, { until: number; ballot: Ballot } | null>
  /** read id → what had been applied somewhere when it began */
  reads: Record<
    string,
    { node: string; at: number; applied: { prefix: number; node: string; at: number } }
  >
  leaderChanges: number
  ballots: number
  staleReads: number
  violations: { invariant: ConsensusInvariant; at: number; detail: string }[]
  /** one report per distinct fault, not one per message that shows it again */
  reported: Record<string, true>
}

export function createCheckState(members: string[]): ConsensusCheckState {
  return {
    members,
    quorum: Math.floor(members.length / 2) + 1,
    proposed: {},
    votes: {},
    chosen: {},
    maxBal: new Map(),
    learned: new Map(),
    applied: { prefix: 0, node: '', at: 0 },
    leases: new Map(),
    reads: {},
    leaderChanges: 0,
    ballots: 0,
    staleReads: 0,
    violations: [],
    reported: {},
  }
}

/** Record a violation in the world (api) and in the summary, once per `key`. */
export function report(
  api: ObserverApi,
  st: ConsensusCheckState,
  invariant: ConsensusInvariant,
  key: string,
  detail: string,
  nodes: string[],
): void {
  const k = `${invariant}|${key}`
  if (st.reported[k]) return
  st.reported[k] = true
  st.violations.push({ invariant, at: api.t, detail })
  api.violation(invariant, detail, nodes)
}

/** The consensus checker's state in a running simulation (tests, views), or null when not configured. */
export function consensusCheckState(sim: {
  observerDefs: readonly { name: string }[]
  world: { observers: unknown[] }
}): ConsensusCheckState | null {
  const i = sim.observerDefs.findIndex((d) => d.name === 'consensus')
  return i < 0 ? null : (sim.world.observers[i] as ConsensusCheckState)
}
