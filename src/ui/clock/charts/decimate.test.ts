import { describe, expect, it } from 'vitest'
import { columnsFor, decimate, extent, type SeriesSource } from './decimate'

const series = (values: number[], dt = 1): SeriesSource => ({
  time: (k) => k * dt,
  value: (k) => values[k],
})

describe('series decimation', () => {
  it('keeps every sample when each has its own pixel column', () => {
    expect(decimate(series([1, 2, 3]), 0, 3, 0, 3, 30)).toEqual({ t: [0, 1, 2], v: [1, 2, 3] })
  })

  it('keeps first, lowest, highest and last per column, in time order', () => {
    // 100 samples in one pixel: a spike at 40 and a dip at 70 survive
    const values = Array.from({ length: 100 }, (_, k) => (k === 40 ? 9 : k === 70 ? -9 : 0))
    const got = decimate(series(values, 0.001), 0, 100, 0, 1, 1)
    expect(got.v).toEqual([0, 9, -9, 0])
    expect(got.t).toEqual([0, 0.04, 0.07, 0.099])
  })

  it('keeps a column of one sample once', () => {
    expect(decimate(series([5]), 0, 1, 0, 1, 10)).toEqual({ t: [0], v: [5] })
  })

  it('breaks the line at missing values, once per gap', () => {
    const got = decimate(series([1, NaN, NaN, 4]), 0, 4, 0, 4, 40)
    expect(got.t).toEqual([0, 1, 3])
    expect(got.v).toEqual([1, NaN, 4])
  })

  it('thins only the range asked for', () => {
    expect(decimate(series([1, 2, 3, 4]), 1, 3, 0, 4, 40)).toEqual({ t: [1, 2], v: [2, 3] })
  })

  it('finds the extent of finite values', () => {
    expect(extent([3, NaN, -2, 5])).toEqual([-2, 5])
    expect(extent([NaN])).toEqual([Infinity, -Infinity])
  })
})

describe('columnsFor', () => {
  it('keeps a column per pixel up to 16 lines and widens them beyond, to about 16 lines of points', () => {
    expect(columnsFor(600, 5)).toBe(600)
    expect(columnsFor(600, 16)).toBe(600)
    expect(columnsFor(600, 17)).toBe(300)
    expect(columnsFor(600, 200)).toBe(600 / 13)
    // the points 200 lines keep, thinned on those columns, are about 16 full lines' worth
    const src = { time: (k: number) => k, value: (k: number) => Math.sin(k) }
    const points = (columns: number) => decimate(src, 0, 20_000, 0, 20_000, columns).t.length
    expect(points(columnsFor(600, 200)) * 200).toBeLessThan(points(600) * 16 * 1.1)
  })
})
