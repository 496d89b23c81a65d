import { describe, expect, it } from 'vitest'
import { cluster, selectionJitter } from './cluster'
import { combine } from './combine'

describe('cluster (RFC 5905 §11.2.2)', () => {
  it('selection jitter is the RMS of the others about one member', () => {
    const m = [
      { offset: 0, jitter: 0 },
      { offset: 3, jitter: 0 },
      { offset: 4, jitter: 0 },
    ]
    expect(selectionJitter(m, 0)).toBeCloseTo(Math.sqrt((9 + 16) / 2), 12)
  })

  it('prunes the outlying members down to NMIN = 3, farthest first', () => {
    const members = [
      { offset: 0.001, jitter: 1e-4 },
      { offset: 0.002, jitter: 1e-4 },
      { offset: 0.4, jitter: 1e-4 },
      { offset: 0.0, jitter: 1e-4 },
      { offset: -0.3, jitter: 1e-4 },
    ]
    expect(cluster(members)).toEqual([0, 1, 3])
  })

  it('stops when the spread is below the best peer jitter', () => {
    const members = [0, 1, 2, 3, 4].map((k) => ({ offset: k * 1e-5, jitter: 1e-3 }))
    expect(cluster(members)).toEqual([0, 1, 2, 3, 4])
  })
})

describe('combine (RFC 5905 §11.2.3)', () => {
  it('weights offsets by 1/λ', () => {
    const r = combine(
      [
        { offset: 1, distance: 1, jitter: 0 },
        { offset: 4, distance: 2, jitter: 0 },
      ],
      0,
    )
    expect(r.offset).toBeCloseTo((1 + 4 / 2) / (1 + 1 / 2), 12)
  })

  it('system jitter adds the weighted spread to the system peer jitter', () => {
    const r = combine(
      [
        { offset: 0, distance: 1, jitter: 0.3 },
        { offset: 0.4, distance: 1, jitter: 0.1 },
      ],
      0,
    )
    expect(r.jitter).toBeCloseTo(Math.sqrt(0.09 + 0.16 / 2), 12)
  })
})
