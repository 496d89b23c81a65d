import { ALLAN, MAXDISP, MAXDIST, NSTAGE, PHI, SGATE } from './constants'

/**
 * The clock filter (RFC 5905 §10, ntpd `clock_filter`): per server, an 8-stage shift register of
 * (θ, δ, ε, t). The sample with the least delay has the least room for asymmetry error, so it
 * becomes the peer's offset; the others give the peer's dispersion and jitter.
 */
export interface FilterStage {
  offset: number
  delay: number
  disp: number
  /** process time (local seconds since start) the sample was taken */
  t: number
}

export interface FilterRegister {
  /** newest first */
  stages: FilterStage[]
  /** process time of the last shift: dispersions have been aged up to here */
  t: number
}

/** What a peer holds from its filter: the values select, cluster and combine work with. */
export interface PeerEstimate {
  offset: number
  delay: number
  /** ε: Σ εᵢ / 2^(i+1) over the stages sorted by delay, as of `dispAt` */
  disp: number
  dispAt: number
  /** ψ: RMS of the other usable samples' offsets about the chosen one */
  jitter: number
  /** process time of the sample in use; −Infinity before the first */
  t: number
}

export type FilterOutcome = 'update' | 'stale' | 'spike' | 'empty'

/** Stages are made in one place only, so they all share one shape (the hot loops stay monomorphic). */
function stage(offset: number, delay: number, disp: number, t: number): FilterStage {
  return { offset, delay, disp, t }
}

/** RFC 5905 §10: stages start as dummies (0, MAXDISP, MAXDISP, 0). */
export function emptyRegister(now: number): FilterRegister {
  const stages: FilterStage[] = []
  for (let i = 0; i < NSTAGE; i++) stages.push(stage(0, MAXDISP, MAXDISP, 0))
  return { stages, t: now }
}

export function emptyEstimate(now: number): PeerEstimate {
  return { offset: 0, delay: MAXDISP, disp: MAXDISP, dispAt: now, jitter: 0, t: -Infinity }
}

/**
 * Shift a sample in (the oldest falls out), first aging every stage's dispersion by PHI·Δt.
 * The stage object that falls out is reused for the new sample.
 */
export function shiftIn(
  reg: FilterRegister,
  offset: number,
  delay: number,
  disp: number,
  t: number,
  now: number,
): void {
  const stages = reg.stages
  const grow = PHI * Math.max(0, now - reg.t)
  for (let i = 0; i < stages.length; i++) stages[i].disp = Math.min(MAXDISP, stages[i].disp + grow)
  const s = stages.pop() ?? stage(0, 0, 0, 0)
  s.offset = offset
  s.delay = delay
  s.disp = disp
  s.t = t
  stages.unshift(s)
  reg.t = now
}

// Scratch space for sorting the eight stages: the filter runs once per reply, on one thread.
const order = [0, 1, 2, 3, 4, 5, 6, 7]
const keys = new Float64Array(NSTAGE)

/**
 * Stage order for selection (ntpd 4.2.8 `clock_filter`): by delay; samples older than the Allan
 * intercept also by their (grown) dispersion; unusable stages (dispersion ≥ MAXDIST: dummies,
 * aged out) last; ties keep the newer sample first. Until the discipline has settled (`byDelay`
 * false: its startup holdoff is running) the newest sample goes first instead: while the
 * frequency is still uncorrected the offset ramps, and an old low-delay sample would be stale.
 * Leaves the order in `order`; returns how many stages are usable.
 */
function sortStages(stages: FilterStage[], now: number, byDelay: boolean): number {
  let usable = 0
  for (let i = 0; i < NSTAGE; i++) {
    const s = stages[i]
    let k = MAXDISP
    if (s.disp < MAXDIST) {
      usable++
      k = !byDelay ? 0 : now - s.t > 2 ** ALLAN ? s.delay + s.disp : s.delay
    }
    keys[i] = k
    // insertion sort, stable: equal keys keep register order (newer first)
    let j = i
    while (j > 0 && keys[order[j - 1]] > k) {
      order[j] = order[j - 1]
      j--
    }
    order[j] = i
  }
  return usable
}

/**
 * Run the filter after a sample was shifted in (`byDelay`: see `sortStages`), updating the
 * peer's estimate `est` in place. The outcome says whether it now holds a new sample for the
 * system process to use:
 * - 'update': a newer least-delay sample: use it;
 * - 'stale': the least-delay sample is one already used (RFC: use a sample only once, never
 *   an older one), so nothing new for the clock;
 * - 'spike': popcorn spike suppressor (below), the sample is held back;
 * - 'empty': no usable stage at all.
 *
 * Popcorn spike suppressor (ntpd CLOCK_SGATE): once the discipline has settled (`byDelay`;
 * before, the offset moves on purpose) and the peer holds enough samples to trust its jitter
 * (dispersion under MAXDIST), a new best sample that jumps more than SGATE jitters from the
 * peer's offset, within two poll intervals of the sample last used, is dropped once: the peer's
 * offset moves to it anyway, so if it persists the next comparison lets it through. The
 * yardstick is the jitter the peer had before this sample: ntpd measures it with the new sample
 * as the reference, so a spike inflates its own yardstick to its own size and is never caught.
 */
export function clockFilter(
  reg: FilterRegister,
  est: PeerEstimate,
  now: number,
  precision: number,
  pollSeconds: number,
  byDelay: boolean,
): { outcome: FilterOutcome; jump: number } {
  const stages = reg.stages
  const usable = sortStages(stages, now, byDelay)
  let disp = 0
  for (let i = NSTAGE - 1; i >= 0; i--) disp = 0.5 * (disp + stages[order[i]].disp)
  const prevDisp = est.disp
  est.disp = disp
  est.dispAt = now
  if (usable === 0) return { outcome: 'empty', jump: 0 }

  const best = stages[order[0]]
  let sq = 0
  for (let i = 1; i < usable; i++) sq += (stages[order[i]].offset - best.offset) ** 2
  const jitter = Math.max(usable > 1 ? Math.sqrt(sq / (usable - 1)) : 0, precision)
  const jump = Math.abs(best.offset - est.offset)

  if (best.t <= est.t) {
    est.jitter = jitter
    return { outcome: 'stale', jump: 0 }
  }
  const closeInTime = best.t - est.t < 2 * pollSeconds
  const spike = byDelay && prevDisp < MAXDIST && closeInTime && jump > SGATE * est.jitter
  // Like ntpd, a spike still moves the peer's offset (the next comparison is against it), but
  // keeps the time of the sample last used, so it is not handed to the clock.
  est.offset = best.offset
  est.delay = best.delay
  est.jitter = jitter
  if (spike) return { outcome: 'spike', jump }
  est.t = best.t
  return { outcome: 'update', jump }
}

/** The peer's dispersion now: the filter's value grown at PHI since it was computed. */
export function dispersionAt(est: PeerEstimate, now: number): number {
  return Math.min(MAXDISP, est.disp + PHI * Math.max(0, now - est.dispAt))
}
