import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, type ScenarioInput, type TraceSink } from '../engine'
import { approxBytes, createCheckpoints, MIN_INTERVAL, MIN_KEPT } from './checkpoints'
import { createSpacetimeRecorder } from './spacetime'
import { runAll } from './slices'
import { createTimeline } from './timeline'
import { ARROW_STRIDE, A_END, A_LOCAL_END, A_OUTCOME, A_SENT, DROP_REASONS } from './timelineWire'

const cristian: ScenarioInput = {
  version: 1,
  seed: 42,
  duration: 600,
  nodes: [
    { id: 's1', reference: true },
    { id: 'c1', clock: { offset: 0.02, skewPpm: 80 } },
    { id: 'c2', clock: { offset: -0.04, skewPpm: -50 } },
  ],
  network: { latency: { base: 0.002, jitter: 0.0005 } },
  clockSync: { algorithm: 'cristian', pollInterval: 8 },
}

function simOf(s: ScenarioInput, trace?: TraceSink) {
  const parsed = parseScenario(s)
  if (!parsed.ok) throw new Error(parsed.error)
  return createSimulation(parsed.scenario, { trace })
}

describe('checkpoints', () => {
  it('stay within the memory budget, keep the start and the latest, and thin old stretches first', () => {
    const sim = simOf(cristian)
    sim.runUntil(0)
    const size = approxBytes(sim.snapshot())
    // room for MIN_KEPT + 4 snapshots of about this size
    const store = createCheckpoints(sim, () => 0, size * (MIN_KEPT + 4) * 1.05)
    store.take()
    for (let t = MIN_INTERVAL; t <= 400; t += MIN_INTERVAL) {
      sim.runUntil(t)
      store.take()
    }
    const times = store.list.map((c) => c.t)
    expect(times.length).toBeLessThanOrEqual(MIN_KEPT + 4)
    expect(times.length).toBeGreaterThanOrEqual(MIN_KEPT)
    expect(times[0]).toBe(0)
    expect(times.at(-1)).toBe(400)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    const gaps = times.slice(1).map((t, i) => t - times[i])
    const half = Math.floor(gaps.length / 2)
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(gaps.slice(0, half))).toBeGreaterThan(mean(gaps.slice(half)))
    // the latest checkpoint at or before a time
    expect(store.atOrBefore(times[3] + 0.5).t).toBe(times[3])
    expect(store.atOrBefore(times[3]).t).toBe(times[3])
    expect(store.atOrBefore(1e9).t).toBe(400)
    store.dropAfter(times[5])
    expect(store.latest().t).toBe(times[5])
  })

  it('without measurements the interval is the minimum; a costly snapshot stretches it', () => {
    let wall = 0
    const sim = simOf(cristian)
    const store = createCheckpoints(sim, () => wall)
    expect(store.interval()).toBe(MIN_INTERVAL)
    store.noteRun(10, 10) // 1 ms per simulated second
    const origSnapshot = sim.snapshot.bind(sim)
    sim.snapshot = () => {
      wall += 8 // an 8 ms snapshot
      return origSnapshot()
    }
    store.take()
    // 8 ms at most 20 % of simulating: every 40 simulated seconds, capped so a re-run stays at 50 ms
    expect(store.interval()).toBeCloseTo(40, 6)
  })

  it('a seek into a stretch thinning left sparse lays new checkpoints there', () => {
    const sim = simOf(cristian)
    sim.runUntil(0)
    const timeline = createTimeline(sim, () => 0)
    runAll(timeline.seek(200))
    const n = timeline.checkpoints.list.length
    // pretend thinning removed everything between 0 and 200
    const list = timeline.checkpoints.list as unknown[]
    list.splice(1, list.length - 2)
    runAll(timeline.seek(1))
    runAll(timeline.seek(150))
    const inside = timeline.checkpoints.list.filter((c) => c.t > 0 && c.t < 200).length
    expect(inside).toBeGreaterThan(n / 2)
  })
})

describe('space-time recorder', () => {
  it('records arrows with both local readings, drops at send as stubs, status and clock-step samples', () => {
    const rec = createSpacetimeRecorder(['s1', 'c1', 'c2'])
    const sim = simOf(cristian, (r) => rec.sink(r))
    rec.reset(sim)
    rec.attach(sim)
    sim.runUntil(10)
    sim.inject({ fault: { type: 'cutLink', from: 's1', to: 'c2' } })
    sim.inject({ fault: { type: 'crash', node: 'c1' } })
    sim.inject({ fault: { type: 'crash', node: 'c1' } }) // no-op: already crashed
    sim.inject({ fault: { type: 'clockStep', node: 'c2', by: 0.5 } })
    sim.runUntil(30)
    const b = rec.batch(1, sim.now)!
    expect(b.reset).toBe(true)
    expect(b.kinds).toEqual(['timeRequest', 'timeReply'])
    const arrows = []
    for (let o = 0; o < b.arrows.length; o += ARROW_STRIDE)
      arrows.push(b.arrows.subarray(o, o + ARROW_STRIDE))
    const delivered = arrows.filter((a) => a[A_OUTCOME] === 0)
    expect(delivered.length).toBeGreaterThan(4)
    for (const a of delivered) {
      expect(a[A_END]).toBeGreaterThan(a[A_SENT])
      // local readings are the clocks', not true time: c1/c2 started 20/40 ms off
      expect(a[A_LOCAL_END]).not.toBe(a[A_END])
    }
    const cut = arrows.filter((a) => a[A_OUTCOME] === 1 + DROP_REASONS.indexOf('cut'))
    expect(cut.length).toBeGreaterThan(0)
    for (const a of cut) expect(a[A_END]).toBe(a[A_SENT]) // dropped as it was sent
    const crashes = b.marks.filter((m) => m.kind === 'crash')
    expect(crashes.map((m) => m.status)).toEqual([1, undefined]) // the second crash changed nothing
    const step = b.marks.find((m) => m.kind === 'clockStep' && !m.protocol)!
    expect(step.value).toBe(0.5)
    // a sample just before and just after the jump, at the same true time
    const at: number[][] = []
    for (let o = 0; o < b.samples.length; o += 3)
      if (b.samples[o] === 2 && b.samples[o + 1] === step.t) at.push([b.samples[o + 2]])
    expect(at.length).toBe(2)
    expect(at[1][0] - at[0][0]).toBeCloseTo(0.5, 9)
    // the protocol's own steps (Cristian) are marks too
    expect(b.marks.some((m) => m.kind === 'clockStep' && m.protocol)).toBe(true)
    // payload summaries for the hover card
    const detail = rec.describe(delivered[0][0])!
    expect(detail.kind).toBe('timeRequest')
    expect(detail.payload).toMatch(/^\{"id":\d+\}$/)
    // the next batch only has what is new
    sim.runUntil(40)
    const next = rec.batch(1, sim.now)!
    expect(next.reset).toBe(false)
    expect(next.arrows[A_END]).toBeGreaterThan(30)
  })
})
