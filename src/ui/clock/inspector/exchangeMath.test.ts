import { describe, expect, it } from 'vitest'
import { onWireSample } from '../../../engine/protocols/ntp/onWire'
import { exchangeTerms } from './exchangeMath'

describe('NTP exchange terms', () => {
  it('computes θ and δ from the four timestamps', () => {
    // client 50 ms behind the server; 3 ms up, 1 ms down; 0.2 ms turnaround
    const ts = { t1: 100, t2: 100.053, t3: 100.0532, t4: 100.0042 }
    const e = exchangeTerms(ts)
    expect(e.up).toBeCloseTo(0.053, 12)
    expect(e.down).toBeCloseTo(0.049, 12)
    expect(e.theta).toBeCloseTo(0.051, 12) // true 0.050 + (3 − 1)/2 ms of asymmetry
    expect(e.roundTrip).toBeCloseTo(0.0042, 12)
    expect(e.turnaround).toBeCloseTo(0.0002, 12)
    expect(e.delay).toBeCloseTo(0.004, 12)
    expect(e.errorBound).toBeCloseTo(0.002, 12)
    expect(Math.abs(e.theta - 0.05)).toBeLessThanOrEqual(e.errorBound)
  })

  it('agrees bit for bit with the engine’s on-wire sample', () => {
    const ts = { t1: 1234.567891, t2: 1234.601234, t3: 1234.601301, t4: 1234.568411 }
    const engine = onWireSample(ts, 1e-9, 1e-9)
    const e = exchangeTerms(ts)
    expect(e.theta).toBe(engine.offset)
    expect(e.delay).toBe(engine.delay)
  })
})
