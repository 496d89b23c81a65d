import type { HistorySamples } from '../../../worker/history'

/**
 * The UI's copy of the clock history: fixed-capacity ring buffers of samples (time, per-node
 * offset and correction, accuracy, precision), filled from the worker's chunks. When full, the
 * oldest samples go. Index 0 is the oldest sample held; times increase with the index.
 */
export class HistoryRing {
  readonly capacity: number
  /** nodes per sample */
  width = 0
  size = 0
  /** counts the times samples were taken away other than the oldest (a clear or a seek back) */
  epoch = 0
  private start = 0
  private t: Float64Array
  private acc: Float64Array
  private prec: Float64Array
  private off: Float64Array
  private corr: Float64Array

  constructor(capacity: number) {
    this.capacity = capacity
    this.t = new Float64Array(capacity)
    this.acc = new Float64Array(capacity)
    this.prec = new Float64Array(capacity)
    this.off = new Float64Array(0)
    this.corr = new Float64Array(0)
  }

  clear(): void {
    this.epoch++
    this.size = 0
    this.start = 0
  }

  /** Drop the samples at or after time t (a seek went back there). */
  truncateFrom(t: number): void {
    this.epoch++
    this.size = this.lowerBound(t)
  }

  /** Append a chunk; a chunk with another node count starts the buffer over at that width. */
  push(s: HistorySamples): void {
    const m = s.t.length
    if (m === 0) return
    if (s.nodes !== this.width) {
      this.width = s.nodes
      this.off = new Float64Array(this.capacity * s.nodes)
      this.corr = new Float64Array(this.capacity * s.nodes)
      this.clear()
    }
    // only the newest `capacity` samples of a huge chunk can be kept
    const from = Math.max(0, m - this.capacity)
    const w = this.width
    for (let j = from; j < m; j++) {
      let p: number
      if (this.size < this.capacity) {
        p = (this.start + this.size) % this.capacity
        this.size++
      } else {
        p = this.start
        this.start = (this.start + 1) % this.capacity
      }
      this.t[p] = s.t[j]
      this.acc[p] = s.accuracy[j]
      this.prec[p] = s.precision[j]
      this.off.set(s.offset.subarray(j * w, (j + 1) * w), p * w)
      this.corr.set(s.correction.subarray(j * w, (j + 1) * w), p * w)
    }
  }

  private phys(k: number): number {
    return (this.start + k) % this.capacity
  }

  time(k: number): number {
    return this.t[this.phys(k)]
  }

  offset(k: number, node: number): number {
    return this.off[this.phys(k) * this.width + node]
  }

  correction(k: number, node: number): number {
    return this.corr[this.phys(k) * this.width + node]
  }

  accuracy(k: number): number {
    return this.acc[this.phys(k)]
  }

  precision(k: number): number {
    return this.prec[this.phys(k)]
  }

  /** Times of samples i0..i1−1, in `out` (a chart's window, read once for all its lines). */
  times(i0: number, i1: number, out = new Float64Array(i1 - i0)): Float64Array {
    return this.copy(this.t, 1, 0, i0, i1, out)
  }

  /** One node's offsets or corrections for samples i0..i1−1, in `out`. */
  series(
    kind: 'offset' | 'correction',
    node: number,
    i0: number,
    i1: number,
    out = new Float64Array(i1 - i0),
  ): Float64Array {
    return this.copy(kind === 'offset' ? this.off : this.corr, this.width, node, i0, i1, out)
  }

  /** Entry `at` of each sample i0..i1−1 of `src` (`stride` entries per sample), into `out`. */
  private copy(
    src: Float64Array,
    stride: number,
    at: number,
    i0: number,
    i1: number,
    out: Float64Array,
  ): Float64Array {
    for (let k = i0, p = this.phys(i0); k < i1; k++, p = p + 1 === this.capacity ? 0 : p + 1)
      out[k - i0] = src[p * stride + at]
    return out
  }

  /** The first index whose time is ≥ t (size when none). */
  lowerBound(t: number): number {
    return firstAtOrAfter(this.size, (k) => this.time(k), t)
  }
}

/**
 * The first of `count` increasing times (the k-th is `timeAt(k)`) at or after `time` (count when
 * none): the ring's samples, or a chart's thinned points.
 */
export function firstAtOrAfter(count: number, timeAt: (k: number) => number, time: number): number {
  let lo = 0
  let hi = count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (timeAt(mid) < time) lo = mid + 1
    else hi = mid
  }
  return lo
}
