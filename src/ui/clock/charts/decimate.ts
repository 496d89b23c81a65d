/**
 * Thinning a series for drawing: thousands of samples across a few hundred pixels. Per pixel
 * column it keeps the first, lowest, highest and last sample, so spikes and steps survive (a
 * plain stride would drop them). A missing value (NaN: a crashed node) breaks the line.
 *
 * It works in data space (times and values), so the y extent can be taken from the few points
 * kept instead of from every sample, and each sample costs a few arithmetic operations: a chart
 * repaints thousands of samples per line several times a second.
 */
export interface SeriesSource {
  time(k: number): number
  value(k: number): number
}

/** What `decimate` keeps: times and values, in time order; a NaN value marks a gap. */
export interface Thinned {
  t: number[]
  v: number[]
}

// the (at most four) sample indexes a column keeps, sorted in place: no allocation per column
const keep = [0, 0, 0, 0]

/** Samples i0..i1−1 of `src`, at most four per pixel column of a `width`-pixel axis over [x0, x1]. */
export function decimate(
  src: SeriesSource,
  i0: number,
  i1: number,
  x0: number,
  x1: number,
  width: number,
): Thinned {
  const out: Thinned = { t: [], v: [] }
  const perSecond = width / Math.max(x1 - x0, Number.MIN_VALUE)
  let col = NaN
  let first = -1
  let lo = -1
  let hi = -1
  let last = -1
  let loV = 0
  let hiV = 0
  const flush = () => {
    if (first < 0) return
    let n = 0
    for (const k of [first, lo, hi, last]) {
      let j = 0
      while (j < n && keep[j] !== k) j++
      if (j < n) continue
      // insertion in time (index) order
      j = n++
      while (j > 0 && keep[j - 1] > k) {
        keep[j] = keep[j - 1]
        j--
      }
      keep[j] = k
    }
    for (let j = 0; j < n; j++) {
      out.t.push(src.time(keep[j]))
      out.v.push(src.value(keep[j]))
    }
    first = -1
  }
  for (let k = i0; k < i1; k++) {
    const v = src.value(k)
    if (v !== v) {
      // NaN: close the column and mark the gap once
      flush()
      if (out.v.length > 0 && out.v[out.v.length - 1] === out.v[out.v.length - 1]) {
        out.t.push(src.time(k))
        out.v.push(NaN)
      }
      col = NaN
      continue
    }
    const c = Math.floor((src.time(k) - x0) * perSecond)
    if (c !== col) {
      flush()
      col = c
      first = lo = hi = k
      loV = hiV = v
    } else if (v < loV) {
      lo = k
      loV = v
    } else if (v > hiV) {
      hi = k
      hiV = v
    }
    last = k
  }
  flush()
  return out
}

/** The smallest and largest finite value ([Infinity, −Infinity] when none). */
export function extent(values: readonly number[]): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (const v of values) {
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return [lo, hi]
}

/** Lines a chart draws at full resolution; more are drawn with wider columns (columnsFor). */
const FULL_LINES = 16

/**
 * Thinning columns for `lines` lines on a `width`-pixel axis: one per pixel up to FULL_LINES
 * lines; beyond, so many lines overlap into a band that the columns widen to keep the points
 * drawn to about FULL_LINES lines' worth (rasterising 200 full-resolution lines at every redraw
 * dropped frames at 200 nodes).
 */
export const columnsFor = (width: number, lines: number): number =>
  width / Math.max(1, Math.ceil(lines / FULL_LINES))
