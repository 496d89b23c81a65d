import { describe, expect, it } from 'vitest'
import { columnBreaks, columnsFor, decimate, extent } from './decimate'

/** Samples i0..i1−1 of `values`, `dt` apart, thinned on `columns` columns over [0, x1]. */
function thin(values: number[], x1: number, columns: number, dt = 1, i0 = 0, i1 = values.length) {
  const t = values.map((_, k) => k * dt).slice(i0, i1)
  return decimate(t, values.slice(i0, i1), columnBreaks(t, columns / x1))
}

describe('series decimation', () => {
  it('keeps every sample when each has its own pixel column', () => {
    expect(thin([1, 2, 3], 3, 30)).toEqual({ t: [0, 1, 2], v: [1, 2, 3] })
  })

  it('keeps first, lowest, highest and last per column, in time order', () => {
    // 100 samples in one pixel: a spike at 40 and a dip at 70 survive
    const values = Array.from({ length: 100 }, (_, k) => (k === 40 ? 9 : k === 70 ? -9 : 0))
    const got = thin(values, 1, 1, 0.001)
    expect(got.v).toEqual([0, 9, -9, 0])
    expect(got.t).toEqual([0, 0.04, 0.07, 0.099])
  })

  it('keeps a column of one sample once', () => {
    expect(thin([5], 1, 10)).toEqual({ t: [0], v: [5] })
  })

  it('breaks the line at missing values, once per gap', () => {
    const got = thin([1, NaN, NaN, 4], 4, 40)
    expect(got.t).toEqual([0, 1, 3])
    expect(got.v).toEqual([1, NaN, 4])
  })

  it('finds where each column starts once, for every line of a chart', () => {
    expect([...columnBreaks([0, 0.2, 0.9, 1, 2.5], 1)]).toEqual([0, 3, 4, 5])
    expect([...columnBreaks([], 1)]).toEqual([0])
  })

  it('starts a new group after a gap inside one column', () => {
    // one column: 5, a gap, then 7 and 6 after it
    const got = thin([5, NaN, 7, 6], 4, 1)
    expect(got.v).toEqual([5, NaN, 7, 6])
    expect(got.t).toEqual([0, 1, 2, 3])
  })

  it('thins only the range asked for', () => {
    expect(thin([1, 2, 3, 4], 4, 40, 1, 1, 3)).toEqual({ t: [1, 2], v: [2, 3] })
  })

  it('finds the extent of the values drawn, and how many there are', () => {
    expect(extent([3, NaN, -2, 5])).toEqual([-2, 5, 3])
    expect(extent([3, NaN, -2, 5], 2)).toEqual([-2, 5, 2])
    expect(extent([NaN])).toEqual([Infinity, -Infinity, 0])
  })
})

describe('columnsFor', () => {
  it('keeps a column per pixel up to 16 lines and widens them beyond, to about 16 lines of points', () => {
    expect(columnsFor(600, 5)).toBe(600)
    expect(columnsFor(600, 16)).toBe(600)
    expect(columnsFor(600, 17)).toBe(300)
    expect(columnsFor(600, 200)).toBe(600 / 13)
    // the points 200 lines keep, thinned on those columns, are about 16 full lines' worth
    const values = Array.from({ length: 20_000 }, (_, k) => Math.sin(k))
    const points = (columns: number) => thin(values, 20_000, columns).t.length
    expect(points(columnsFor(600, 200)) * 200).toBeLessThan(points(600) * 16 * 1.1)
  })
})
