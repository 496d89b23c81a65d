import { describe, expect, it } from 'vitest'
import { presets } from '../../scenario/presets'
import { offsetStats, runSampled } from '../../integration/clockSyncRun'
import type { ChronyState } from './chrony'
import { criticalRuns, findBestRegression, secondSlope } from './regress'

const SLOW = { timeout: 120_000 }

describe('regression (chrony regress.c)', () => {
  it('fits a line exactly and keeps every sample when the residuals are noise', () => {
    const x = [-40, -30, -20, -10, 0]
    const y = x.map((t) => 0.002 + 1e-5 * t)
    const r = findBestRegression(x, y, [1, 1, 1, 1, 1], 0, 0)!
    expect(r.slope).toBeCloseTo(1e-5, 15)
    expect(r.intercept).toBeCloseTo(0.002, 15)
    expect(r.start).toBe(0)
  })

  it('drops the older samples when the residuals run in long same-sign stretches (the frequency changed)', () => {
    // 20 samples; the frequency doubles at the 12th: one line does not fit both halves
    const x = Array.from({ length: 20 }, (_, i) => i - 19)
    const y = x.map((t, i) => (i < 12 ? 1e-5 * t : 1e-5 * (12 - 19) + 3e-5 * (t - (12 - 19))))
    const jitter = x.map((_, i) => (i % 2 ? 1e-8 : -1e-8))
    const r = findBestRegression(
      x,
      y.map((v, i) => v + jitter[i]),
      x.map(() => 1),
      0,
      0,
    )!
    expect(r.start).toBeGreaterThan(5)
    expect(r.slope).toBeCloseTo(3e-5, 7)
  })

  it('runs test: no rejection below 10 points, about n/2 − 1.645σ above', () => {
    expect(criticalRuns(9)).toBe(0)
    expect(criticalRuns(20)).toBe(7)
    expect(criticalRuns(40)).toBe(15)
  })

  it('finds the offset’s slope against delay apart from the trend in time', () => {
    const t = [0, 1, 2, 3, 4, 5, 6, 7]
    const d = [0.3, 0.1, 0.5, 0.2, 0.0, 0.4, 0.6, 0.1]
    const y = t.map((ti, i) => 1e-3 * ti + 0.47 * d[i])
    expect(secondSlope(t, d, y)).toBeCloseTo(0.47, 10)
    expect(secondSlope(t.slice(0, 3), d.slice(0, 3), y.slice(0, 3))).toBeNull()
  })
})

const lan = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  seed: 4,
  duration: 3000,
  nodes: [
    { id: 's1', reference: true },
    { id: 's2', reference: true },
    { id: 's3', reference: true },
    { id: 'c1', clock: { offset: 0.1, skewPpm: 100, wanderPpm: 0.001 } },
  ],
  network: { latency: { base: 1e-4, jitter: 1e-4 } },
  clockSync: { algorithm: 'chrony' },
  ...extra,
})

const chronyOf = (run: ReturnType<typeof runSampled>, id: string) =>
  run.sim.protocolState<ChronyState>(run.sim.indexOf(id), 'chrony')!

describe('chrony client', SLOW, () => {
  it('with iburst: within 1 ms in seconds, the frequency found, the sources combined', () => {
    const run = runSampled(lan(), 3000)
    // four samples 2 s apart fix the frequency only roughly: the first minutes stay within 1 ms
    expect(offsetStats(run, 'c1', 30).max).toBeLessThan(1e-3)
    expect(offsetStats(run, 'c1', 600).max).toBeLessThan(0.3e-3)
    const c1 = chronyOf(run, 'c1')
    expect(c1.ref).toMatchObject({ synchronised: true, stratum: 2 })
    expect(c1.ref.combined).toBeGreaterThan(1)
    // the clock gains −100 ppm over its oscillator
    expect(c1.base * 1e6).toBeCloseTo(-100, 1)
    expect(c1.sources.filter((s) => s.status === 'selected')).toHaveLength(1)
  })

  it('is deterministic and plain data: a snapshot restored mid-run continues identically', () => {
    const a = runSampled(lan(), 1500)
    const b = runSampled({ ...lan(), duration: 700 }, 700)
    const snap = b.sim.snapshot()
    b.sim.restore(snap)
    b.sim.runUntil(1500)
    expect(b.sim.traceHash).toBe(a.sim.traceHash)
  })

  it('a foreign step: polls keep their cadence, samples are discarded, makestep steps back', () => {
    const run = runSampled(
      lan({
        clockSync: { algorithm: 'chrony', makestep: [1, -1] },
        faults: [{ at: 1000, type: 'clockStep', node: 'c1', by: -50 }],
      }),
      3000,
    )
    const back = run.events.filter((e) => e.event === 'clockStep' && e.t > 1000)
    expect(back).toHaveLength(1)
    expect(back[0].data.by as number).toBeCloseTo(50, 2)
    // three new samples per source at the (shortened) poll
    expect(back[0].t - 1000).toBeLessThan(600)
    expect(Math.abs(run.offsets.c1.at(-1)!)).toBeLessThan(1e-3)
  })

  it('ntpd vs chrony preset: each client runs its own algorithm against the same servers', () => {
    const preset = presets.find((p) => p.id === 'ntpd-vs-chrony')!
    const run = runSampled(preset.scenario, 1800)
    const ntpd = run.sim.indexOf('ntpd')
    const chronyd = run.sim.indexOf('chronyd')
    expect(run.sim.protocolState(ntpd, 'ntp')).not.toBeNull()
    expect(run.sim.protocolState(ntpd, 'chrony')).toBeNull()
    expect(run.sim.protocolState(chronyd, 'chrony')).not.toBeNull()
    expect(run.sim.protocolState(chronyd, 'ntp')).toBeNull()
    // chrony slews the 100 ms in seconds; ntpd at 500 ppm takes minutes
    const at = (id: string, t: number) => Math.abs(run.offsets[id][t - 1])
    expect(at('chronyd', 30)).toBeLessThan(1e-3)
    expect(at('ntpd', 30)).toBeGreaterThan(0.05)
    expect(offsetStats(run, 'chronyd', 600).max).toBeLessThan(1e-3)
    expect(offsetStats(run, 'ntpd', 900).max).toBeLessThan(1e-3)
  })
})
