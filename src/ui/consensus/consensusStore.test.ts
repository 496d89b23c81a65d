import { beforeEach, describe, expect, it } from 'vitest'
import type { ConsensusNodeView, ConsensusUpdate } from '../../worker/consensusWire'
import {
  receiveConsensus,
  receiveViolations,
  structureOf,
  useConsensusStore,
} from './consensusStore'

const view = (over: Partial<ConsensusNodeView> = {}): ConsensusNodeView => ({
  node: 'n1',
  status: 'up',
  role: 'leader',
  ballot: '1.n1',
  leader: 'n1',
  promised: '1.n1',
  accepted: [],
  chosen: [],
  applied: 0,
  quorum: null,
  lease: {
    holds: true,
    until: 2,
    untilAt: 2,
    grantedTo: 'n1',
    grantUntil: 2.1,
    grantUntilAt: 2.1,
  },
  election: null,
  ...over,
})

const update = (runId: number, nodes: ConsensusNodeView[]): ConsensusUpdate => ({
  type: 'consensus',
  runId,
  now: 1,
  meta: {
    mode: 'multi',
    variant: 'correct',
    members: ['n1'],
    quorum: 1,
    heartbeatInterval: 0.05,
    electionTimeout: [0.15, 0.3],
    lease: null,
  },
  nodes,
  requests: [],
  leaders: [],
  chosen: [],
})

describe('consensus store', () => {
  beforeEach(() => useConsensusStore.setState(useConsensusStore.getInitialState()))

  it('keeps a node’s object when only lease times moved, so React does not re-render', () => {
    receiveConsensus(update(1, [view()]))
    const first = useConsensusStore.getState().nodes[0]
    receiveConsensus(update(1, [view({ lease: { ...view().lease!, until: 2.05, untilAt: 2.05 } })]))
    const s = useConsensusStore.getState()
    expect(s.nodes[0]).toBe(first)
    expect(s.timing.n1.lease?.until).toBe(2.05)
    receiveConsensus(update(1, [view({ role: 'follower' })]))
    expect(useConsensusStore.getState().nodes[0]).not.toBe(first)
    expect(useConsensusStore.getState().nodes[0].role).toBe('follower')
  })

  it('structure keeps the lease facts that change at protocol speed only', () => {
    expect(structureOf(view()).lease).toEqual({ holds: true, grantedTo: 'n1' })
    expect(structureOf(view({ election: { deadline: 3, at: 3 } })).electionArmed).toBe(true)
  })

  it('appends violations, and starts over for a new run or a rewind', () => {
    const v = (invariant: string) => ({ invariant, at: 1, detail: '', nodes: [] })
    receiveViolations({ type: 'violations', runId: 1, from: 0, total: 1, items: [v('a')] })
    receiveViolations({ type: 'violations', runId: 1, from: 1, total: 2, items: [v('b')] })
    expect(useConsensusStore.getState().violations.map((x) => x.invariant)).toEqual(['a', 'b'])
    receiveViolations({ type: 'violations', runId: 1, from: 0, total: 1, items: [v('c')] })
    expect(useConsensusStore.getState().violations.map((x) => x.invariant)).toEqual(['c'])
    receiveViolations({ type: 'violations', runId: 2, from: 1, total: 2, items: [v('d')] })
    expect(useConsensusStore.getState()).toMatchObject({ violationsRunId: 2 })
    expect(useConsensusStore.getState().violations.map((x) => x.invariant)).toEqual(['d'])
  })
})
