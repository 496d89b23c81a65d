/**
 * The reference update (chrony reference.c, REF_SetReference): how much of a newly measured
 * frequency to believe, and how fast to correct the offset.
 */

export interface FrequencyEstimate {
  /** the frequency error to correct now (current clock, ahead per local second) */
  freq: number
  /** what is left unbelieved, and the new bound on the clock's frequency error */
  residual: number
  skew: number
}

/**
 * get_clock_estimates: the clock is expected to run as last corrected (residual 0 within
 * `ourSkew`); the measurement moves it by a gain that weighs the two bounds. A measurement
 * whose own bound exceeds `maxUpdateSkew` is not used at all (chrony maxupdateskew).
 */
export function clockEstimate(
  measured: number,
  measuredSkew: number,
  ourSkew: number,
  maxUpdateSkew: number,
): FrequencyEstimate {
  let gain: number
  if (Math.abs(measuredSkew) > maxUpdateSkew) gain = 0
  else gain = (3 * ourSkew ** 2) / (3 * ourSkew ** 2 + measuredSkew ** 2)
  gain = Math.max(0, Math.min(1, gain))
  const freq = gain * measured
  const residual = measured - freq
  const extra = Math.sqrt(freq ** 2 * (1 - gain) + (measured - freq) ** 2 * gain)
  return { freq, residual, skew: ourSkew + gain * (measuredSkew - ourSkew) + extra }
}

/**
 * get_correction_rate: an offset as large as the statistics' own spread is to be corrected in
 * `ratio` update intervals (chrony corrtimeratio); the slew takes rate/|offset| seconds, so a
 * large offset goes fast and a small one slowly, keeping the frequency error the correction
 * itself causes small.
 */
export function correctionRate(ratio: number, offsetSd: number, updateInterval: number): number {
  return ratio * 0.5 * offsetSd * updateInterval
}

/** sys_generic.c: slews last between 1 and 10 000 s */
const MIN_SLEW_DURATION = 1
const MAX_SLEW_DURATION = 1e4

/**
 * update_slew: the frequency offset (negative slows the clock) that removes `remaining`
 * (positive = ahead) in rate/|remaining| seconds, at most `maxSlew`.
 */
export function slewRate(remaining: number, rate: number, maxSlew: number): number {
  if (Math.abs(remaining) < 1e-9) return 0
  const duration = Math.min(
    MAX_SLEW_DURATION,
    Math.max(MIN_SLEW_DURATION, rate / Math.abs(remaining)),
  )
  return Math.max(-maxSlew, Math.min(maxSlew, -remaining / duration))
}
