/**
 * Thinning a series for drawing: thousands of samples across a few hundred pixels. Per pixel
 * column it keeps the first, lowest, highest and last point, so spikes and steps survive (a
 * plain stride would drop them). A missing value (NaN: a crashed node) breaks the line.
 */
export interface SeriesSource {
  /** number of samples */
  size: number
  time(k: number): number
  value(k: number): number
}

/** Points [x, y] in pixels for samples i0..i1−1 (x from `x(t)`, y from `y(v)`); NaN y = gap. */
export function decimate(
  src: SeriesSource,
  i0: number,
  i1: number,
  x: (t: number) => number,
  y: (v: number) => number,
): [number, number][] {
  const out: [number, number][] = []
  let col = NaN
  let first = -1
  let lo = -1
  let hi = -1
  let last = -1
  const flush = () => {
    if (first < 0) return
    // the column's extremes in time order, without repeating a point
    const ks = [first, lo, hi, last].filter((k, j, a) => a.indexOf(k) === j).sort((a, b) => a - b)
    for (const k of ks) out.push([x(src.time(k)), y(src.value(k))])
    first = lo = hi = last = -1
  }
  for (let k = i0; k < i1; k++) {
    const v = src.value(k)
    if (Number.isNaN(v)) {
      flush()
      if (out.length > 0 && !Number.isNaN(out[out.length - 1][1])) out.push([x(src.time(k)), NaN])
      col = NaN
      continue
    }
    const c = Math.floor(x(src.time(k)))
    if (c !== col) {
      flush()
      col = c
      first = lo = hi = k
    } else {
      if (v < src.value(lo)) lo = k
      if (v > src.value(hi)) hi = k
    }
    last = k
  }
  flush()
  return out
}

/** The smallest and largest finite value of samples i0..i1−1 ([Infinity, −Infinity] when none). */
export function extent(src: SeriesSource, i0: number, i1: number): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (let k = i0; k < i1; k++) {
    const v = src.value(k)
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return [lo, hi]
}
