import { describe, expect, it } from 'vitest'
import type { NtpState } from '../protocols/ntp/ntp'
import { offsetStats, runSampled } from './clockSyncRun'

/** Whole simulated runs: pure computation, so a busy shared machine must not time them out. */
const SLOW = { timeout: 120_000 }

/**
 * Three places where DriftLab's NTP departed from ntpd, found by running it under the conditions
 * of chrony's simulation tests (issue 11). Each test here failed before its fix.
 */
describe('NTP process time is not moved by a step NTP did not make', SLOW, () => {
  // ntpd's one-second timer is an interval timer: an operator's `date -s` moves the clock, not
  // the daemon's process time, so polls keep their cadence and the stepout is counted in seconds
  // that really passed.
  const stepped = (by: number) => ({
    version: 1,
    seed: 4,
    duration: 3000,
    nodes: [
      { id: 's1', reference: true },
      { id: 'c1', clock: { offset: 0.01, skewPpm: 10 } },
    ],
    network: { latency: { base: 1e-4, jitter: 1e-4 } },
    clockSync: { algorithm: 'ntp', pollInterval: 64 },
    faults: [{ at: 2000, type: 'clockStep', node: 'c1', by }],
  })

  it('after a foreign −200 s step the next poll comes within one poll interval and NTP steps back after the stepout', () => {
    const run = runSampled(stepped(-200), 3000)
    const exchanges = run.events.filter((e) => e.event === 'exchange' && e.t > 2000)
    expect(exchanges.length).toBeGreaterThan(5)
    expect(exchanges[0].t - 2000).toBeLessThanOrEqual(64 + 1)
    // every later poll keeps the 64 s cadence in true time
    for (let i = 1; i < exchanges.length; i++)
      expect(exchanges[i].t - exchanges[i - 1].t).toBeLessThan(64 + 1)
    const back = run.events.filter((e) => e.event === 'clockStep' && e.t > 2000)
    expect(back).toHaveLength(1)
    expect(back[0].data.by as number).toBeCloseTo(200, 2)
    // ntpd: while pre-step samples are in the filter their 200 s spread is the peer's jitter,
    // so its root distance is beyond MAXDIST and it is not selected; once they are shifted out
    // (8 polls) a sample newer than the last one used is a spike, and the next, past the
    // stepout (300 s since the last accepted update), steps. Before the fix polls
    // ran 200 s late and the step came 1 050 s after the fault.
    expect(back[0].t - 2000).toBeGreaterThan(300)
    expect(back[0].t - 2000).toBeLessThan(8 * 64 + 4 * 64)
    expect(Math.abs(run.offsets.c1.at(-1)!)).toBeLessThan(2e-3)
  })

  it('after a foreign +200 s step samples are not stamped in the future: polls keep their cadence', () => {
    // Process time started with true time (10 ppm apart), so a sample's stamp is its true time.
    const early = runSampled(stepped(200), 2100)
    const last = early.events.filter((e) => e.event === 'exchange').at(-1)!
    expect(last.t).toBeGreaterThan(2000)
    const c1 = early.sim.protocolState<NtpState>(early.sim.indexOf('c1'), 'ntp')!
    // before the fix: stamped 16 s ahead (the stretch the step had swallowed)
    expect(Math.abs(c1.peers[0].filter.stages[0].t - last.t)).toBeLessThan(1.5)
    const run = runSampled(stepped(200), 3000)
    const exchanges = run.events.filter((e) => e.event === 'exchange' && e.t > 2000)
    expect(exchanges.length).toBeGreaterThan(5)
    expect(exchanges[0].t - 2000).toBeLessThanOrEqual(64 + 1)
    const back = run.events.filter((e) => e.event === 'clockStep' && e.t > 2000)
    expect(back).toHaveLength(1)
    expect(back[0].data.by as number).toBeCloseTo(-200, 2)
    expect(back[0].t - 2000).toBeGreaterThan(300)
    expect(back[0].t - 2000).toBeLessThan(8 * 64 + 4 * 64)
  })
})

describe('NTP samples taken while slewing', SLOW, () => {
  // θ describes the clock at the exchange midpoint; the phase slewed between the midpoint and T4
  // must not be counted twice, or the startup frequency fit reads it as a frequency error.
  it('symmetric jitter-free 100 ms path, 50 ms initial offset: nothing measurable remains after 10 000 s', () => {
    const run = runSampled(
      {
        version: 1,
        seed: 1,
        duration: 10_000,
        nodes: [
          { id: 's1', reference: true },
          { id: 'c1', clock: { offset: 0.05, resolution: 1e-9 } },
        ],
        network: { latency: { base: 0.05, jitter: 0 } },
        clockSync: { algorithm: 'ntp' },
      },
      10_000,
      10,
    )
    expect(offsetStats(run, 'c1', 9000).max).toBeLessThan(1e-6)
  })
})

describe('NTP frequency at large skews', SLOW, () => {
  // The frequency is measured per local second (−y/(1+y)) but applied as a gain over the
  // oscillator, which needs −y: at +5 000 ppm the difference is 25 ppm.
  it('+5 000 ppm with maxSlewPpm 100 000 settles below 0.5 ms', () => {
    const run = runSampled(
      {
        version: 1,
        seed: 2,
        duration: 10_000,
        nodes: [
          { id: 's1', reference: true },
          { id: 'c1', clock: { offset: 0.05, skewPpm: 5000 } },
        ],
        network: { latency: { base: 1e-4, jitter: 1e-4 } },
        clockSync: { algorithm: 'ntp', maxSlewPpm: 100_000 },
      },
      10_000,
      10,
    )
    expect(offsetStats(run, 'c1', 2000).max).toBeLessThan(0.5e-3)
  })
})
