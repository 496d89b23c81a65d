import {
  findBestRegression,
  median,
  MIN_SAMPLES,
  RUNS_RATIO,
  secondSlope,
  tCoefficient,
} from './regress'

/**
 * One source's sample history and what regression makes of it (chrony sourcestats.c).
 *
 * Sense and time base. Offsets are chrony's: positive = our clock is ahead of the source. They
 * are kept against the node's *raw* clock — the clock without any of the corrections this
 * client has made (clock.ts) — and stamped in raw seconds. chrony keeps them against the
 * corrected clock instead and re-expresses every sample whenever it changes the clock
 * (SST_SlewSamples); against the raw clock the samples never move, and the fitted line is the
 * oscillator's own offset and frequency, from which the correction follows.
 */
export interface Sample {
  /** raw time of the exchange midpoint */
  t: number
  /** raw clock minus the source's time at t */
  offset: number
  /** round-trip delay δ and the sample's own dispersion */
  delay: number
  disp: number
  rootDelay: number
  rootDisp: number
}

export interface SourceStats {
  /** oldest first: `extra` runs-test-only samples, then the regular ones */
  samples: Sample[]
  extra: number
  regressionOk: boolean
  /** raw-clock offset at `offsetT` and its rate (raw seconds gained per raw second) */
  offset: number
  offsetT: number
  offsetSd: number
  freq: number
  freqSd: number
  /** frequency bound at 99.9 % (chrony's skew) and the points' spread */
  skew: number
  stdDev: number
  runs: number
  /** index (into the regular samples) of the one with the least root distance now */
  best: number
  /**
   * Estimated asymmetry of the network jitter (the offset's slope against the delay above its
   * minimum, within ±0.5) and how many estimates in a row had the same sign beyond ±0.45.
   */
  asymmetry: number
  asymmetryRun: number
}

/** sourcestats.c: asymmetry is corrected once ten estimates in a row exceed 0.45 of one sign */
const MAX_ASYMMETRY = 0.5
const MIN_ASYMMETRY = 0.45
const MIN_ASYMMETRY_RUN = 10
const MAX_ASYMMETRY_RUN = 1000

/** chrony sourcestats.c: at most 64 samples fitted */
const MAX_SAMPLES = 64
const MIN_SKEW = 1e-12
const MAX_SKEW = 1
const MIN_STDDEV = 1e-9
/** assumed when no regression is possible: a frequency within 2 000 ppm, offsets within 4 s */
const WORST_CASE_FREQ_BOUND = 2000e-6
const WORST_CASE_STDDEV_BOUND = 4
/** how much larger a sample's offset error is than its distance above the least */
const SD_TO_DIST_RATIO = 0.7

export function createStats(): SourceStats {
  return {
    samples: [],
    extra: 0,
    regressionOk: false,
    offset: 0,
    offsetT: 0,
    offsetSd: WORST_CASE_STDDEV_BOUND,
    freq: 0,
    freqSd: WORST_CASE_FREQ_BOUND,
    skew: WORST_CASE_FREQ_BOUND,
    stdDev: WORST_CASE_STDDEV_BOUND,
    runs: 0,
    best: 0,
    asymmetry: 0,
    asymmetryRun: 0,
  }
}

/** After a step of unknown size every sample is wrong (chrony: SST_ResetInstance). */
export function resetStats(st: SourceStats): void {
  Object.assign(st, createStats())
}

export function regularCount(st: SourceStats): number {
  return st.samples.length - st.extra
}

/** Drop the `k` oldest regular samples; they stay for the runs test up to RUNS_RATIO − 1 times the rest. */
function prune(st: SourceStats, k: number): void {
  if (k === 0) return
  st.extra += k
  const keepExtra = (st.samples.length - st.extra) * (RUNS_RATIO - 1)
  if (st.extra > keepExtra) {
    st.samples.splice(0, st.extra - keepExtra)
    st.extra = keepExtra
  }
}

/** SST_AccumulateSample: a newer sample in; at most MAX_SAMPLES (or maxSamples) regular ones. */
export function accumulate(st: SourceStats, s: Sample, maxSamples = MAX_SAMPLES): void {
  const n = regularCount(st)
  if (n > 0 && n >= Math.min(MAX_SAMPLES, maxSamples)) prune(st, 1)
  const last = st.samples.at(-1)
  if (last && last.t >= s.t) resetStats(st) // out of order: history discarded, as chrony does
  st.samples.push(s)
}

/**
 * SST_DoNewRegression: weights from each sample's distance (δ/2 + ε) above the least, in units
 * of the spread the median distance suggests; fit; keep the samples the runs test accepted.
 */
export function doNewRegression(st: SourceStats, precision: number, minSamples = 0): void {
  const n = regularCount(st)
  const last = st.samples.at(-1)
  if (!last) {
    Object.assign(st, createStats())
    return
  }
  const regular = st.samples.slice(st.extra)
  const dist = regular.map((s) => 0.5 * s.delay + s.disp)
  let minDist = Infinity
  for (const d of dist) minDist = Math.min(minDist, d)
  const sd = Math.max(precision, Math.min((median(dist) - minDist) / SD_TO_DIST_RATIO, minDist))
  minDist += precision
  const w = dist.map((d) => (1 + (d > minDist ? (d - minDist) / sd : 0)) ** 2)
  const x = st.samples.map((s) => s.t - last.t)
  const y = st.samples.map((s) => s.offset)
  correctAsymmetry(st, x, y)
  const r = n >= MIN_SAMPLES ? findBestRegression(x, y, w, st.extra, minSamples) : null
  st.regressionOk = r !== null
  if (r) {
    st.freq = r.slope
    st.freqSd = Math.min(MAX_SKEW, Math.max(MIN_SKEW, r.slopeSd))
    st.skew = Math.min(MAX_SKEW, Math.max(MIN_SKEW, r.slopeSd * tCoefficient(r.dof)))
    st.offset = r.intercept
    st.offsetT = last.t
    st.offsetSd = r.interceptSd
    st.stdDev = Math.max(MIN_STDDEV, Math.sqrt(r.variance))
    st.runs = r.runs
    prune(st, r.start)
  } else {
    st.freqSd = WORST_CASE_FREQ_BOUND
    st.skew = WORST_CASE_FREQ_BOUND
    st.offsetSd = WORST_CASE_STDDEV_BOUND
    st.stdDev = WORST_CASE_STDDEV_BOUND
    st.runs = 0
    st.offset = last.offset
    st.offsetT = last.t
  }
  st.best = bestSample(st, last.t)
}

/**
 * correct_asymmetry: when the jitter sits mostly on one direction of the path, a sample's offset
 * error grows with its delay (by up to half of it). Estimate that slope by a fit against time and
 * delay; once it has been beyond ±0.45 with one sign ten times in a row, take it out of the
 * offsets, referring each to the least delay.
 */
function correctAsymmetry(st: SourceStats, x: number[], y: number[]): void {
  const least = minDelay(st)
  const delays = st.samples.map((s) => s.delay - least)
  const a = secondSlope(x, delays, y)
  if (a === null || a * st.asymmetryRun < 0) {
    st.asymmetry = 0
    st.asymmetryRun = 0
    return
  }
  if (a <= -MIN_ASYMMETRY && st.asymmetryRun > -MAX_ASYMMETRY_RUN) st.asymmetryRun--
  else if (a >= MIN_ASYMMETRY && st.asymmetryRun < MAX_ASYMMETRY_RUN) st.asymmetryRun++
  if (Math.abs(st.asymmetryRun) < MIN_ASYMMETRY_RUN) return
  st.asymmetry = Math.max(-MAX_ASYMMETRY, Math.min(MAX_ASYMMETRY, a))
  for (let i = 0; i < y.length; i++) y[i] -= st.asymmetry * delays[i]
}

/** The sample whose root distance, grown at the skew since it was taken, is least at `now`. */
function bestSample(st: SourceStats, now: number): number {
  let best = 0
  let bestDist = Infinity
  st.samples.slice(st.extra).forEach((s, i) => {
    const d = s.rootDisp + (now - s.t) * st.skew + 0.5 * s.rootDelay
    if (d < bestDist) {
      bestDist = d
      best = i
    }
  })
  return best
}

/** SST_PredictOffset: the raw-clock offset the fit expects at raw time `t`. */
export function predictOffset(st: SourceStats, t: number): number {
  if (regularCount(st) < MIN_SAMPLES) return st.samples.at(-1)?.offset ?? 0
  return st.offset + (t - st.offsetT) * st.freq
}

export interface SelectionData {
  /** raw-clock offset predicted now from the best single sample */
  offset: number
  rootDistance: number
  stdDev: number
  firstAgo: number
  lastAgo: number
}

/** SST_GetSelectionData: null while there is no regression (chrony: bad statistics). */
export function selectionData(st: SourceStats, now: number): SelectionData | null {
  const regular = st.samples.slice(st.extra)
  if (regular.length === 0 || !st.regressionOk) return null
  const s = regular[st.best]
  const elapsed = Math.abs(now - s.t)
  return {
    offset: s.offset + elapsed * st.freq,
    rootDistance: 0.5 * s.rootDelay + s.rootDisp + elapsed * st.skew,
    stdDev: st.stdDev,
    firstAgo: now - regular[0].t,
    lastAgo: now - regular[regular.length - 1].t,
  }
}

export interface TrackingData {
  /** raw-clock offset at `t` from the fit */
  offset: number
  t: number
  offsetSd: number
  freq: number
  freqSd: number
  skew: number
  rootDelay: number
  rootDisp: number
}

/** SST_GetTrackingData */
export function trackingData(st: SourceStats): TrackingData {
  const s = st.samples[st.extra + st.best]
  return {
    offset: st.offset,
    t: st.offsetT,
    offsetSd: st.offsetSd,
    freq: st.freq,
    freqSd: st.freqSd,
    skew: st.skew,
    rootDelay: s.rootDelay,
    rootDisp: s.rootDisp + st.skew * (st.offsetT - s.t) + st.offsetSd,
  }
}

/** SST_MinRoundTripDelay over the held samples (Infinity when none). */
function minDelay(st: SourceStats): number {
  let m = Infinity
  for (const s of st.samples) m = Math.min(m, s.delay)
  return m
}
