import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario } from '../index'

/** Whole simulated runs: pure computation, so a busy shared machine must not time them out. */
const SLOW = { timeout: 120_000 }

/** Run `clockSync` on a reference and three clients; per client, the bound and |offset| each second. */
function boundsOf(clockSync: Record<string, unknown>, duration: number, skews = [60, -90, 150]) {
  const parsed = parseScenario({
    version: 1,
    seed: 3,
    duration,
    nodes: [
      { id: 's1', reference: true },
      ...skews.map((skewPpm, i) => ({
        id: `c${i + 1}`,
        clock: { offset: 0.03 * (i - 1), skewPpm },
      })),
    ],
    network: { latency: { base: 0.004, jitter: 0.001 } },
    clockSync,
  })
  if (!parsed.ok) throw new Error(parsed.error)
  const sim = createSimulation(parsed.scenario)
  const atStart = sim.clockErrorBound(1)
  const samples: { t: number; node: number; bound: number | null; error: number }[] = []
  for (let t = 1; t <= duration; t++) {
    sim.runUntil(t)
    for (let n = 1; n <= skews.length; n++)
      samples.push({ t, node: n, bound: sim.clockErrorBound(n), error: Math.abs(sim.offsetOf(n)) })
  }
  return { sim, samples, atStart }
}

describe('clockErrorBound: what the clock-sync algorithm knows of its own error', SLOW, () => {
  for (const [name, clockSync, duration] of [
    ['NTP (root distance)', { algorithm: 'ntp', pollInterval: 16 }, 900],
    [
      'chrony (root distance + what is still being slewed)',
      { algorithm: 'chrony', pollInterval: 16 },
      900,
    ],
    ['SNTP (δ/2 + server root distance + drift)', { algorithm: 'sntp', pollInterval: 16 }, 300],
    ['Cristian (RTT/2 + drift)', { algorithm: 'cristian', pollInterval: 10 }, 300],
    [
      'Berkeley (reading error + spread, with the reference in the average)',
      { algorithm: 'berkeley', pollInterval: 10, master: 's1' },
      300,
    ],
  ] as const) {
    it(`${name}: unknown before the first synchronisation, then always holds`, () => {
      const { sim, samples, atStart } = boundsOf(clockSync, duration)
      expect(atStart).toBeNull()
      const known = samples.filter((s) => s.bound !== null)
      expect(known.length).toBeGreaterThan(samples.length / 3)
      const broken = known.filter((s) => s.error > s.bound!)
      expect(broken).toEqual([])
      // the bound is informative: well under a second once synchronised
      expect(Math.max(...known.slice(-30).map((s) => s.bound!))).toBeLessThan(0.1)
      expect(sim.clockErrorBound(0)).toBe(1e-6) // the reference: its resolution
    })
  }

  it('a clock drifting faster than the assumed 200 ppm breaks the promise between syncs', () => {
    const { samples } = boundsOf({ algorithm: 'cristian', pollInterval: 30 }, 200, [60, 2000, 0])
    const fast = samples.filter((s) => s.node === 2 && s.bound !== null)
    expect(fast.length).toBeGreaterThan(100)
    expect(fast.some((s) => s.error > s.bound!)).toBe(true)
  })

  it('no clock synchronisation: nothing is known', () => {
    const parsed = parseScenario({ version: 1, seed: 1, duration: 5, nodes: [{ id: 'a' }] })
    if (!parsed.ok) throw new Error(parsed.error)
    const sim = createSimulation(parsed.scenario)
    sim.runUntil(5)
    expect(sim.clockErrorBound(0)).toBeNull()
  })
})
