import { describe, expect, it } from 'vitest'
import { decimate, extent, type SeriesSource } from './decimate'

const series = (values: number[], dt = 1): SeriesSource => ({
  size: values.length,
  time: (k) => k * dt,
  value: (k) => values[k],
})

describe('series decimation', () => {
  it('keeps every point when each has its own pixel column', () => {
    const pts = decimate(
      series([1, 2, 3]),
      0,
      3,
      (t) => t * 10,
      (v) => -v,
    )
    expect(pts).toEqual([
      [0, -1],
      [10, -2],
      [20, -3],
    ])
  })

  it('keeps first, lowest, highest and last per column, in time order', () => {
    // 100 samples in one pixel: a spike at 40 and a dip at 70 survive
    const values = Array.from({ length: 100 }, (_, k) => (k === 40 ? 9 : k === 70 ? -9 : 0))
    const pts = decimate(
      series(values, 0.001),
      0,
      100,
      (t) => t,
      (v) => v,
    )
    expect(pts.map((p) => p[1])).toEqual([0, 9, -9, 0])
    expect(pts.map((p) => p[0])).toEqual([0, 0.04, 0.07, 0.099])
  })

  it('breaks the line at missing values', () => {
    const pts = decimate(
      series([1, NaN, NaN, 4]),
      0,
      4,
      (t) => t * 10,
      (v) => v,
    )
    expect(pts).toEqual([
      [0, 1],
      [10, NaN],
      [30, 4],
    ])
  })

  it('draws only the range asked for', () => {
    expect(
      decimate(
        series([1, 2, 3, 4]),
        1,
        3,
        (t) => t,
        (v) => v,
      ),
    ).toEqual([
      [1, 2],
      [2, 3],
    ])
  })

  it('finds the extent of finite values', () => {
    expect(extent(series([3, NaN, -2, 5]), 0, 4)).toEqual([-2, 5])
    expect(extent(series([3, NaN, -2, 5]), 1, 2)).toEqual([Infinity, -Infinity])
  })
})
