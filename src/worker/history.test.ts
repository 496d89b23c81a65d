import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, runAndSummarize, type Simulation } from '../engine'
import {
  createHistorySampler,
  MAX_CHART_NODES,
  MAX_PENDING_SAMPLES,
  sampleInterval,
} from './history'

const scenario = {
  version: 1,
  seed: 3,
  duration: 60,
  nodes: [
    { id: 's1', reference: true },
    { id: 'c1', clock: { offset: 0.02, skewPpm: 150, wanderPpm: 0.5 } },
    { id: 'c2', clock: { offset: -0.01, skewPpm: -80, wanderPpm: 0.5 } },
  ],
  network: { latency: { base: 0.002, jitter: 0.001 } },
  clockSync: { algorithm: 'ntp', pollInterval: 4 },
  faults: [
    { at: 20.3, type: 'crash', node: 'c2' },
    { at: 31.7, type: 'restart', node: 'c2' },
    { at: 40.1, type: 'clockStep', node: 'c1', by: 0.05 },
  ],
}

function build(withSampler: boolean) {
  const parsed = parseScenario(scenario)
  if (!parsed.ok) throw new Error(parsed.error)
  let sim: Simulation | null = null
  const sampler = createHistorySampler(() => sim, 30) // 30× → one sample every 0.5 s
  sim = createSimulation(parsed.scenario, withSampler ? { trace: (r) => sampler.trace(r) } : {})
  return { sim, sampler }
}

describe('history sampler', () => {
  it('skipping ahead to a target sends the same samples as sampling the whole way (what a flush keeps)', () => {
    const takeAt = (skip: boolean) => {
      const parsed = parseScenario(scenario)
      if (!parsed.ok) throw new Error(parsed.error)
      let sim: Simulation | null = null
      const sampler = createHistorySampler(() => sim, 0.01) // the finest grid: 1024 a second
      sim = createSimulation(parsed.scenario, { trace: (r) => sampler.trace(r) })
      if (skip) sampler.skipTo(55)
      sim.runUntil(55)
      sampler.catchUp()
      return sampler.take()!.samples
    }
    const skipped = takeAt(true)
    const whole = takeAt(false)
    const n = MAX_PENDING_SAMPLES
    expect(skipped.t.length).toBe(n)
    expect(skipped.t.at(-1)).toBe(55)
    // the whole way keeps up to twice as many (it trims in batches); the newest agree, the
    // offsets to rounding (a clock peeked from a different anchor)
    const tail = (a: Float64Array, per = 1) => a.subarray(a.length - n * per)
    const maxDiff = (a: Float64Array, b: Float64Array) =>
      a.reduce(
        (m, x, i) => Math.max(m, Number.isNaN(x) && Number.isNaN(b[i]) ? 0 : Math.abs(x - b[i])),
        0,
      )
    expect(Array.from(skipped.t)).toEqual(Array.from(tail(whole.t)))
    expect(maxDiff(skipped.offset, tail(whole.offset, whole.nodes))).toBeLessThan(1e-9)
    expect(maxDiff(skipped.accuracy, tail(whole.accuracy))).toBeLessThan(1e-9)
  })

  it('picks a power-of-two grid from the speed, between 1/1024 s and 1 s', () => {
    expect(sampleInterval(0.01)).toBe(1 / 1024)
    expect(sampleInterval(0.25)).toBe(1 / 256)
    expect(sampleInterval(30)).toBe(0.5)
    expect(sampleInterval(60)).toBe(1)
    expect(sampleInterval(1000)).toBe(1)
  })

  it('samples the grid exactly: the offsets a run stopped at each grid point would show', () => {
    const { sim, sampler } = build(true)
    // advance in uneven strides, as paced ticks do
    for (let t = 0; t < 60; t += 1.37) {
      sim.runUntil(t)
      sampler.catchUp()
    }
    sim.runUntil(60)
    sampler.catchUp()
    const got = sampler.take()!
    expect(got.dropFrom).toBe(-Infinity)
    const { t, offset, accuracy, precision, nodes } = got.samples
    expect(nodes).toBe(3)
    expect(t.length).toBe(121)
    expect(Array.from(t.slice(0, 3))).toEqual([0, 0.5, 1])

    // the reference: a fresh run stopped at every grid point
    const { sim: ref } = build(false)
    for (let k = 0; k < t.length; k++) {
      ref.runUntil(t[k])
      for (let i = 0; i < 3; i++) {
        const crashed = ref.world.nodes[i].status === 'crashed'
        const o = offset[k * 3 + i]
        if (crashed) expect(o).toBeNaN()
        else expect(o).toBeCloseTo(ref.offsetOf(i), 12)
      }
      const live = [0, 1, 2].filter((i) => ref.world.nodes[i].status !== 'crashed')
      const offs = live.map((i) => ref.offsetOf(i))
      expect(accuracy[k]).toBeCloseTo(Math.max(...offs.map(Math.abs)), 12)
      expect(precision[k]).toBeCloseTo(Math.max(...offs) - Math.min(...offs), 12)
    }
    expect(offset[41 * 3 + 2]).toBeNaN() // c2 crashed at 20.5 s
    // the step at 40.1 s shows between the samples at 40 and 40.5
    expect(offset[81 * 3 + 1] - offset[80 * 3 + 1]).toBeGreaterThan(0.04)
  })

  it('does not change the run: same trace hash as the CLI', () => {
    const { sim, sampler } = build(true)
    for (let t = 0; t <= 60; t += 0.9) {
      sim.runUntil(t)
      sampler.catchUp()
    }
    sim.runUntil(60)
    const parsed = parseScenario(scenario)
    if (!parsed.ok) throw new Error(parsed.error)
    expect(sim.traceHash).toBe(runAndSummarize(createSimulation(parsed.scenario), 60).traceHash)
  })

  it('hands out each sample once, and re-samples from where a rewind went back to', () => {
    const { sim, sampler } = build(true)
    sim.runUntil(10)
    sampler.catchUp()
    expect(sampler.take()!.samples.t.length).toBe(21)
    expect(sampler.take()).toBeNull()
    sim.runUntil(12)
    sampler.catchUp()
    const more = sampler.take()!
    expect(more.dropFrom).toBeNull()
    expect(Array.from(more.samples.t)).toEqual([10.5, 11, 11.5, 12])

    const snap = sim.snapshot()
    sim.runUntil(15)
    sampler.catchUp()
    sampler.take()
    sim.rewindTo(snap)
    sampler.catchUp()
    const after = sampler.take()!
    expect(after.dropFrom).toBe(12)
    expect(Array.from(after.samples.t)).toEqual([12])
    sim.runUntil(13)
    sampler.catchUp()
    expect(Array.from(sampler.take()!.samples.t)).toEqual([12.5, 13])
  })

  it('continues on a coarser grid when the speed changes', () => {
    const { sim, sampler } = build(true)
    sim.runUntil(2)
    sampler.catchUp()
    sampler.take()
    sampler.setSpeed(1000)
    sim.runUntil(5)
    sampler.catchUp()
    expect(Array.from(sampler.take()!.samples.t)).toEqual([3, 4, 5])
  })

  it(`charts at most ${MAX_CHART_NODES} nodes but measures all of them`, () => {
    const many = {
      version: 1,
      seed: 1,
      duration: 5,
      nodes: Array.from({ length: 40 }, (_, i) => ({
        id: `n${i}`,
        clock: { offset: i === 39 ? 0.5 : 0, skewPpm: 0 },
      })),
    }
    const parsed = parseScenario(many)
    if (!parsed.ok) throw new Error(parsed.error)
    let sim: Simulation | null = null
    const sampler = createHistorySampler(() => sim, 60)
    sim = createSimulation(parsed.scenario, { trace: (r) => sampler.trace(r) })
    sim.runUntil(2)
    sampler.catchUp()
    const { samples } = sampler.take()!
    expect(samples.nodes).toBe(MAX_CHART_NODES)
    expect(samples.offset.length).toBe(3 * MAX_CHART_NODES)
    expect(samples.accuracy[0]).toBeCloseTo(0.5, 9) // n39 is not charted but counts
  })
})
