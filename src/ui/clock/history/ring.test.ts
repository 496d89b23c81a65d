import { describe, expect, it } from 'vitest'
import type { HistorySamples } from '../../../worker/history'
import { HistoryRing } from './ring'

/** A chunk of samples at the given times for two nodes: offset = t·(node + 1), correction = −offset. */
function chunk(times: number[], nodes = 2): HistorySamples {
  const per = (f: (t: number, i: number) => number) =>
    Float64Array.from(times.flatMap((t) => Array.from({ length: nodes }, (_, i) => f(t, i))))
  return {
    nodes,
    t: Float64Array.from(times),
    offset: per((t, i) => t * (i + 1)),
    correction: per((t, i) => -t * (i + 1)),
    accuracy: Float64Array.from(times, (t) => t * nodes),
    precision: Float64Array.from(times, (t) => t * (nodes - 1)),
  }
}

describe('history ring', () => {
  it('keeps samples in order with every series aligned', () => {
    const r = new HistoryRing(8)
    r.push(chunk([1, 2, 3]))
    r.push(chunk([4]))
    expect(r.size).toBe(4)
    expect(r.width).toBe(2)
    expect([0, 1, 2, 3].map((k) => r.time(k))).toEqual([1, 2, 3, 4])
    expect(r.offset(2, 1)).toBe(6)
    expect(r.correction(3, 0)).toBe(-4)
    expect(r.accuracy(1)).toBe(4)
    expect(r.precision(3)).toBe(4)
  })

  it('copies a window of times and of one node series out, across the wrap-around', () => {
    const r = new HistoryRing(4)
    r.push(chunk([1, 2, 3]))
    r.push(chunk([4, 5, 6]))
    expect([...r.times(1, 4)]).toEqual([4, 5, 6])
    expect([...r.series('offset', 1, 0, 4)]).toEqual([6, 8, 10, 12])
    expect([...r.series('correction', 0, 1, 3)]).toEqual([-4, -5])
    // into a buffer the caller gives, reused across lines
    const out = new Float64Array(2)
    expect(r.series('offset', 0, 2, 4, out)).toBe(out)
    expect([...out]).toEqual([5, 6])
  })

  it('drops the oldest samples when full, across the wrap-around', () => {
    const r = new HistoryRing(4)
    r.push(chunk([1, 2, 3]))
    r.push(chunk([4, 5, 6]))
    expect(r.size).toBe(4)
    expect([0, 1, 2, 3].map((k) => r.time(k))).toEqual([3, 4, 5, 6])
    expect([0, 1, 2, 3].map((k) => r.offset(k, 1))).toEqual([6, 8, 10, 12])
    // a chunk larger than the ring keeps its newest part
    r.push(chunk([7, 8, 9, 10, 11, 12]))
    expect([0, 1, 2, 3].map((k) => r.time(k))).toEqual([9, 10, 11, 12])
    expect(r.correction(0, 0)).toBe(-9)
  })

  it('finds the first sample at or after a time', () => {
    const r = new HistoryRing(4)
    r.push(chunk([1, 2, 3, 4, 5, 6]))
    expect(r.lowerBound(0)).toBe(0)
    expect(r.lowerBound(3)).toBe(0)
    expect(r.lowerBound(4.5)).toBe(2)
    expect(r.lowerBound(6)).toBe(3)
    expect(r.lowerBound(7)).toBe(4)
  })

  it('drops the samples from a time on, and appends after them', () => {
    const r = new HistoryRing(4)
    r.push(chunk([1, 2, 3, 4, 5]))
    r.truncateFrom(3.5)
    expect([0, 1].map((k) => r.time(k))).toEqual([2, 3])
    r.push(chunk([3.5, 4.5]))
    expect([0, 1, 2, 3].map((k) => r.time(k))).toEqual([2, 3, 3.5, 4.5])
    r.truncateFrom(-Infinity)
    expect(r.size).toBe(0)
  })

  it('starts over when the node count changes, and on clear', () => {
    const r = new HistoryRing(4)
    r.push(chunk([1, 2]))
    r.push(chunk([3], 3))
    expect(r.size).toBe(1)
    expect(r.width).toBe(3)
    expect(r.offset(0, 2)).toBe(9)
    r.clear()
    expect(r.size).toBe(0)
    expect(r.lowerBound(1)).toBe(0)
  })
})
