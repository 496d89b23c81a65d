import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { intersect, truechimers } from './select'

const iv = (lo: number, hi: number) => ({ lo, hi })

describe('intersection (Marzullo; docs/algorithms.md §2 check vectors)', () => {
  it('[8,12], [11,13], [10,12] → [11,12] agreed by 3', () => {
    expect(intersect([iv(8, 12), iv(11, 13), iv(10, 12)])).toEqual({ lo: 11, hi: 12, agreed: 3 })
  })

  it('[8,12], [11,13], [14,15] → [11,12] agreed by 2', () => {
    expect(intersect([iv(8, 12), iv(11, 13), iv(14, 15)])).toEqual({ lo: 11, hi: 12, agreed: 2 })
  })

  it('a single interval is its own intersection', () => {
    expect(intersect([iv(-1, 1)])).toEqual({ lo: -1, hi: 1, agreed: 1 })
  })

  it('no majority: three disjoint intervals, or two that disagree', () => {
    expect(intersect([iv(0, 1), iv(2, 3), iv(4, 5)])).toBeNull()
    expect(intersect([iv(0, 1), iv(2, 3)])).toBeNull()
  })

  it('closed intervals: endpoints count, but a single common point is not an interval', () => {
    // all three meet only at 2 (lo = hi), so the majority of two wins
    expect(intersect([iv(0, 2), iv(1, 2), iv(2, 3)])).toEqual({ lo: 1, hi: 2, agreed: 2 })
    expect(intersect([iv(0, 2), iv(1, 3)])).toEqual({ lo: 1, hi: 2, agreed: 2 })
  })

  it('property: the result lies inside at least `agreed` intervals, a majority; null only when no stretch has a majority', () => {
    let found = 0
    let none = 0
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 30 }))
            .map(([c, w]) => iv(c - w, c + w)),
          { minLength: 1, maxLength: 9 },
        ),
        (ivs) => {
          const r = intersect(ivs)
          if (!r) {
            none++
            // between any two neighbouring endpoints, at most half of the intervals cover it
            const ends = [...new Set(ivs.flatMap((i) => [i.lo, i.hi]))].sort((x, y) => x - y)
            for (let k = 1; k < ends.length; k++) {
              const x = (ends[k - 1] + ends[k]) / 2
              expect(2 * ivs.filter((i) => i.lo <= x && x <= i.hi).length).toBeLessThanOrEqual(
                ivs.length,
              )
            }
            return
          }
          found++
          expect(2 * r.agreed).toBeGreaterThan(ivs.length)
          const mid = (r.lo + r.hi) / 2
          // every point of [lo, hi] is covered by ≥ agreed intervals in the contiguous case; the
          // endpoints always are
          for (const x of [r.lo, r.hi]) {
            expect(ivs.filter((i) => i.lo <= x && x <= i.hi).length).toBeGreaterThanOrEqual(
              r.agreed,
            )
          }
          expect(mid).toBeGreaterThan(r.lo)
        },
      ),
    )
    // the generator reaches both outcomes, so neither branch above is vacuous
    expect(found).toBeGreaterThan(0)
    expect(none).toBeGreaterThan(0)
  })
})

describe('truechimers and falsetickers', () => {
  it('five servers, two lying ±0.5 s: the liars are falsetickers', () => {
    const r = truechimers([
      { offset: 0.001, distance: 0.01 },
      { offset: 0.5, distance: 0.01 },
      { offset: -0.001, distance: 0.01 },
      { offset: -0.5, distance: 0.01 },
      { offset: 0.0, distance: 0.01 },
    ])
    expect(r?.flags).toEqual([true, false, true, false, true])
    expect(r?.agreed.agreed).toBe(3)
  })

  it('three servers, two liars in different directions: no majority', () => {
    expect(
      truechimers([
        { offset: 0, distance: 0.01 },
        { offset: 0.5, distance: 0.01 },
        { offset: -0.5, distance: 0.01 },
      ]),
    ).toBeNull()
  })
})
