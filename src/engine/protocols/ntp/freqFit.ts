import { MAXDIST } from './constants'
import type { FilterStage } from './filter'

/**
 * The frequency error measured at the end of the FREQ interval, as the slope of a weighted
 * least-squares line through the system peer's held samples (offset against sample time).
 *
 * Deviation from ntpd, on purpose. ntpd `direct_freq` divides the offset change between two
 * single samples by the interval: (Θ − clock_offset)/μ. Each raw sample on a path with jitter
 * carries an error of up to half its excess delay, so with ~70 µs per sample on a 0.1 ms LAN
 * the two-point figure is off by ±0.3 ppm (and by 0.8–1 ppm on unlucky seeds: two high-delay
 * samples with errors of opposite sign), which the daemon PLL, with its gain 1/(4·16·2^τ)²,
 * takes many hours to remove while the residual offset sits near 16·2^τ times the error.
 * The held offsets here are already brought up to date for every phase correction applied since
 * they were taken (peer.ts `catchUp`, chrony's SST_SlewSamples), so they lie on one line whose
 * slope is the uncorrected frequency error, however much of the initial offset was slewed in the
 * meantime; fitting all of them is what chrony does (sourcestats.c, SST_DoNewRegression), and so
 * are its weights: a sample counts less the farther its distance (δ/2) exceeds the least one,
 * in units of the residual spread of an unweighted first fit.
 *
 * Returns null when fewer than three usable samples span the interval (then the caller keeps
 * ntpd's two-point figure).
 */
export function offsetSlope(stages: readonly FilterStage[], precision: number): number | null {
  const usable = stages.filter((s) => s.disp < MAXDIST)
  if (usable.length < 3) return null
  const first = weightedLine(usable, () => 1)
  if (!first) return null
  let sq = 0
  for (const s of usable) sq += (s.offset - first.at(s.t)) ** 2
  const sd = Math.max(Math.sqrt(sq / (usable.length - 2)), precision)
  let least = Infinity
  for (const s of usable) least = Math.min(least, s.delay)
  const second = weightedLine(usable, (s) => 1 / (1 + (s.delay - least) / 2 / sd) ** 2)
  return second ? second.slope : first.slope
}

interface Line {
  slope: number
  at: (t: number) => number
}

function weightedLine(
  points: readonly FilterStage[],
  weight: (s: FilterStage) => number,
): Line | null {
  let sw = 0
  let st = 0
  let so = 0
  for (const s of points) {
    const w = weight(s)
    sw += w
    st += w * s.t
    so += w * s.offset
  }
  const tm = st / sw
  const om = so / sw
  let stt = 0
  let sto = 0
  for (const s of points) {
    const w = weight(s)
    stt += w * (s.t - tm) ** 2
    sto += w * (s.t - tm) * (s.offset - om)
  }
  if (!(stt > 0)) return null
  const slope = sto / stt
  return { slope, at: (t) => om + slope * (t - tm) }
}
