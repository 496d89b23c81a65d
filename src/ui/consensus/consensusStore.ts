import { create } from 'zustand'
import { schedulePaint } from '../frameLoop'
import type {
  ClientRequest,
  ConsensusMeta,
  ConsensusNodeView,
  ConsensusUpdate,
  LeaderChange,
  Violation,
  ViolationsUpdate,
} from '../../worker/consensusWire'

/**
 * Consensus state for React (low rate) and for the painters (timing). An update replaces a
 * node's view object only when something React shows changed — role, ballots, votes, the log,
 * quorum progress — so components that select a node re-render at protocol speed, not at the
 * heartbeat rate at which lease ends move. Lease and election times live in `timing`, which the
 * rAF painters read without subscribing React.
 */
export interface NodeTiming {
  lease: ConsensusNodeView['lease']
  election: ConsensusNodeView['election']
}

export type NodeStructure = Omit<ConsensusNodeView, 'lease' | 'election'> & {
  /** lease facts that change at protocol speed */
  lease: { holds: boolean; grantedTo: string | null } | null
  /** whether an election timer is running */
  electionArmed: boolean
}

export interface ConsensusState {
  runId: number
  meta: ConsensusMeta | null
  nodes: NodeStructure[]
  requests: ClientRequest[]
  leaders: LeaderChange[]
  /** the checker's ground truth per slot */
  chosen: ConsensusUpdate['chosen']
  /** per node id, read by painters */
  timing: Record<string, NodeTiming>
  violationsRunId: number
  violations: Violation[]
}

export const useConsensusStore = create<ConsensusState>(() => ({
  runId: -1,
  meta: null,
  nodes: [],
  requests: [],
  leaders: [],
  chosen: [],
  timing: {},
  violationsRunId: -1,
  violations: [],
}))

export function structureOf(v: ConsensusNodeView): NodeStructure {
  const { lease, election, ...rest } = v
  return {
    ...rest,
    lease: lease && { holds: lease.holds, grantedTo: lease.grantedTo },
    electionArmed: election !== null,
  }
}

/** Keep `prev` where it is structurally equal to `next`, so selectors see the same object. */
function keepEqual<T>(prev: readonly T[], next: T[]): T[] {
  let same = prev.length === next.length
  const out = next.map((x, i) => {
    const p = prev[i]
    if (p !== undefined && JSON.stringify(p) === JSON.stringify(x)) return p
    same = false
    return x
  })
  return same ? (prev as T[]) : out
}

export function receiveConsensus(msg: ConsensusUpdate): void {
  const s = useConsensusStore.getState()
  const fresh = s.runId !== msg.runId
  const timing: Record<string, NodeTiming> = {}
  for (const v of msg.nodes) timing[v.node] = { lease: v.lease, election: v.election }
  useConsensusStore.setState({
    runId: msg.runId,
    meta: fresh || JSON.stringify(s.meta) !== JSON.stringify(msg.meta) ? msg.meta : s.meta,
    nodes: keepEqual(fresh ? [] : s.nodes, msg.nodes.map(structureOf)),
    requests: keepEqual(fresh ? [] : s.requests, msg.requests),
    leaders: keepEqual(fresh ? [] : s.leaders, msg.leaders),
    chosen: keepEqual(fresh ? [] : s.chosen, msg.chosen),
    timing,
  })
  // lease bars and election rings move with timing: repaint even while paused
  schedulePaint()
}

export function receiveViolations(msg: ViolationsUpdate): void {
  const s = useConsensusStore.getState()
  const base =
    s.violationsRunId === msg.runId && msg.from > 0 ? s.violations.slice(0, msg.from) : []
  useConsensusStore.setState({ violationsRunId: msg.runId, violations: [...base, ...msg.items] })
}
