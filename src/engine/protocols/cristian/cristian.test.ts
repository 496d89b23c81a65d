import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, runAndSummarize } from '../../index'
import { cristianOffset } from './cristian'
import type { ScenarioInput } from '../../scenario/schema'

function run(input: Partial<ScenarioInput>, until: number) {
  const r = parseScenario({ version: 1, seed: 3, duration: until, ...input })
  if (!r.ok) throw new Error(r.error)
  const records: { t: number; by: number; rtt: number; err: number }[] = []
  const sim = createSimulation(r.scenario, {
    trace: (rec) => {
      if (rec.type === 'emit' && rec.event === 'clockStep') {
        const err = Math.abs(sim.offsetOf(sim.indexOf(rec.node)))
        records.push({ t: rec.t, err, ...(rec.data as { by: number; rtt: number }) })
      }
    },
  })
  return { sim, steps: records }
}

describe('Cristian', () => {
  it('θ = T_server + RTT/2 − T4', () => {
    const s = cristianOffset(10, 15.2, 10.4)
    expect(s.rtt).toBeCloseTo(0.4, 12)
    expect(s.offset).toBeCloseTo(5, 12)
  })

  it('on a symmetric, jitter-free path the correction is exact to the clock resolution', () => {
    const { sim, steps } = run(
      {
        nodes: [
          { id: 's', reference: true },
          { id: 'c', clock: { offset: 0.7, skewPpm: 0, resolution: 1e-6 } },
        ],
        network: { latency: { base: 0.004, jitter: 0 } },
        clockSync: { algorithm: 'cristian', pollInterval: 10 },
      },
      30,
    )
    sim.runUntil(30)
    expect(steps.length).toBeGreaterThanOrEqual(2)
    expect(Math.abs(sim.offsetOf(1))).toBeLessThanOrEqual(2e-6)
  })

  it('with jitter the error stays within RTT/2 − d_min of the chosen sample', () => {
    const dMin = 0.002
    const { sim, steps } = run(
      {
        nodes: [
          { id: 's', reference: true },
          { id: 'c', clock: { offset: -0.3, skewPpm: 0 } },
        ],
        network: { latency: { base: dMin, jitter: 0.003 } },
        clockSync: { algorithm: 'cristian', pollInterval: 5, burst: 4 },
      },
      200,
    )
    sim.runUntil(200)
    expect(steps.length).toBeGreaterThan(20)
    for (const st of steps) expect(st.err).toBeLessThanOrEqual(st.rtt / 2 - dMin + 2e-6)
    // and the bound is not vacuous: errors are not all zero
    expect(Math.max(...steps.map((s) => s.err))).toBeGreaterThan(1e-5)
  })

  it('the burst keeps its lowest-RTT sample', () => {
    const { sim, steps } = run(
      {
        nodes: [{ id: 's', reference: true }, { id: 'c' }],
        network: { latency: { base: 0.001, jitter: 0.01 } },
        clockSync: { algorithm: 'cristian', pollInterval: 5, burst: 8 },
      },
      100,
    )
    sim.runUntil(100)
    // with 8 samples per burst and mean jitter 10 ms each way, the best RTT is far below the mean (22 ms)
    const mean = steps.reduce((a, s) => a + s.rtt, 0) / steps.length
    expect(mean).toBeLessThan(0.012)
  })

  it('summary: accuracy and precision follow from the node offsets', () => {
    const r = parseScenario({
      version: 1,
      seed: 5,
      duration: 300,
      nodes: [
        { id: 's', reference: true },
        { id: 'a', clock: { skewPpm: 100 } },
        { id: 'b', clock: { skewPpm: -80 } },
      ],
      clockSync: { algorithm: 'cristian', pollInterval: 16 },
    })
    if (!r.ok) throw new Error(r.error)
    const sum = runAndSummarize(createSimulation(r.scenario), 300)
    const offs = Object.values(sum.clocks).map((c) => c.offset)
    expect(sum.accuracy).toBe(Math.max(...offs.map(Math.abs)))
    expect(sum.precision).toBeCloseTo(Math.max(...offs) - Math.min(...offs), 15)
    expect(sum.accuracy).toBeLessThan(100e-6 * 16 + 0.001)
    for (const c of Object.values(sum.clocks))
      expect(c.maxAbsOffsetLastQuarter).toBeGreaterThanOrEqual(Math.abs(c.offset))
  })
})
