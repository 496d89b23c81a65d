import { describe, expect, it } from 'vitest'
import type { BerkeleyState } from '../protocols/berkeley/berkeley'
import type { NaiveState } from '../protocols/naive/naive'
import type { SntpState } from '../protocols/sntp/sntp'
import { offsetStats, runSampled } from './clockSyncRun'

/** Whole simulated runs: pure computation, so a busy shared machine must not time them out. */
const SLOW = { timeout: 120_000 }

describe('SNTP (RFC 4330)', SLOW, () => {
  const base = {
    version: 1,
    seed: 5,
    nodes: [
      { id: 's1', reference: true },
      { id: 'c1', clock: { offset: 0.04, skewPpm: 80 } },
    ],
    network: { latency: { base: 0.002, jitter: 0.0002 } },
  }

  it('applies each reply at once: slews small offsets and tracks the skew poll by poll', () => {
    const run = runSampled(
      { ...base, duration: 600, clockSync: { algorithm: 'sntp', pollInterval: 16 } },
      600,
    )
    const c1 = run.sim.protocolState<SntpState>(1, 'sntp')!
    expect(c1.correction?.mode).toBe('slew')
    expect(run.events.some((e) => e.event === 'clockStep')).toBe(false)
    // no frequency correction: between polls the clock drifts 80 ppm × 16 s ≈ 1.3 ms
    const after = offsetStats(run, 'c1', 300)
    expect(after.max).toBeLessThan(2e-3)
    expect(after.max).toBeGreaterThan(0.5e-3)
  })

  it('steps an offset beyond the step threshold', () => {
    const run = runSampled(
      {
        ...base,
        duration: 60,
        nodes: [base.nodes[0], { id: 'c1', clock: { offset: 2 } }],
        clockSync: { algorithm: 'sntp' },
      },
      60,
    )
    const step = run.events.find((e) => e.event === 'clockStep')!
    expect(step.data.by as number).toBeCloseTo(-2, 2)
    expect(Math.abs(run.offsets.c1.at(-1)!)).toBeLessThan(1e-3)
  })

  it('polls no faster than every 15 s', () => {
    const run = runSampled(
      { ...base, duration: 300, clockSync: { algorithm: 'sntp', pollInterval: 1 } },
      300,
    )
    const c1 = run.sim.protocolState<SntpState>(1, 'sntp')!
    expect(c1.polls).toBeLessThanOrEqual(Math.ceil(300 / 15) + 1)
    expect(c1.polls).toBeGreaterThanOrEqual(19)
  })
})

describe('Berkeley (Gusella & Zatti)', SLOW, () => {
  const nodes = [
    { id: 'm', clock: { offset: 0.01, skewPpm: 5 } },
    { id: 'a', clock: { offset: 0.03, skewPpm: -5 } },
    { id: 'b', clock: { offset: -0.02, skewPpm: 3 } },
    { id: 'c', clock: { offset: 0.04 } },
    { id: 'wild', clock: { offset: 1.2 } },
  ]

  it('excludes the outlier from the average; precision improves, accuracy need not', () => {
    const run = runSampled(
      {
        version: 1,
        seed: 2,
        duration: 300,
        nodes,
        network: { latency: { base: 0.002, jitter: 0.0001 } },
        clockSync: {
          algorithm: 'berkeley',
          pollInterval: 10,
          master: 'm',
          outlierBound: 0.1,
          stepThreshold: 0.5,
        },
      },
      300,
    )
    const m = run.sim.protocolState<BerkeleyState>(0, 'berkeley')!
    const first = run.events.find((e) => e.event === 'berkeleyRound')!
    expect(first.data.outliers).toEqual(['wild'])
    expect(first.data.used).toEqual(['m', 'a', 'b', 'c'])
    // once corrected the wild clock agrees: the last round has no outlier left
    expect(m.last?.estimates.every((e) => e.status === 'used')).toBe(true)
    // the wild clock is corrected towards the others (stepped: its adjustment is beyond 0.5 s)
    expect(run.events.some((e) => e.event === 'clockStep' && e.node === 'wild')).toBe(true)

    const spread = (k: number) => {
      const o = run.sim.nodeIds.map((id) => run.offsets[id][k])
      return Math.max(...o) - Math.min(...o)
    }
    const initial =
      Math.max(...nodes.map((n) => n.clock.offset)) - Math.min(...nodes.map((n) => n.clock.offset))
    expect(initial).toBeGreaterThan(1)
    expect(spread(run.times.length - 1)).toBeLessThan(2e-3) // precision: clocks agree
    // accuracy: they agree on the mean of the four honest clocks (~15 ms), not on true time,
    // and not on a mean dragged by the outlier (~256 ms)
    const end = run.offsets.m.at(-1)!
    expect(end).toBeGreaterThan(0.005)
    expect(end).toBeLessThan(0.03)
  })

  it('ignores readings with a round trip beyond maxRtt and adjusts only the others', () => {
    const run = runSampled(
      {
        version: 1,
        seed: 3,
        duration: 30,
        nodes: nodes.slice(0, 4),
        network: {
          latency: { base: 0.002, jitter: 0 },
          links: [{ from: 'c', to: 'm', latency: { base: 0.3, jitter: 0 } }],
        },
        clockSync: { algorithm: 'berkeley', pollInterval: 10, master: 'm', maxRtt: 0.1 },
      },
      30,
    )
    const m = run.sim.protocolState<BerkeleyState>(0, 'berkeley')!
    expect(m.last?.estimates.find((e) => e.node === 'c')?.status).toMatch(/slow|noReply/)
    expect(m.last?.adjustments.map((a) => a.node)).toEqual(['m', 'a', 'b'])
  })
})

describe('naive (the seed tutorial misconception)', SLOW, () => {
  it('the error grows every round, and every event says it is a misconception', () => {
    const run = runSampled(
      {
        version: 1,
        seed: 1,
        duration: 200,
        nodes: [
          { id: 's1', reference: true },
          { id: 'c1', clock: { offset: 0.05 } },
        ],
        network: { latency: { base: 0.001, jitter: 0 } },
        clockSync: { algorithm: 'naive', pollInterval: 16 },
      },
      200,
    )
    const steps = run.events.filter((e) => e.event === 'clockStep')
    expect(steps.length).toBeGreaterThanOrEqual(10)
    expect(steps.every((e) => e.data.misconception === true)).toBe(true)
    // the error the client saw each round (Δt = t_n − t_ref): strictly growing, roughly doubling
    const errors = steps.map((e) => Math.abs(e.data.by as number))
    for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeGreaterThan(errors[i - 1])
    expect(errors[4] / errors[3]).toBeGreaterThan(1.9)
    // the tutorial's own example: 50 ms fast becomes ~100 ms fast after one round
    expect(run.offsets.c1[Math.ceil(steps[0].t)]).toBeCloseTo(0.1, 2)
    const c1 = run.sim.protocolState<NaiveState>(1, 'naive')!
    expect(c1.rounds).toBe(steps.length)
  })

  it('gives up once the error is absurd, leaving finite numbers', () => {
    const run = runSampled(
      {
        version: 1,
        seed: 1,
        duration: 2000,
        nodes: [
          { id: 's1', reference: true },
          { id: 'c1', clock: { offset: 1 } },
        ],
        clockSync: { algorithm: 'naive', pollInterval: 16 },
      },
      2000,
      100,
    )
    expect(run.events.some((e) => e.event === 'diverged' && e.data.misconception === true)).toBe(
      true,
    )
    expect(Number.isFinite(run.offsets.c1.at(-1)!)).toBe(true)
  })
})
