import { describe, expect, it, vi } from 'vitest'
import { HistoryRing } from '../history/ring'
import { columnBreaks, decimate } from './decimate'
import { ThinnedLines } from './thinnedLines'

const LINES = 3

/** A small seeded generator (the test's runs are the same every time). */
function lcg(seed: number) {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

/** Push `m` samples from time `t0`, `dt` apart, random walks with now and then a gap (NaN). */
function push(ring: HistoryRing, rnd: () => number, t0: number, m: number, dt: number) {
  const offset = new Float64Array(m * LINES)
  for (let j = 0; j < m; j++)
    for (let i = 0; i < LINES; i++) offset[j * LINES + i] = rnd() < 0.03 ? NaN : rnd() - 0.5
  ring.push({
    nodes: LINES,
    t: Float64Array.from({ length: m }, (_, j) => t0 + j * dt),
    accuracy: new Float64Array(m),
    precision: new Float64Array(m),
    offset,
    correction: new Float64Array(m * LINES),
  })
  return t0 + m * dt
}

/** Each line as drawn (its head, then its points from `from`) is what thinning i0..i1−1 afresh gives. */
function compare(
  ring: HistoryRing,
  lines: ThinnedLines,
  perSecond: number,
  i0: number,
  i1: number,
) {
  const times = ring.times(i0, i1)
  const breaks = columnBreaks(times, perSecond)
  for (let i = 0; i < LINES; i++) {
    const fresh = decimate(times, ring.series('offset', i, i0, i1), breaks)
    const { heads, from } = lines
    const kept = lines.lines[i]
    expect([...heads[i].t, ...kept.t.slice(from[i])]).toEqual(fresh.t)
    expect([...heads[i].v, ...kept.v.slice(from[i])]).toEqual(fresh.v)
  }
}

describe('ThinnedLines', () => {
  /**
   * Push `steps` random chunks of up to `chunk` samples `dt` apart; after each, thin the window
   * whose first sample `from(ring, now)` gives, and compare it with thinning that window afresh.
   */
  function grow(
    seed: number,
    capacity: number,
    steps: number,
    chunk: number,
    dt: number,
    from: (ring: HistoryRing, now: number) => number,
  ) {
    const rnd = lcg(seed)
    const ring = new HistoryRing(capacity)
    const lines = new ThinnedLines()
    const perSecond = 3
    let now = 0
    for (let step = 0; step < steps; step++) {
      now = push(ring, rnd, now, 1 + Math.floor(rnd() * chunk), dt)
      const i0 = from(ring, now)
      lines.thin(ring, 'offset', LINES, perSecond, i0, ring.size)
      compare(ring, lines, perSecond, i0, ring.size)
      lines.close()
    }
    return ring
  }

  it('thins a growing history chunk by chunk into what thinning it whole gives', () => {
    grow(7, 4000, 60, 40, 0.05, () => 0)
  })

  it('keeps its columns while the window slides, and after the oldest samples go', () => {
    // a 20 s window, from the sample before it
    const ring = grow(11, 600, 120, 30, 0.04, (ring, now) =>
      Math.max(0, ring.lowerBound(now - 20) - 1),
    )
    // the ring wrapped: its oldest samples went
    expect(ring.time(0)).toBeGreaterThan(20)
  })

  it('reads only the samples from the open column on, once whole columns are thinned', () => {
    const rnd = lcg(3)
    const ring = new HistoryRing(4000)
    const lines = new ThinnedLines()
    const now = push(ring, rnd, 0, 1000, 0.01)
    lines.thin(ring, 'offset', LINES, 2, 0, ring.size)
    lines.close()
    push(ring, rnd, now, 5, 0.01)
    const read = vi.spyOn(ring, 'times')
    lines.thin(ring, 'offset', LINES, 2, 0, ring.size)
    // the open column is 0.5 s wide: at most 50 samples plus the 5 new ones
    const [k0, k1] = read.mock.calls[0]
    expect(k1).toBe(1005)
    expect(k1 - k0).toBeLessThanOrEqual(55)
    lines.close()
    // a seek back starts over: everything is read again
    ring.truncateFrom(5)
    push(ring, rnd, 5, 10, 0.01)
    read.mockClear()
    lines.thin(ring, 'offset', LINES, 2, 0, ring.size)
    expect(read.mock.calls[0]).toEqual([0, ring.size])
    compare(ring, lines, 2, 0, ring.size)
    // so does another column width
    lines.close()
    read.mockClear()
    lines.thin(ring, 'offset', LINES, 5, 0, ring.size)
    expect(read.mock.calls[0]).toEqual([0, ring.size])
    compare(ring, lines, 5, 0, ring.size)
  })

  it('starts over when the window reaches back before what it kept', () => {
    const rnd = lcg(5)
    const ring = new HistoryRing(4000)
    const lines = new ThinnedLines()
    push(ring, rnd, 0, 3000, 0.01)
    const early = ring.lowerBound(5) + 1
    // a window over the last 5 s, or over everything, then one over the first 5 s
    for (const [i0, i1] of [
      [ring.lowerBound(25) - 1, ring.size],
      [0, ring.size],
    ]) {
      lines.thin(ring, 'offset', LINES, 10, i0, i1)
      lines.close()
      lines.thin(ring, 'offset', LINES, 10, 0, early)
      compare(ring, lines, 10, 0, early)
      expect(Math.max(...lines.lines.map((l) => l.t[l.t.length - 1]))).toBeLessThanOrEqual(5.01)
      lines.close()
    }
  })
})
