import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, SimulationStalled, type ScenarioInput } from '../index'
import type { ProtocolDef } from '../protocols/protocol'
import { scenarioOf, simOf } from '../testing/probes'
import { consensusCheckState } from '../checkers/consensus/state'

const run = (input: Omit<ScenarioInput, 'version' | 'seed'> & Partial<ScenarioInput>) => {
  const p = parseScenario({ version: 1, seed: 7, ...input })
  if (!p.ok) throw new Error(p.error)
  const sim = createSimulation(p.scenario)
  sim.runUntil(p.scenario.duration)
  return sim
}

const three = [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }]

/** A protocol that re-arms a zero-delay timer from its own firing: a Zeno loop by construction. */
const zeno: ProtocolDef<object, null> = {
  name: 'zeno',
  configure: (s) => ({ members: [s.nodes[0].id], config: null }),
  init(ctx) {
    ctx.setTimer(1, 'spin')
    return {} // null would mean "not running"
  },
  onTimer(ctx) {
    ctx.setTimer(0, 'spin')
  },
  onMessage() {},
}

describe('zero-progress guard', () => {
  it('stops a run that keeps firing at one instant with SimulationStalled naming time and cause', () => {
    const sim = simOf(scenarioOf({ nodes: [{ id: 'a' }] }), [zeno as ProtocolDef], [])
    let err: unknown
    try {
      sim.runUntil(5)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(SimulationStalled)
    const s = err as SimulationStalled
    expect(s.at).toBeCloseTo(1, 9)
    expect(s.message).toMatch(/stalled at t = 1.* timer "spin" on a/)
    // the run stays stopped: no half-processed instant is ever continued
    expect(() => sim.runUntil(6)).toThrow(SimulationStalled)
  })

  it('equal election-timeout bounds are legitimate: the run finishes and decides', () => {
    const sim = run({
      duration: 5,
      nodes: three,
      consensus: { algorithm: 'multi-paxos', electionTimeout: [0.2, 0.2] },
      workload: [{ at: 1, node: 'n1', op: 'propose', value: 'x' }],
    })
    expect(sim.now).toBe(5)
    expect(Object.keys(consensusCheckState(sim)!.chosen).length).toBeGreaterThan(0)
  })

  it('heartbeat 0.001 s with election timeout [0.001, 0.001] finishes', () => {
    const sim = run({
      duration: 2,
      nodes: three,
      consensus: {
        algorithm: 'multi-paxos',
        heartbeatInterval: 0.001,
        electionTimeout: [0.001, 0.001],
      },
    })
    expect(sim.now).toBe(2)
  })
})

describe('client operations on a paused node', () => {
  it('a propose made while paused waits for resume instead of being dropped', () => {
    const sim = run({
      duration: 6,
      nodes: three,
      consensus: { algorithm: 'multi-paxos' },
      workload: [{ at: 2, node: 'n2', op: 'propose', value: 'late' }],
      faults: [
        { at: 1.5, type: 'pause', node: 'n2' },
        { at: 4, type: 'resume', node: 'n2' },
      ],
    })
    const chosen = Object.values(consensusCheckState(sim)!.chosen)
    const late = chosen.find((c) => c.entry.kind === 'value' && c.entry.value === 'late')
    expect(late).toBeDefined()
    expect(late!.at).toBeGreaterThan(4)
  })

  it('a crash discards the paused node’s waiting operations', () => {
    const sim = run({
      duration: 6,
      nodes: three,
      consensus: { algorithm: 'multi-paxos' },
      workload: [{ at: 2, node: 'n2', op: 'propose', value: 'gone' }],
      faults: [
        { at: 1.5, type: 'pause', node: 'n2' },
        { at: 3, type: 'crash', node: 'n2' },
        { at: 3.5, type: 'restart', node: 'n2' },
      ],
    })
    const chosen = Object.values(consensusCheckState(sim)!.chosen)
    expect(chosen.some((c) => c.entry.kind === 'value' && c.entry.value === 'gone')).toBe(false)
    expect(sim.world.nodes[1].clientQueue).toEqual([])
  })
})
