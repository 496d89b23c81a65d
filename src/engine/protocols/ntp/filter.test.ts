import { describe, expect, it } from 'vitest'
import { MAXDISP, PHI } from './constants'
import {
  clockFilter,
  dispersionAt,
  emptyEstimate,
  emptyRegister,
  shiftIn,
  type PeerEstimate,
} from './filter'

const P = 1e-6
const POLL = 64

function feed(samples: { offset: number; delay: number; t: number }[], byDelay = true) {
  const reg = emptyRegister(0)
  const est: PeerEstimate = emptyEstimate(0)
  const outcomes: string[] = []
  for (const s of samples) {
    shiftIn(reg, s.offset, s.delay, 1e-5, s.t, s.t)
    outcomes.push(clockFilter(reg, est, s.t, P, POLL, byDelay).outcome)
  }
  return { reg, est, outcomes }
}

describe('clock filter (RFC 5905 §10)', () => {
  it('starts with eight dummy stages', () => {
    const reg = emptyRegister(0)
    expect(reg.stages).toHaveLength(8)
    expect(reg.stages.every((s) => s.delay === MAXDISP && s.disp === MAXDISP)).toBe(true)
  })

  it('picks the sample with the least delay', () => {
    const { est } = feed([
      { offset: 0.003, delay: 0.03, t: 1 },
      { offset: 0.0005, delay: 0.011, t: 65 },
      { offset: 0.002, delay: 0.02, t: 129 },
    ])
    expect(est.offset).toBe(0.0005)
    expect(est.delay).toBe(0.011)
    expect(est.t).toBe(65)
  })

  it('uses a sample once and never an older one: a larger-delay newcomer is stale', () => {
    const { outcomes } = feed([
      { offset: 0.001, delay: 0.01, t: 1 },
      { offset: 0.0011, delay: 0.02, t: 65 },
    ])
    expect(outcomes).toEqual(['update', 'stale'])
  })

  it('until the discipline settles it takes the newest sample whatever its delay', () => {
    const { est } = feed(
      [
        { offset: 0.001, delay: 0.01, t: 1 },
        { offset: 0.0011, delay: 0.02, t: 65 },
      ],
      false,
    )
    expect(est.t).toBe(65)
  })

  it('peer dispersion is Σ εᵢ/2^(i+1) over the delay-sorted stages, dummies included', () => {
    const { est } = feed([{ offset: 0, delay: 0.01, t: 0 }])
    // one real stage (1e-5) first, then seven dummies at MAXDISP
    let expected = 1e-5 / 2
    for (let i = 1; i < 8; i++) expected += MAXDISP / 2 ** (i + 1)
    expect(est.disp).toBeCloseTo(expected, 9)
    expect(dispersionAt(est, 100)).toBeCloseTo(expected + PHI * 100, 9)
  })

  it('four samples bring the dispersion under 1 s; eight under a millisecond', () => {
    const four = feed([0, 2, 4, 6].map((t) => ({ offset: 0, delay: 0.01, t })))
    expect(four.est.disp).toBeLessThan(1)
    expect(four.est.disp).toBeGreaterThan(0.9)
    const eight = feed([0, 2, 4, 6, 8, 10, 12, 14].map((t) => ({ offset: 0, delay: 0.01, t })))
    expect(eight.est.disp).toBeLessThan(1e-3)
  })

  it('jitter is the RMS of the other usable offsets about the chosen one', () => {
    const { est } = feed([
      { offset: 0.0, delay: 0.01, t: 1 },
      { offset: 0.003, delay: 0.02, t: 65 },
      { offset: -0.004, delay: 0.03, t: 129 },
    ])
    expect(est.jitter).toBeCloseTo(Math.sqrt((0.003 ** 2 + 0.004 ** 2) / 2), 12)
  })

  it('ages every stage by PHI per second when a sample is shifted in', () => {
    const reg = emptyRegister(0)
    shiftIn(reg, 0, 0.01, 0, 0, 0)
    shiftIn(reg, 0, 0.01, 0, 100, 100)
    expect(reg.stages[1].disp).toBeCloseTo(PHI * 100, 15)
    expect(reg.stages[0].disp).toBe(0)
  })
})

describe('popcorn spike suppressor', () => {
  const quiet = [1, 65, 129, 193].map((t, i) => ({
    offset: 1e-4 * (i % 2),
    delay: 0.01 - i * 1e-4,
    t,
  }))

  it('drops a lone low-delay sample that jumps by more than 3 jitters', () => {
    const { outcomes, est } = feed([...quiet, { offset: 0.05, delay: 0.001, t: 257 }])
    expect(outcomes.at(-1)).toBe('spike')
    expect(est.t).toBe(193) // the clock still runs on the sample before
  })

  it('lets the change through when it persists', () => {
    const { outcomes, est } = feed([
      ...quiet,
      { offset: 0.05, delay: 0.001, t: 257 },
      { offset: 0.05, delay: 0.0012, t: 321 },
    ])
    expect(outcomes.slice(-2)).toEqual(['spike', 'update'])
    expect(est.offset).toBe(0.05)
  })

  it('passes ordinary noise', () => {
    const { outcomes } = feed([...quiet, { offset: 2e-4, delay: 0.001, t: 257 }])
    expect(outcomes.at(-1)).toBe('update')
  })
})
