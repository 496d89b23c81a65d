import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, presets } from '../engine'
import { summarizeClocks } from './clockSummary'

function run(id: string, until: number) {
  const parsed = parseScenario(presets.find((p) => p.id === id)!.scenario)
  if (!parsed.ok) throw new Error(parsed.error)
  const sim = createSimulation(parsed.scenario)
  sim.runUntil(until)
  return sim
}

describe('clock summaries', () => {
  it('report NTP state, stratum and the correction the discipline applies', () => {
    const sim = run('ntp-lan', 900)
    const [s1, , , c1] = summarizeClocks(sim)
    expect(s1.sync).toMatchObject({ algo: 'ntp', state: null, stratum: 1 })
    expect(c1.sync).toMatchObject({
      algo: 'ntp',
      state: 'SYNC',
      stratum: 2,
      peer: expect.any(String),
    })
    expect(c1.skewPpm).toBeCloseTo(60, 9)
    // the discipline cancels the 60 ppm skew
    expect(c1.correctionPpm).toBeGreaterThan(-70)
    expect(c1.correctionPpm).toBeLessThan(-50)
  })

  it('name the servers each NTP client votes out as falsetickers', () => {
    const sim = run('ntp-falsetickers', 600)
    const ids = sim.world.nodes.map((n) => n.id)
    const c1 = summarizeClocks(sim)[ids.indexOf('c1')]
    expect(c1.sync).toMatchObject({ algo: 'ntp' })
    const rejected = c1.sync?.algo === 'ntp' ? c1.sync.rejected : []
    expect([...rejected].sort()).toEqual(['s4', 's5'])
  })

  it('tell ntpd and chrony clients apart when they share a run', () => {
    const sim = run('ntpd-vs-chrony', 900)
    const [s1, , , ntpd, chronyd] = summarizeClocks(sim)
    expect(s1.sync).toMatchObject({ algo: 'ntp', state: null, stratum: 1 })
    expect(ntpd.sync).toMatchObject({ algo: 'ntp', stratum: 2, synchronised: true })
    expect(chronyd.sync).toMatchObject({
      algo: 'chrony',
      stratum: 2,
      synchronised: true,
      source: expect.any(String),
    })
  })

  it('follow live drift changes and lies', () => {
    const sim = run('ntp-lan', 10)
    sim.inject({ fault: { type: 'setSkew', node: 'c2', ppm: 333 } })
    sim.inject({ fault: { type: 'falseticker', node: 's2', lie: 0.25 } })
    const s = summarizeClocks(sim)
    expect(s[4].skewPpm).toBeCloseTo(333, 9)
    expect(s[1].lie).toBe(0.25)
  })

  it('tell Berkeley’s master from its slaves, and what each was told to do', () => {
    const s = summarizeClocks(run('berkeley-outlier', 25))
    expect(s[0].sync).toMatchObject({ algo: 'berkeley', master: true })
    expect((s[0].sync as { round: number }).round).toBeGreaterThanOrEqual(2)
    expect(s[4].sync).toMatchObject({ algo: 'berkeley', master: false })
    expect((s[4].sync as { adjustment: { by: number } }).adjustment.by).toBeLessThan(0)
  })

  it('count the naive rule’s rounds and its last (wrong) step', () => {
    const s = summarizeClocks(run('naive-misconception', 35))
    expect(s[1].sync).toMatchObject({ algo: 'naive', server: 's1', diverged: false })
    const { rounds, step } = s[1].sync as { rounds: number; step: number }
    expect(rounds).toBeGreaterThanOrEqual(3)
    // it stepped by +Δt: the same sign as the error, so the clock ran further ahead
    expect(step).toBeGreaterThan(0)
  })

  it('leave free-running clocks without a sync state', () => {
    const s = summarizeClocks(run('free-drift', 5))
    expect(s.every((x) => x.sync === null)).toBe(true)
    expect(s[1].skewPpm).toBeCloseTo(200, 9)
    expect(s[1].correctionPpm).toBe(0)
  })
})
