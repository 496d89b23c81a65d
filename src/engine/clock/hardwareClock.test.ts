import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  advanceTo,
  createClock,
  peekLocal,
  quantise,
  setFrequency,
  slewClock,
  slewRemaining,
  stepClock,
  trueTimeOf,
} from './hardwareClock'
import { scenarioOf, simOf, timerProbe } from '../testing/probes'
import type { ProtocolDef } from '../protocols/protocol'

const params = (
  o: Partial<{ offset: number; skewPpm: number; wanderPpm: number; resolution: number }> = {},
) => ({
  offset: 0,
  skewPpm: 0,
  wanderPpm: 0,
  resolution: 0,
  ...o,
})

describe('hardware clock', () => {
  it('without wander, offset grows exactly by skew · t', () => {
    const c = createClock(params({ offset: 0.25, skewPpm: 100 }), 1, 0)
    for (const t of [0, 1, 10, 1000, 86400]) {
      expect(peekLocal(c, t) - t - 0.25).toBeCloseTo(100e-6 * t, 10)
    }
    expect(advanceTo(c, 500)).toBeCloseTo(500 * (1 + 100e-6) + 0.25, 9)
  })

  it('reads are quantised to the resolution', () => {
    const c = createClock(params({ resolution: 1e-3 }), 1, 0)
    expect(quantise(c, 1.23456)).toBeCloseTo(1.234, 12)
  })

  it('a step jumps the reading by exactly `by`', () => {
    const c = createClock(params({ skewPpm: 50 }), 1, 0)
    const before = advanceTo(c, 10)
    stepClock(c, 10, -0.5)
    expect(advanceTo(c, 10)).toBeCloseTo(before - 0.5, 12)
    expect(peekLocal(c, 20) - advanceTo(c, 10)).toBeCloseTo(10 * (1 + 50e-6), 12)
  })

  it('a slew absorbs the amount at no more than the rate limit, then stops', () => {
    const c = createClock(params(), 1, 0)
    slewClock(c, 0, 0.01, 500e-6) // 10 ms at 500 ppm = 20 s
    expect(peekLocal(c, 10) - 10).toBeCloseTo(0.005, 12)
    expect(slewRemaining(c, 10)).toBeCloseTo(0.005, 12)
    expect(peekLocal(c, 20) - 20).toBeCloseTo(0.01, 12)
    expect(peekLocal(c, 100) - 100).toBeCloseTo(0.01, 12)
    // rate never exceeds 1 + 500 ppm
    for (let t = 0; t < 25; t += 0.5)
      expect(peekLocal(c, t + 0.5) - peekLocal(c, t)).toBeLessThanOrEqual(
        0.5 * (1 + 500e-6) + 1e-12,
      )
    slewClock(c, 30, -0.002, 500e-6)
    expect(slewRemaining(c, 30)).toBeCloseTo(-0.002, 12)
  })

  it('frequency correction cancels skew', () => {
    const c = createClock(params({ skewPpm: 100 }), 1, 0)
    setFrequency(c, 0, 1 / (1 + 100e-6) - 1)
    expect(peekLocal(c, 1000) - 1000).toBeCloseTo(0, 9)
  })

  it('wander is a random walk drawn from the clock’s own stream (reproducible)', () => {
    const a = createClock(params({ wanderPpm: 1 }), 5, 3)
    const b = createClock(params({ wanderPpm: 1 }), 5, 3)
    const c = createClock(params({ wanderPpm: 1 }), 5, 4)
    expect(peekLocal(a, 1000)).toBe(peekLocal(b, 1000))
    expect(peekLocal(a, 1000)).not.toBe(peekLocal(c, 1000))
    // watching (peek) never changes what the engine computes
    const d = createClock(params({ wanderPpm: 1 }), 5, 3)
    for (let t = 0; t < 1000; t += 7.3) peekLocal(d, t)
    expect(advanceTo(d, 1000)).toBe(advanceTo(b, 1000))
  })

  it('property: trueTimeOf inverts the clock, across wander, slews and steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        (skewPpm, wanderPpm, slew, at, horizon) => {
          const c = createClock(params({ skewPpm, wanderPpm, offset: 3 }), 9, 1)
          advanceTo(c, at)
          slewClock(c, at, slew, 500e-6)
          const target = advanceTo(c, at) + horizon
          const t = trueTimeOf(c, target)
          expect(peekLocal(c, t)).toBeCloseTo(target, 8)
          // monotone: just before, the clock had not reached it yet
          if (horizon > 1e-3) expect(peekLocal(c, t - 1e-4)).toBeLessThan(target)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('timers on the local clock', () => {
  it('a 2 s local timer under +100 ppm skew fires at true 2 / (1 + 1e-4)', () => {
    const s = scenarioOf({ nodes: [{ id: 'a', clock: { skewPpm: 100, resolution: 0 } }] })
    const sim = simOf(s, [timerProbe as ProtocolDef])
    let firedAt = -1
    sim.trace = (r) => {
      if (r.type === 'timer') firedAt = r.t
    }
    sim.runUntil(5)
    expect(firedAt).toBeCloseTo(2 / (1 + 100e-6), 12)
  })

  it('a clock step forward fires pending timers early; the firing local time matches', () => {
    const s = scenarioOf({
      nodes: [{ id: 'a', clock: { resolution: 0 } }],
      faults: [{ at: 0.5, type: 'clockStep', node: 'a', by: 1 }],
    })
    const sim = simOf(s, [timerProbe as ProtocolDef])
    sim.runUntil(5)
    expect(sim.world.events).toBe(2)
    const st = sim.protocolState<{ localAtFire: number }>(0, 'timerProbe')!
    expect(st.localAtFire).toBeCloseTo(2, 9)
    // it fired at true time 1.0 (local 2.0 = 1.0 + the 1 s step)
  })
})

describe('timers far ahead on a wandering clock', () => {
  it('travel in bounded hops and still fire when the clock reads their time', () => {
    const s = scenarioOf({
      nodes: [{ id: 'a', clock: { wanderPpm: 0.1, resolution: 0 } }],
      faults: [{ at: 1, type: 'clockStep', node: 'a', by: -20000 }],
    })
    const sim = simOf(s, [timerProbe as ProtocolDef])
    let firedAt = -1
    sim.trace = (r) => {
      if (r.type === 'timer') firedAt = r.t
    }
    sim.runUntil(10)
    expect(firedAt).toBe(-1) // the step pushed local time 20 000 s back
    sim.runUntil(30000)
    expect(firedAt).toBeGreaterThan(20001)
    expect(sim.protocolState<{ localAtFire: number }>(0, 'timerProbe')!.localAtFire).toBeCloseTo(
      2,
      6,
    )
    // the clock's wander memory stays bounded
    expect(sim.world.nodes[0].clock.w.length).toBeLessThan(10000)
    expect(sim.world.events).toBe(2) // the step and the one firing: waypoints are not events
  })
})
