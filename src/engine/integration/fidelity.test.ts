import { describe, expect, it } from 'vitest'
import { conditions, measure, type Condition } from './fidelity'
import { runSampled } from './clockSyncRun'

/**
 * chrony's simulation-test conditions (fidelity.ts; the full table over 10 seeds is
 * docs/fidelity.md, `npm run fidelity`). A few seeds here keep the test run short.
 */
const SLOW = { timeout: 600_000 }
const SEEDS = [1, 2, 3]

const all = conditions()
const byId = (id: string): Condition => {
  const c = all.find((x) => x.id === id)
  if (!c) throw new Error(`no condition ${id}`)
  return c
}

/**
 * The one condition whose chrony test DriftLab cannot reproduce exactly: chrony's drops every
 * packet of the client's but each 20th, DriftLab drops 95 % at random, so samples can be many
 * more polls apart (at 1 024 s each) and the clock's wander in between exceeds the limits.
 */
const NOT_EXACT = new Set(['requests-lost-95'])

describe("chrony client: chrony's own pass limits", SLOW, () => {
  const cases = all.filter((c) => !NOT_EXACT.has(c.id))
  it('covers every condition but one', () => {
    expect(cases.length).toBeGreaterThan(25)
    expect(cases.length).toBe(all.length - NOT_EXACT.size)
  })
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    for (const seed of SEEDS) {
      const v = measure(c, 'chrony', seed)
      expect({ seed, missed: v.missed, pass: v.pass }).toEqual({
        seed,
        missed: c.expectFail ? v.missed : [],
        pass: true,
      })
    }
  })
})

describe('ntp (ntpd) under the same conditions: what ntpd should achieve', SLOW, () => {
  it('defaults without iburst: three polls to fill the filter, the 300 s FREQ interval, then within 1 ms', () => {
    for (const seed of SEEDS) {
      const v = measure(byId('defaults'), 'ntp', seed)
      expect(v.sync).toBeGreaterThan(500)
      expect(v.sync).toBeLessThan(700)
    }
    const run = runSampled(byId('defaults').scenario('ntp', 1), 10_000)
    const after = run.offsets.c1.slice(700)
    expect(after.length).toBeGreaterThan(9000)
    expect(Math.max(...after.map(Math.abs))).toBeLessThan(1e-3)
  })

  it('a frequency error beyond ±500 ppm is beyond ntpd: the clock never synchronises', () => {
    for (const id of ['freq-5000ppm', 'freq+5000ppm']) {
      const v = measure(byId(id), 'ntp', 1)
      expect(v.sync).toBe(Infinity)
      // it corrects what it can: 500 of the 5 000 ppm
      expect(v.freqMax).toBeCloseTo(4.5e-3, 4)
    }
  })

  it('±100 s off: stepped at once (chrony slews for 1 200 s), then within 1 ms', () => {
    for (const id of ['offset-100s', 'offset+100s']) {
      const v = measure(byId(id), 'ntp', 2)
      expect(v.sync).toBeLessThan(700)
      expect(v.timeMax).toBeLessThan(1e-3)
    }
  })

  it('an external ±100 s step: a spike, the step after the stepout, in sync well before chrony', () => {
    for (const id of ['step-100s', 'step+100s']) {
      const v = measure(byId(id), 'ntp', 3)
      expect(v.sync).toBeGreaterThan(150 + 300)
      expect(v.sync).toBeLessThan(1300)
      expect(v.timeMax).toBeLessThan(1e-3)
    }
  })

  it('a 10⁵ s step is past the panic threshold: ntpd gives up and leaves the clock', () => {
    const run = runSampled(byId('step+100000s-makestep').scenario('ntp', 1), 10_000, 10)
    expect(run.events.some((e) => e.event === 'panic')).toBe(true)
    expect(run.offsets.c1.at(-1)!).toBeGreaterThan(9.9e4)
  })

  it('falsetickers: 1 or 2 of 5 voted out (in sync by 1 000 s); 3 or 4 of 5 leave no majority', () => {
    for (const k of [1, 2]) {
      const v = measure(byId(`falsetickers-${k}of5`), 'ntp', 1)
      expect(v.sync).toBeLessThan(1000)
    }
    for (const k of [3, 4]) {
      const run = runSampled(byId(`falsetickers-${k}of5`).scenario('ntp', 1), 10_000, 10)
      expect(run.events.some((e) => e.event === 'noMajority')).toBe(true)
      expect(measure(byId(`falsetickers-${k}of5`), 'ntp', 1).sync).toBe(Infinity)
    }
  })

  it('two servers 0.5 s off through a one-way delay: all three intervals agree, and combining weighs them in by 1/distance', () => {
    const run = runSampled(byId('asymmetric-servers').scenario('ntp', 1), 10_000, 10)
    const end = run.offsets.c1.slice(-100)
    // ntpd's combine: (θ₁/λ₁ + 2·(−0.5)/0.5)/(1/λ₁ + 2/0.5): with the good server's root
    // distance λ₁ of a few ms, the clock sits about 10 ms off (chrony leaves out sources more
    // than 3 times farther than the one it selected)
    expect(end.length).toBe(100)
    for (const o of end) {
      expect(Math.abs(o)).toBeGreaterThan(2e-3)
      expect(Math.abs(o)).toBeLessThan(30e-3)
    }
  })

  it("33 % loss: synchronises, and stays within chrony's time maximum", () => {
    for (const seed of SEEDS) {
      const v = measure(byId('packet-loss'), 'ntp', seed)
      expect(v.sync).toBeLessThan(2000)
      expect(v.timeMax).toBeLessThan(1e-3)
    }
  })
})
