/**
 * Thinning a series for drawing: thousands of samples across a few hundred pixels. Per pixel
 * column it keeps the first, lowest, highest and last sample, so spikes and steps survive (a
 * plain stride would drop them). A missing value (NaN: a crashed node) breaks the line.
 *
 * It works in data space (times and values), so the y extent can be taken from the few points
 * kept instead of from every sample, and each sample costs a comparison or two on plain arrays
 * (the columns are found once per chart): a chart repaints thousands of samples per line, for up
 * to 32 lines, several times a second.
 */

/** What `decimate` keeps: times and values, in time order; a NaN value marks a gap. */
export interface Thinned {
  t: number[]
  v: number[]
}

/**
 * Where each column starts in `t` (increasing times): column c holds the times in
 * [c, c + 1) / `perSecond`, on absolute time, so a window that slides or grows keeps its columns
 * (thinnedLines.ts thins each whole column once). Found column j holds samples
 * breaks[j]..breaks[j+1]−1; the last entry is `t.length`. The same for every line of a chart.
 */
export function columnBreaks(t: ArrayLike<number>, perSecond: number): Int32Array {
  const breaks: number[] = []
  let col = NaN
  for (let k = 0; k < t.length; k++) {
    const c = Math.floor(t[k] * perSecond)
    if (c !== col) {
      breaks.push(k)
      col = c
    }
  }
  breaks.push(t.length)
  return Int32Array.from(breaks)
}

// the (at most four) sample indexes a column keeps, sorted in place: no allocation per column
const keep = [0, 0, 0, 0]

/**
 * One line's samples (times `t`, values `v`) thinned to at most four per column of `breaks`
 * (columnBreaks), appended to `out` (a line thinned so far: a gap at the seam is marked once).
 */
export function decimate(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  breaks: Int32Array,
  out: Thinned = { t: [], v: [] },
): Thinned {
  let first = -1
  let lo = -1
  let hi = -1
  let last = -1
  let loV = 0
  let hiV = 0
  let n = 0
  // insertion of a kept index in time (index) order, once
  const add = (k: number) => {
    let j = 0
    while (j < n && keep[j] !== k) j++
    if (j < n) return
    j = n++
    while (j > 0 && keep[j - 1] > k) {
      keep[j] = keep[j - 1]
      j--
    }
    keep[j] = k
  }
  const flush = () => {
    if (first < 0) return
    n = 0
    add(first)
    add(lo)
    add(hi)
    add(last)
    for (let j = 0; j < n; j++) {
      out.t.push(t[keep[j]])
      out.v.push(v[keep[j]])
    }
    first = -1
  }
  for (let c = 0; c + 1 < breaks.length; c++) {
    for (let k = breaks[c], end = breaks[c + 1]; k < end; k++) {
      const x = v[k]
      if (x !== x) {
        // NaN: close the column so far and mark the gap once
        flush()
        if (out.v.length > 0 && out.v[out.v.length - 1] === out.v[out.v.length - 1]) {
          out.t.push(t[k])
          out.v.push(NaN)
        }
        continue
      }
      if (first < 0) {
        first = lo = hi = k
        loV = hiV = x
      } else if (x < loV) {
        lo = k
        loV = x
      } else if (x > hiV) {
        hi = k
        hiV = x
      }
      last = k
    }
    flush()
  }
  return out
}

/**
 * The smallest and largest value from index `from` on ([Infinity, −Infinity] when none), and how
 * many values are not NaN (the points a line draws).
 */
export function extent(values: readonly number[], from = 0): [number, number, number] {
  let lo = Infinity
  let hi = -Infinity
  let points = 0
  for (let k = from; k < values.length; k++) {
    const v = values[k]
    if (v !== v) continue
    points++
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return [lo, hi, points]
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
