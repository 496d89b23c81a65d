/**
 * Weighted linear regression with chrony's choice of how many recent samples to fit
 * (chrony regress.c, RGR_FindBestRegression): fit all samples, test the residuals for runs of
 * one sign (Wald–Wolfowitz), and while there are too few runs (the residuals are not noise: the
 * line does not fit, e.g. the frequency changed) drop the oldest sample and fit again.
 */

/** chrony keeps up to twice as many older samples as it fits, only to extend the runs test. */
export const RUNS_RATIO = 2
/** fewer samples than this give no regression */
export const MIN_SAMPLES = 3

export interface Regression {
  /** the fitted line: y = intercept + slope·x */
  intercept: number
  slope: number
  /** weighted average variance of the points about the line */
  variance: number
  interceptSd: number
  slopeSd: number
  /** how many of the oldest regular samples were dropped */
  start: number
  runs: number
  dof: number
}

/**
 * Fewest runs of one sign that n residuals of pure noise show at the 5 % level: the normal
 * approximation of the runs test's distribution with as many positive as negative residuals
 * (mean n/2 + 1, variance n(n − 2)/(4(n − 1))). chrony tabulates the same test; below 10 points
 * it never rejects.
 */
export function criticalRuns(n: number): number {
  if (n < 10) return 0
  const mean = n / 2 + 1
  const sd = Math.sqrt((n * (n - 2)) / (4 * (n - 1)))
  return Math.floor(mean - 1.645 * sd)
}

function countRuns(resid: readonly number[], from: number, to: number): number {
  let runs = 1
  for (let i = from + 1; i < to; i++) {
    const same = (resid[i - 1] < 0 && resid[i] < 0) || (resid[i - 1] > 0 && resid[i] > 0)
    if (!same) runs++
  }
  return runs
}

/**
 * `x`, `y`: `extra` older points (used only for the runs test) followed by the `n` regular
 * points, oldest first; `w`: the regular points' weights (larger = less reliable: the variance
 * scale, as in chrony). Keeps at least `minSamples` points. Null below MIN_SAMPLES.
 */
export function findBestRegression(
  x: readonly number[],
  y: readonly number[],
  w: readonly number[],
  extra: number,
  minSamples: number,
): Regression | null {
  const n = w.length
  if (n < MIN_SAMPLES) return null
  const X = (i: number) => x[i + extra]
  const Y = (i: number) => y[i + extra]
  const resid: number[] = []
  let start = 0
  for (;;) {
    let W = 0
    let U = 0
    for (let i = start; i < n; i++) {
      U += X(i) / w[i]
      W += 1 / w[i]
    }
    const u = U / W
    let P = 0
    let Q = 0
    let V = 0
    for (let i = start; i < n; i++) {
      const ui = X(i) - u
      P += Y(i) / w[i]
      Q += (Y(i) * ui) / w[i]
      V += (ui * ui) / w[i]
    }
    const b = Q / V
    const a = P / W - b * u
    // residuals reach back over up to RUNS_RATIO times the fitted points, into the extra ones
    const residStart = Math.max(n - (n - start) * RUNS_RATIO, -extra)
    resid.length = 0
    for (let i = residStart; i < n; i++) resid.push(Y(i) - a - b * X(i))
    let runs = countRuns(resid, 0, resid.length)
    const enough = runs > criticalRuns(resid.length)
    if (enough || n - start <= MIN_SAMPLES || n - start <= minSamples) {
      if (start !== residStart) runs = countRuns(resid, start - residStart, resid.length)
      let ss = 0
      for (let i = start; i < n; i++) ss += resid[i - residStart] ** 2 / w[i]
      const points = n - start
      ss /= points - 2
      const slopeSd = Math.sqrt(ss / V)
      const aa = u * slopeSd
      return {
        intercept: a,
        slope: b,
        variance: (ss * points) / W,
        interceptSd: Math.sqrt(ss / W + aa * aa),
        slopeSd,
        start,
        runs,
        dof: points - 2,
      }
    }
    start++
  }
}

/**
 * Two-sided 99.9 % quantiles of Student's t for 1…30 degrees of freedom (any statistics table;
 * chrony uses the same confidence for a source's frequency bound, the skew).
 */
const T_999 = [
  636.62, 31.599, 12.924, 8.61, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587, 4.437, 4.318, 4.221, 4.14,
  4.073, 4.015, 3.965, 3.922, 3.883, 3.85, 3.819, 3.792, 3.768, 3.745, 3.725, 3.707, 3.69, 3.674,
  3.659, 3.646,
]

/** Beyond 30 degrees of freedom: the Cornish–Fisher expansion about the normal quantile. */
export function tCoefficient(dof: number): number {
  if (dof <= T_999.length) return T_999[Math.max(1, dof) - 1]
  const z = 3.2905
  const v = dof
  return (
    z +
    (z ** 3 + z) / (4 * v) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v * v) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * v ** 3)
  )
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/**
 * The slope of y against x2 in a least-squares fit y = a + b1·x1 + b2·x2 (chrony
 * RGR_MultipleRegress, used to estimate how much of the delay's variation lands in the
 * offset). Null below four points or when x1 and x2 are too close to collinear.
 */
export function secondSlope(
  x1: readonly number[],
  x2: readonly number[],
  y: readonly number[],
): number | null {
  const n = y.length
  if (n < 4) return null
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / n
  const m1 = mean(x1)
  const m2 = mean(x2)
  const my = mean(y)
  let s11 = 0
  let s12 = 0
  let s22 = 0
  let s1y = 0
  let s2y = 0
  for (let i = 0; i < n; i++) {
    const a = x1[i] - m1
    const b = x2[i] - m2
    const c = y[i] - my
    s11 += a * a
    s12 += a * b
    s22 += b * b
    s1y += a * c
    s2y += b * c
  }
  const det = s11 * s22 - s12 * s12
  if (!(Math.abs(det) > 1e-10 * (s11 * s22 + s12 * s12))) return null
  return (s11 * s2y - s12 * s1y) / det
}
