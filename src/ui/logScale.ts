/**
 * A clamped logarithmic map from `domain` (both ends > 0) onto `range`, and back: all the run
 * strip and the map ask of d3-scale's `scaleLog`. d3-scale ships as one file, so importing
 * `scaleLog` would put all of it, with d3-interpolate, d3-color, d3-format and d3-array (about
 * 10 KB gzipped), into the page's initial JavaScript; the charts, loaded on demand, keep d3-scale.
 */
export interface LogScale {
  (x: number): number
  invert(y: number): number
}

export function logScale(domain: [number, number], range: [number, number]): LogScale {
  const [l0, l1] = domain.map(Math.log)
  const [r0, r1] = range
  const clamp01 = (u: number) => Math.min(1, Math.max(0, u))
  const scale = (x: number) => r0 + clamp01((Math.log(x) - l0) / (l1 - l0)) * (r1 - r0)
  scale.invert = (y: number) => Math.exp(l0 + clamp01((y - r0) / (r1 - r0)) * (l1 - l0))
  return scale
}
