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

/** RFC 5905 §10: stages start as dummies (0, MAXDISP, MAXDISP, 0). */
export function emptyRegister(now: number): FilterRegister {
  const stages: FilterStage[] = []
  for (let i = 0; i < NSTAGE; i++) stages.push({ offset: 0, delay: MAXDISP, disp: MAXDISP, t: 0 })
  return { stages, t: now }
}

export function emptyEstimate(now: number): PeerEstimate {
  return { offset: 0, delay: MAXDISP, disp: MAXDISP, dispAt: now, jitter: 0, t: -Infinity }
}

/** Shift a sample in (the oldest falls out), first aging every stage's dispersion by PHI·Δt. */
export function shiftIn(reg: FilterRegister, sample: FilterStage, now: number): void {
  const grow = PHI * Math.max(0, now - reg.t)
  for (const s of reg.stages) s.disp = Math.min(MAXDISP, s.disp + grow)
  reg.stages.pop()
  reg.stages.unshift(sample)
  reg.t = now
}

/**
 * Stage order for selection (ntpd 4.2.8 `clock_filter`): by delay; samples older than the Allan
 * intercept also by their (grown) dispersion; unusable stages (dispersion ≥ MAXDIST: dummies,
 * aged out) last; ties keep the newer sample first. Until the discipline has settled (`byDelay`
 * false: its startup holdoff is running) the newest sample goes first instead: while the
 * frequency is still uncorrected the offset ramps, and an old low-delay sample would be stale.
 */
function sortedStages(reg: FilterRegister, now: number, byDelay: boolean): FilterStage[] {
  const key = (s: FilterStage) =>
    s.disp >= MAXDIST ? MAXDISP : !byDelay ? 0 : now - s.t > 2 ** ALLAN ? s.delay + s.disp : s.delay
  return reg.stages
    .map((s, i) => ({ s, i, k: key(s) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.s)
}

/**
 * Run the filter after a sample was shifted in (`byDelay`: see `sortedStages`). `prev` is what
 * the peer held; the result says
 * whether it now holds a new sample for the system process to use:
 * - 'update': a newer least-delay sample: use it;
 * - 'stale': the least-delay sample is one already used (RFC: use a sample only once, never
 *   an older one), so nothing new for the clock;
 * - 'spike': popcorn spike suppressor (below), the sample is held back;
 * - 'empty': no usable stage at all.
 *
 * Popcorn spike suppressor (ntpd CLOCK_SGATE): once the discipline has settled (`byDelay`;
 * before, the offset moves on purpose) and the peer holds enough samples to trust its
 * jitter (dispersion under MAXDIST), a new best sample that jumps more than SGATE jitters from
 * the peer's offset, within two poll intervals of the sample last used, is dropped once: the
 * peer's offset moves to it anyway, so if it persists the next comparison lets it through. The
 * yardstick is the jitter
 * the peer had before this sample: ntpd measures it with the new sample as the reference, so a
 * spike inflates its own yardstick to its own size and is never caught.
 */
export function clockFilter(
  reg: FilterRegister,
  prev: PeerEstimate,
  now: number,
  precision: number,
  pollSeconds: number,
  byDelay: boolean,
): { outcome: FilterOutcome; estimate: PeerEstimate; jump: number } {
  const sorted = sortedStages(reg, now, byDelay)
  let disp = 0
  for (let i = NSTAGE - 1; i >= 0; i--) disp = 0.5 * (disp + sorted[i].disp)
  const usable = sorted.filter((s) => s.disp < MAXDIST)
  const aged = { ...prev, disp, dispAt: now }
  if (usable.length === 0) return { outcome: 'empty', estimate: aged, jump: 0 }

  const best = usable[0]
  let sq = 0
  for (let i = 1; i < usable.length; i++) sq += (usable[i].offset - best.offset) ** 2
  const jitter = Math.max(usable.length > 1 ? Math.sqrt(sq / (usable.length - 1)) : 0, precision)
  const jump = Math.abs(best.offset - prev.offset)

  if (best.t <= prev.t) return { outcome: 'stale', estimate: { ...aged, jitter }, jump: 0 }

  const closeInTime = best.t - prev.t < 2 * pollSeconds
  if (byDelay && prev.disp < MAXDIST && closeInTime && jump > SGATE * prev.jitter) {
    // Like ntpd, the peer still takes the new offset (the next comparison is against it), but
    // the sample is not handed to the clock.
    const held = { ...aged, offset: best.offset, delay: best.delay, jitter }
    return { outcome: 'spike', estimate: held, jump }
  }

  return {
    outcome: 'update',
    estimate: { offset: best.offset, delay: best.delay, disp, dispAt: now, jitter, t: best.t },
    jump,
  }
}

/** The peer's dispersion now: the filter's value grown at PHI since it was computed. */
export function dispersionAt(est: PeerEstimate, now: number): number {
  return Math.min(MAXDISP, est.disp + PHI * Math.max(0, now - est.dispAt))
}
