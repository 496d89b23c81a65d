import { firstAtOrAfter, type HistoryRing } from '../history/ring'
import type { ChartUpdate } from './chartScene'
import { columnBreaks, decimate, type Thinned } from './decimate'

/**
 * A chart's lines thinned (decimate.ts) and kept between redraws, so a playing chart thins only
 * the samples since its last whole column: thinning the whole window again at every readout was
 * most of a 200-node chart's script. Columns lie on absolute time (columnBreaks), so a window
 * that grows or slides keeps them; another column width (a zoom, a resize, the whole-history
 * window's next step), series or node count, a history taken back (a seek, a new run) or a
 * window reaching back before what is kept starts over.
 *
 * `thin` leaves each line as its whole columns followed by the last, open column (which new
 * samples may still join), and thins the window's first column afresh from the window's first
 * sample (its head: the kept column began before the window). A line as drawn is its head, its
 * points from `from`, and the present's value. `delta` is what the lines' painter lacks
 * (chartScene.ts keeps the whole columns it was sent); `close` takes the open column off again.
 */
export class ThinnedLines {
  private key = ''
  /** per line: points of whole columns (then, until `close`, of the open one) */
  readonly lines: Thinned[] = []
  /** per line, the window's first column thinned from the window's first sample */
  readonly heads: Thinned[] = []
  /** per line, the first point after its head */
  readonly from: number[] = []
  private whole: number[] = []
  /** per line, how many of its whole-column points the painter has */
  private sent: number[] = []
  /** the painter's lines start over at the next `delta` */
  private fresh = true
  /** the earliest time kept */
  private startT = Infinity
  /** the window's first sample at the last `thin` */
  private first = Infinity
  /** the first sample after the heads */
  private fromT = Infinity
  /** where the open column starts: samples from here on are thinned again at each `thin` */
  private openT = -Infinity
  private values = new Float64Array(0)

  /**
   * Thin samples i0..i1−1 of `count` lines of `kind` on columns `perSecond` per second of
   * simulated time.
   */
  thin(
    ring: HistoryRing,
    kind: 'offset' | 'correction',
    count: number,
    perSecond: number,
    i0: number,
    i1: number,
  ): void {
    const key = `${kind} ${count} ${perSecond} ${ring.epoch}`
    if (i1 <= i0) {
      this.first = this.fromT = Infinity
      return this.reset(key, count, Infinity)
    }
    const first = (this.first = ring.time(i0))
    if (key !== this.key || first < this.startT || ring.time(i1 - 1) < this.openT)
      this.reset(key, count, first)
    const k0 = Math.max(i0, ring.lowerBound(this.openT))
    const times = ring.times(k0, i1)
    const breaks = columnBreaks(times, perSecond)
    const open = breaks.length - 2
    // the head: the window's first column from i0, unless the open column is that column
    const c0 = Math.floor(first * perSecond)
    let h1 = i0
    while (h1 < k0 && Math.floor(ring.time(h1) * perSecond) === c0) h1++
    this.fromT = ring.time(h1)
    const headTimes = ring.times(i0, h1)
    const headBreaks = Int32Array.of(0, h1 - i0)
    if (this.values.length < times.length) this.values = new Float64Array(ring.capacity)
    for (let i = 0; i < count; i++) {
      const line = this.lines[i]
      let values = ring.series(kind, i, k0, i1, this.values)
      decimate(times, values, breaks.subarray(0, open + 1), line)
      this.whole[i] = line.t.length
      decimate(times, values, breaks.subarray(open), line)
      this.from[i] = firstAtOrAfter(line.t.length, (k) => line.t[k], this.fromT)
      values = ring.series(kind, i, i0, h1, this.values)
      this.heads[i] = decimate(headTimes, values, headBreaks)
    }
    this.openT = times[breaks[open]]
  }

  /** What the painter lacks since the last delta, and each line's open column. */
  delta(): Pick<
    ChartUpdate,
    | 'reset'
    | 'count'
    | 'head'
    | 'headEnds'
    | 'whole'
    | 'wholeEnds'
    | 'open'
    | 'openEnds'
    | 'from'
    | 'keepFrom'
  > {
    const count = this.lines.length
    const headEnds = new Int32Array(count)
    const wholeEnds = new Int32Array(count)
    const openEnds = new Int32Array(count)
    let h = 0
    let w = 0
    let o = 0
    for (let i = 0; i < count; i++) {
      h = headEnds[i] = h + this.heads[i].t.length
      w = wholeEnds[i] = w + this.whole[i] - this.sent[i]
      o = openEnds[i] = o + this.lines[i].t.length - this.whole[i]
    }
    const head = new Float64Array(2 * h)
    const whole = new Float64Array(2 * w)
    const open = new Float64Array(2 * o)
    const pack = (into: Float64Array, at: number, line: Thinned, k0: number, k1: number) => {
      for (let k = k0; k < k1; k++, at += 2) {
        into[at] = line.t[k]
        into[at + 1] = line.v[k]
      }
    }
    this.lines.forEach((line, i) => {
      pack(head, 2 * (i > 0 ? headEnds[i - 1] : 0), this.heads[i], 0, this.heads[i].t.length)
      pack(whole, 2 * (i > 0 ? wholeEnds[i - 1] : 0), line, this.sent[i], this.whole[i])
      pack(open, 2 * (i > 0 ? openEnds[i - 1] : 0), line, this.whole[i], line.t.length)
      this.sent[i] = this.whole[i]
    })
    const reset = this.fresh
    this.fresh = false
    return {
      reset,
      count,
      head,
      headEnds,
      whole,
      wholeEnds,
      open,
      openEnds,
      from: this.fromT,
      keepFrom: this.startT,
    }
  }

  /** Take the open columns off; drop what lies before the window once it is most of a line. */
  close(): void {
    const stale = this.from.some((f, i) => f > 1024 && f * 2 > this.whole[i])
    this.lines.forEach((line, i) => {
      line.t.length = line.v.length = this.whole[i]
      if (!stale) return
      line.t.splice(0, this.from[i])
      line.v.splice(0, this.from[i])
      this.whole[i] -= this.from[i]
      this.sent[i] -= this.from[i]
      this.from[i] = 0
    })
    if (stale) this.startT = this.first
  }

  private reset(key: string, count: number, first: number): void {
    this.key = key
    this.lines.length = this.heads.length = this.from.length = 0
    this.whole.length = this.sent.length = 0
    for (let i = 0; i < count; i++) {
      this.lines.push({ t: [], v: [] })
      this.heads.push({ t: [], v: [] })
      this.from.push(0)
      this.whole.push(0)
      this.sent.push(0)
    }
    this.fresh = true
    this.startT = first
    this.openT = first
  }
}
