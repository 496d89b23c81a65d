import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario } from '../../index'
import { inspectPaxos } from './inspect'

describe('inspectPaxos (the Paxos panel)', () => {
  it('shows role, ballots, votes, the chosen log, quorum progress and the lease', () => {
    const parsed = parseScenario({
      version: 1,
      seed: 1,
      duration: 3,
      nodes: [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }],
      consensus: { algorithm: 'multi-paxos', lease: { duration: 1, driftBoundPpm: 100 } },
      workload: [{ at: 1, node: 'n2', op: 'propose', value: 'x' }],
      faults: [{ at: 2, type: 'crash', node: 'n3' }],
    })
    if (!parsed.ok) throw new Error(parsed.error)
    const sim = createSimulation(parsed.scenario)
    sim.runUntil(0.18) // n1 is campaigning (seed 1)
    expect(inspectPaxos(sim, 0)).toMatchObject({
      role: 'candidate',
      ballot: '1.n1',
      quorum: { phase: 'prepare', need: 2, of: 3 },
    })
    sim.runUntil(1.5)
    const leader = inspectPaxos(sim, 0)!
    expect(leader).toMatchObject({
      node: 'n1',
      role: 'leader',
      ballot: '1.n1',
      leader: 'n1',
      promised: '1.n1',
      accepted: [{ slot: 0, ballot: '1.n1', entry: { kind: 'value', value: 'x' } }],
      chosen: [{ slot: 0, entry: { kind: 'value', value: 'x' } }],
      applied: 1,
      quorum: { phase: 'accept', slots: [] },
      lease: { holds: true, grantedTo: 'n1' },
    })
    expect(leader.lease!.until).toBeGreaterThan(leader.lease!.localNow)
    expect(inspectPaxos(sim, 1)).toMatchObject({
      role: 'follower',
      leader: 'n1',
      lease: { holds: false, grantedTo: 'n1' },
    })
    sim.runUntil(2.5)
    // crashed: volatile state gone, the durable promise still shown
    expect(inspectPaxos(sim, 2)).toMatchObject({
      role: null,
      promised: '1.n1',
      chosen: [],
      lease: null,
    })
  })
})
