import { describe, expect, it } from 'vitest'
import { pingProtocol, scenarioOf, simOf, type PingState } from '../testing/probes'
import type { ProtocolDef } from '../protocols/protocol'
import type { TraceRecord } from './records'
import type { ScenarioInput } from '../scenario/schema'

const ping = pingProtocol as ProtocolDef
type Net = ScenarioInput['network']

function pingSim(network: Net = {}, faults: ScenarioInput['faults'] = [], n = 3, seed = 1) {
  const s = scenarioOf({
    seed,
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}` })),
    network,
    faults,
  })
  const records: TraceRecord[] = []
  const sim = simOf(s, [ping], [], { trace: (r) => records.push(r) })
  return { sim, records }
}

describe('network', () => {
  it('delay = base + exponential jitter, never below base', () => {
    const { sim, records } = pingSim({ latency: { base: 0.01, jitter: 0.002 } })
    sim.runUntil(200)
    const sends = new Map(records.filter((r) => r.type === 'send').map((r) => [r.id, r.t]))
    const delays = records.filter((r) => r.type === 'deliver').map((r) => r.t - sends.get(r.id)!)
    expect(delays.length).toBeGreaterThan(500)
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0.01)
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length
    expect(mean).toBeGreaterThan(0.0115)
    expect(mean).toBeLessThan(0.0125)
  })

  it('per-direction link overrides give asymmetric delays', () => {
    const { sim, records } = pingSim(
      {
        latency: { base: 0.005, jitter: 0 },
        links: [{ from: 'n0', to: 'n1', latency: { base: 0.01, jitter: 0 } }],
      },
      [],
      2,
    )
    sim.runUntil(20)
    const sends = new Map(records.filter((r) => r.type === 'send').map((r) => [r.id, r]))
    const delivered = records.filter((r) => r.type === 'deliver')
    // both directions carried messages, so both delays were checked
    expect(new Set(delivered.map((r) => r.from))).toEqual(new Set(['n0', 'n1']))
    for (const r of delivered) {
      const d = r.t - sends.get(r.id)!.t
      expect(d).toBeCloseTo(r.from === 'n0' ? 0.01 : 0.005, 12)
    }
  })

  it('loss drops about the configured fraction', () => {
    const { sim } = pingSim({ loss: 0.3 })
    sim.runUntil(500)
    const w = sim.world
    expect(w.dropped / w.sent).toBeGreaterThan(0.26)
    expect(w.dropped / w.sent).toBeLessThan(0.34)
    expect(w.delivered + w.dropped).toBeLessThanOrEqual(w.sent)
  })

  it('a partition carries only messages inside a group; heal restores', () => {
    const { sim, records } = pingSim({}, [
      { at: 10, type: 'partition', groups: [['n0', 'n1'], ['n2']] },
      { at: 30, type: 'heal' },
    ])
    sim.runUntil(50)
    const during = records.filter((r) => r.type === 'deliver' && r.t > 10.1 && r.t < 30)
    expect(during.length).toBeGreaterThan(0)
    for (const r of during)
      if (r.type === 'deliver') expect(r.from === 'n2' || r.to === 'n2').toBe(false)
    const drops = records.filter((r) => r.type === 'drop' && r.t > 10 && r.t < 30)
    expect(drops.length).toBeGreaterThan(0)
    for (const r of drops) if (r.type === 'drop') expect(r.reason).toBe('partition')
    expect(
      records.some((r) => r.type === 'deliver' && r.t > 30.1 && (r.from === 'n2' || r.to === 'n2')),
    ).toBe(true)
  })

  it('a cut link blocks one direction only, including messages already in flight', () => {
    const { sim, records } = pingSim(
      { latency: { base: 0.5, jitter: 0 } },
      [
        { at: 5, type: 'cutLink', from: 'n0', to: 'n1' },
        { at: 40, type: 'healLink', from: 'n0', to: 'n1' },
      ],
      2,
    )
    sim.runUntil(60)
    const delivered = (from: string, a: number, b: number) =>
      records.filter((r) => r.type === 'deliver' && r.from === from && r.t > a && r.t < b).length
    expect(delivered('n0', 5, 40)).toBe(0)
    expect(delivered('n1', 5, 40)).toBeGreaterThan(10)
    expect(delivered('n0', 40, 60)).toBeGreaterThan(5)
    const sentAt = new Map(records.filter((r) => r.type === 'send').map((r) => [r.id, r.t]))
    const inFlightCut = records.filter(
      (r) => r.type === 'drop' && r.reason === 'cut' && sentAt.get(r.id)! < 5,
    )
    expect(inFlightCut.length).toBeGreaterThan(0)
  })
})

describe('node runtime', () => {
  it('a crash drops volatile state and messages to it; durable storage survives the restart', () => {
    const { sim } = pingSim({}, [
      { at: 5, type: 'crash', node: 'n1' },
      { at: 8, type: 'restart', node: 'n1' },
    ])
    sim.runUntil(4.9)
    expect(sim.protocolState<PingState>(1, 'ping')!.received).toBeGreaterThan(0)
    sim.runUntil(7)
    expect(sim.world.nodes[1].status).toBe('crashed')
    expect(sim.protocolState(1, 'ping')).toBeNull()
    expect(sim.durableState(1, 'ping')).toEqual({ starts: 1 })
    sim.runUntil(8)
    expect(sim.world.nodes[1].status).toBe('up')
    expect(sim.protocolState<PingState>(1, 'ping')!.received).toBe(0)
    expect(sim.durableState(1, 'ping')).toEqual({ starts: 2 })
  })

  it('a paused node keeps its clock running, its messages and timers wait until resume', () => {
    const { sim, records } = pingSim({}, [
      { at: 5, type: 'pause', node: 'n1' },
      { at: 9, type: 'resume', node: 'n1' },
    ])
    sim.runUntil(8.99)
    expect(sim.world.nodes[1].status).toBe('paused')
    expect(sim.world.nodes[1].inbox.length).toBeGreaterThan(0)
    expect(
      records.filter((r) => r.type === 'deliver' && r.to === 'n1' && r.t > 5.01 && r.t < 9),
    ).toHaveLength(0)
    const waiting = sim.world.nodes[1].inbox.length
    sim.runUntil(9)
    expect(records.filter((r) => r.type === 'deliver' && r.to === 'n1' && r.t === 9).length).toBe(
      waiting,
    )
    expect(sim.localReading(1)).toBeCloseTo(9, 5)
  })

  it('a fault record names the status it left its node in, only when it changed it', () => {
    const { sim, records } = pingSim({}, [
      { at: 1, type: 'pause', node: 'n1' },
      { at: 2, type: 'crash', node: 'n1' },
      { at: 3, type: 'crash', node: 'n1' },
      { at: 4, type: 'resume', node: 'n1' },
      { at: 5, type: 'restart', node: 'n1' },
      { at: 6, type: 'restart', node: 'n1' },
    ])
    sim.runUntil(7)
    const faults = records.filter((r) => r.type === 'fault')
    expect(faults.map((r) => [r.fault.type, r.status])).toEqual([
      ['pause', 'paused'],
      ['crash', 'crashed'],
      ['crash', undefined],
      ['resume', undefined],
      ['restart', 'up'],
      ['restart', undefined],
    ])
    expect(faults.filter((r) => 'status' in r)).toHaveLength(3)
  })

  it('falseticker, setSkew, setLoss, setLatency, setDuplicate all apply', () => {
    const { sim, records } = pingSim({}, [
      { at: 1, type: 'setSkew', node: 'n0', ppm: 1000 },
      { at: 1, type: 'falseticker', node: 'n0', lie: 2 },
      { at: 1, type: 'setLatency', base: 0.2, jitter: 0 },
      { at: 1, type: 'setDuplicate', p: 1 },
      { at: 20, type: 'setLoss', p: 1 },
    ])
    sim.runUntil(21)
    expect(sim.offsetOf(0)).toBeCloseTo(20 * 1e-3, 9)
    expect(sim.world.nodes[0].lie).toBe(2)
    const sends = new Map(records.filter((r) => r.type === 'send').map((r) => [r.id, r.t]))
    const late = records
      .filter((r) => r.type === 'deliver')
      .filter((r) => sends.get(r.id)! > 1.01 && sends.get(r.id)! < 19)
    expect(late.length).toBeGreaterThan(10)
    for (const r of late) expect(r.t - sends.get(r.id)!).toBeCloseTo(0.2, 12)
    // duplication: each message id delivered twice
    const ids = late.map((r) => r.id)
    expect(new Set(ids).size * 2).toBe(ids.length)
    sim.runUntil(30)
    expect(records.filter((r) => r.type === 'deliver' && sends.get(r.id)! > 20.01).length).toBe(0)
  })
})

describe('determinism', () => {
  it('same scenario and seed give the same trace hash; another seed a different one', () => {
    const run = (seed: number) => {
      const { sim } = pingSim(
        { latency: { base: 0.001, jitter: 0.003 }, loss: 0.1 },
        [{ at: 3, type: 'crash', node: 'n2' }],
        5,
        seed,
      )
      sim.runUntil(100)
      return sim.traceHash
    }
    expect(run(1)).toBe(run(1))
    expect(run(1)).not.toBe(run(2))
  })

  it('a snapshot restored and re-run reproduces the hash exactly', () => {
    const { sim } = pingSim({ latency: { base: 0.001, jitter: 0.003 } }, [], 4)
    sim.runUntil(30)
    const snap = sim.snapshot()
    sim.runUntil(60)
    const h = sim.traceHash
    sim.restore(snap)
    sim.runUntil(60)
    expect(sim.traceHash).toBe(h)
  })

  it('running in chunks or in one go gives the same hash', () => {
    const a = pingSim({ latency: { base: 0.001, jitter: 0.003 } }, [], 4).sim
    const b = pingSim({ latency: { base: 0.001, jitter: 0.003 } }, [], 4).sim
    a.runUntil(50)
    for (let t = 0; t < 50; t += 0.37) b.runUntil(t)
    b.runUntil(50)
    expect(b.traceHash).toBe(a.traceHash)
  })

  it('a live intervention equals the same one scheduled in the scenario', () => {
    const live = pingSim({}, [], 3).sim
    live.runUntil(12.345)
    live.inject({ fault: { type: 'crash', node: 'n1' } })
    live.runUntil(30)
    const scheduled = pingSim({}, [{ at: 12.345, type: 'crash', node: 'n1' }], 3).sim
    scheduled.runUntil(30)
    expect(live.traceHash).toBe(scheduled.traceHash)
  })
})

describe('rewind and branches', () => {
  it('rewinding to a checkpoint and re-running to T gives the hash of a fresh run to T, live inputs included', () => {
    const { sim } = pingSim({ latency: { base: 0.002, jitter: 0.004 }, loss: 0.05 }, [], 4)
    sim.runUntil(10)
    const cp = sim.snapshot()
    sim.runUntil(17.5)
    sim.inject({ fault: { type: 'crash', node: 'n2' } })
    sim.runUntil(25)
    sim.inject({ fault: { type: 'cutLink', from: 'n0', to: 'n1' } })
    sim.runUntil(40)
    const h40 = sim.traceHash
    sim.rewindTo(cp)
    sim.runUntil(22)
    const h22 = sim.traceHash
    sim.runUntil(40)
    expect(sim.traceHash).toBe(h40)

    const fresh = pingSim(
      { latency: { base: 0.002, jitter: 0.004 }, loss: 0.05 },
      [
        { at: 17.5, type: 'crash', node: 'n2' },
        { at: 25, type: 'cutLink', from: 'n0', to: 'n1' },
      ],
      4,
    ).sim
    fresh.runUntil(22)
    expect(fresh.traceHash).toBe(h22)
  })

  it('a planned input applies where running to its time and injecting it would', () => {
    const latency = { latency: { base: 0.002, jitter: 0.004 } }
    const cut = { type: 'cutLink', from: 'n0', to: 'n1' } as const
    const live = pingSim(latency, [{ at: 12.5, type: 'pause', node: 'n2' }], 4).sim
    live.runUntil(12.5)
    live.inject({ fault: { type: 'crash', node: 'n1' } })
    live.inject({ fault: cut })
    live.runUntil(30)

    const planned = pingSim(latency, [{ at: 12.5, type: 'pause', node: 'n2' }], 4).sim
    planned.runUntil(3)
    planned.plan({ fault: { type: 'crash', node: 'n1' } }, 12.5)
    planned.plan({ fault: cut }, 12.5)
    expect(planned.liveInputs().map((i) => i.at)).toEqual([12.5, 12.5])
    planned.runUntil(30)
    expect(planned.traceHash).toBe(live.traceHash)
    expect(planned.liveInputs()).toEqual(live.liveInputs())

    expect(() => planned.plan({ fault: cut }, 29)).toThrow(RangeError)
    // a live input made before it drops it, as it drops a rewound branch's later inputs
    const dropped = pingSim({}, [], 3).sim
    dropped.plan({ fault: { type: 'crash', node: 'n1' } }, 20)
    dropped.runUntil(10)
    dropped.inject({ fault: { type: 'pause', node: 'n2' } })
    dropped.runUntil(30)
    expect(dropped.world.nodes[1].status).toBe('up')
  })

  it('a live input after a rewind replaces the old branch’s later live inputs', () => {
    const { sim } = pingSim({}, [{ at: 50, type: 'crash', node: 'n0' }], 3)
    sim.runUntil(5)
    const cp = sim.snapshot()
    sim.runUntil(20)
    sim.inject({ fault: { type: 'crash', node: 'n1' } })
    sim.rewindTo(cp)
    sim.runUntil(10)
    sim.inject({ fault: { type: 'pause', node: 'n2' } })
    expect(sim.liveInputs().map((i) => ('fault' in i ? i.fault.type : ''))).toEqual(['pause'])
    sim.runUntil(60)
    expect(sim.world.nodes[1].status).toBe('up')
    expect(sim.world.nodes[0].status).toBe('crashed') // scheduled faults stay
  })
})
