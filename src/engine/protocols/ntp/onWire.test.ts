import { describe, expect, it } from 'vitest'
import { PHI } from './constants'
import { checkReply, onWireSample, type NtpReply } from './onWire'

/** Timestamps of one exchange: client offset e (local − true), one-way delays up/down, sent at true time t0. */
function exchange(e: number, up: number, down: number, t0 = 100) {
  return { t1: t0 + e, t2: t0 + up, t3: t0 + up, t4: t0 + up + down + e }
}

const reply = (org: number, xmt: number): NtpReply => ({
  org,
  rec: xmt,
  xmt,
  stratum: 1,
  precision: 1e-6,
  rootDelay: 0,
  rootDisp: 0,
  refId: null,
})

describe('on-wire arithmetic (RFC 5905 §8)', () => {
  it('symmetric path: θ is exactly server − client and δ the round trip', () => {
    const s = onWireSample(exchange(0.25, 0.004, 0.004), 1e-6, 1e-6)
    expect(s.offset).toBeCloseTo(-0.25, 12)
    expect(s.delay).toBeCloseTo(0.008, 12)
  })

  it('asymmetric path: θ is off by (d↑ − d↓)/2, within δ/2', () => {
    const s = onWireSample(exchange(0, 0.01, 0.002), 1e-6, 1e-6)
    expect(s.offset).toBeCloseTo(0.004, 12)
    expect(s.delay).toBeCloseTo(0.012, 12)
    expect(Math.abs(s.offset)).toBeLessThanOrEqual(s.delay / 2)
  })

  it('the seed example: a clock 50 ms fast gets θ = −0.05 (add θ, do not add Δt)', () => {
    const s = onWireSample(exchange(0.05, 0.001, 0.001), 1e-6, 1e-6)
    expect(s.offset).toBeCloseTo(-0.05, 12)
  })

  it('floors the delay at the precision', () => {
    expect(onWireSample(exchange(0, 0, 0), 1e-6, 1e-6).delay).toBe(1e-6)
    expect(onWireSample({ t1: 1, t2: 1, t3: 1, t4: 0.9999999 }, 2e-6, 1e-6).delay).toBe(2e-6)
  })

  it('dispersion ε₀ = ρ_r + ρ_s + PHI·(T4 − T1)', () => {
    const s = onWireSample(exchange(0, 0.1, 0.1), 1e-6, 4e-6)
    expect(s.disp).toBeCloseTo(5e-6 + PHI * 0.2, 15)
  })
})

describe('packet checks', () => {
  it('accepts the answer to the outstanding request', () => {
    expect(checkReply(10, null, reply(10, 20))).toBe('ok')
  })
  it('rejects a duplicate (same T3 as the last reply)', () => {
    expect(checkReply(10, 20, reply(10, 20))).toBe('duplicate')
  })
  it('rejects a bogus reply (T1 not what we sent, or nothing outstanding)', () => {
    expect(checkReply(10, null, reply(9, 20))).toBe('bogus')
    expect(checkReply(null, null, reply(10, 20))).toBe('bogus')
  })
})
