import { ALLAN, AVG, CLOCK_FLOOR, FLL, PLL } from './constants'
import { adaptPoll } from './poll'

/**
 * The clock discipline (RFC 5905 §11.3; ntpd `local_clock`, `adj_host_clock`, `rstclock`,
 * `direct_freq` in ntp_loopfilter.c): a state machine that decides between stepping, slewing
 * and ignoring each new system offset, a hybrid phase/frequency-lock loop that turns offsets into
 * a frequency correction, and a once-a-second clock-adjust process that applies both.
 *
 *   state  |Θ| ≤ step threshold          |Θ| > step threshold
 *   NSET   slew Θ, → FREQ                step, → FREQ
 *   FREQ   after stepout: set f, → SYNC   after stepout: set f, step, → SYNC
 *   SYNC   PLL/FLL update                → SPIK (ignore: a single spike)
 *   SPIK   PLL/FLL update, → SYNC        after stepout: step, → SYNC
 *
 * Everything here is plain data and pure arithmetic so the thresholds can be tested alone;
 * the protocol applies the results to the node's clock.
 */
export type ClockState = 'NSET' | 'FREQ' | 'SYNC' | 'SPIK'

export interface Discipline {
  state: ClockState
  /** Θ still to be amortised by the clock-adjust process (ntpd clock_offset) */
  offset: number
  /** Θ as handed over at the last update (ntpd last_offset): the clock jitter's reference */
  lastOffset: number
  /** process time of the last state change (ntpd clock_epoch): μ is measured from here */
  epoch: number
  /** frequency correction f (dimensionless; ntpd drift_comp) */
  freq: number
  /** clock jitter: exponentially averaged RMS of offset differences */
  jitter: number
  /** clock wander: exponentially averaged RMS of frequency changes */
  wander: number
  /** startup seconds left with a fast time constant and no frequency updates (ntpd freq_cnt) */
  holdoff: number
  /** the initial phase correction still being slewed at the maximum rate (ntpd's adjtime in NSET) */
  slew: number
  /** poll exponent τ (poll interval 2^τ s) and its hysteresis counter */
  poll: number
  pollCounter: number
}

export interface DisciplineConfig {
  /** 0 = never step */
  stepThreshold: number
  stepout: number
  /** 0 = never panic */
  panicThreshold: number
  /** largest |f| and largest per-second adjustment (dimensionless, 500e-6 in ntpd) */
  maxFreq: number
  minPoll: number
  maxPoll: number
  /** clock resolution (s): floor for the jitter */
  precision: number
}

/** ntpd `init_loopfilter` + LOOP_DRIFTINIT without a drift file: NSET, holdoff = stepout. */
export function createDiscipline(cfg: DisciplineConfig, poll: number, now: number): Discipline {
  return {
    state: 'NSET',
    offset: 0,
    lastOffset: 0,
    epoch: now,
    freq: 0,
    jitter: cfg.precision,
    wander: 0,
    holdoff: cfg.stepout,
    slew: 0,
    poll,
    pollCounter: 0,
  }
}

/**
 * What to do with an update: 'panic' (|Θ| beyond the panic threshold: refused, ntpd exits),
 * 'ignore' (suppressed: the FREQ measurement interval or a pending spike), 'spike' (the first
 * large offset in SYNC, now SPIK), 'slew' (accepted), 'step' (the caller steps the clock by Θ and
 * resets its associations).
 */
export type ClockUpdate = 'panic' | 'ignore' | 'spike' | 'slew' | 'step'

function reset(d: Discipline, state: ClockState, offset: number, now: number): void {
  d.state = state
  d.offset = offset
  d.lastOffset = offset
  d.epoch = now
}

/**
 * ntpd `local_clock`: feed the system offset Θ measured at process time `now`. `slope`: the
 * offset's rate fitted over the held samples (freqFit.ts), used for the FREQ-state frequency
 * when there is one.
 */
export function localClock(
  d: Discipline,
  theta: number,
  now: number,
  cfg: DisciplineConfig,
  slope: number | null = null,
): ClockUpdate {
  if (cfg.panicThreshold > 0 && Math.abs(theta) > cfg.panicThreshold) return 'panic'
  const mu = now - d.epoch
  let freq = d.freq

  if (cfg.stepThreshold > 0 && Math.abs(theta) > cfg.stepThreshold) {
    if (d.state === 'SYNC') {
      // A single large offset is a spike: ignore it (ntpd EVNT_SPIK). μ keeps counting from the
      // last accepted update, so the step comes once no good update has arrived for the stepout.
      d.state = 'SPIK'
      return 'spike'
    }
    if (d.state === 'FREQ' || d.state === 'SPIK') {
      if (mu < cfg.stepout) return 'ignore'
      if (d.state === 'FREQ') freq = directFrequency(d, theta, mu, slope)
    }
    // NSET, or the large offset outlasted the stepout: step (ntpd step_systime).
    const wasNset = d.state === 'NSET'
    d.slew = 0
    d.jitter = cfg.precision
    d.poll = cfg.minPoll
    d.pollCounter = 0
    if (wasNset) {
      reset(d, 'FREQ', 0, now)
      return 'step'
    }
    d.freq = clampFreq(freq, cfg)
    reset(d, 'SYNC', 0, now)
    return 'step'
  }

  // Below the step threshold. Clock jitter (ntpd): exponential average of the differences
  // between successive offsets, |Θ − last_offset|. In steady state the amortisation balances any
  // residual frequency error, so successive offsets differ by noise alone; comparing with the
  // residual instead would count that error's drift over μ (up to 1024 s) as jitter, and the
  // inflated jitter keeps |Θ| < PGATE·jitter and lets τ climb while the clock is off.
  // Two deviations, both where Θ moves on purpose and the difference would not be noise: in NSET
  // and FREQ (the deliberate initial correction and the not-yet-corrected frequency) nothing is
  // counted, and during the fast startup amortisation (holdoff, Θ shrinking by 1/32 a second) the
  // reference is the residual still being amortised, where the loop expected Θ to land.
  const settled = d.state === 'SYNC' || d.state === 'SPIK'
  if (settled) {
    const expected = d.holdoff > 0 ? d.offset : d.lastOffset
    const diff = Math.max(Math.abs(theta - expected), cfg.precision)
    d.jitter = Math.sqrt(d.jitter ** 2 + (diff ** 2 - d.jitter ** 2) / AVG)
  }

  if (d.state === 'NSET') {
    // First update: correct the phase at the slew rate, measure the frequency later.
    d.slew = theta
    reset(d, 'FREQ', theta, now)
    return 'slew'
  }
  if (d.state === 'FREQ') {
    if (mu < cfg.stepout) return 'ignore'
    freq = directFrequency(d, theta, mu, slope)
  }
  if (d.holdoff === 0) {
    // FLL above the Allan intercept: the offset's drift since the last update measures the
    // frequency error directly (ntpd compares with clock_offset, the part not yet amortised).
    if (d.poll >= ALLAN) freq += (FLL * (theta - d.offset)) / Math.max(2 ** d.poll, mu)
    // PLL: integrate the offset; the gain falls with the square of the time constant.
    const tc = 4 * PLL * 2 ** d.poll
    freq += (theta * Math.min(2 ** ALLAN, mu)) / (tc * tc)
  }
  reset(d, 'SYNC', theta, now)
  if (Math.abs(theta) < CLOCK_FLOOR) d.holdoff = 0

  const before = d.freq
  d.freq = clampFreq(freq, cfg)
  if (settled) d.wander = Math.sqrt(d.wander ** 2 + ((d.freq - before) ** 2 - d.wander ** 2) / AVG)
  adaptPoll(d, cfg)
  return 'slew'
}

/**
 * ntpd `direct_freq`, at the end of the FREQ interval: the offset that built up over μ seconds
 * with no frequency correction is the frequency error. Any part of the initial phase correction
 * not yet slewed is still in Θ and is taken out first (the RFC's (Θ − c.offset)/μ). A fitted
 * slope over all the interval's samples, when given, replaces that two-point figure (freqFit.ts).
 */
function directFrequency(d: Discipline, theta: number, mu: number, slope: number | null): number {
  const s = slope ?? (theta - d.slew) / mu
  d.slew = 0
  return gainForSlope(d.freq, s)
}

/**
 * The gain that stops an offset drifting at `s` per local second while the clock runs with gain
 * `f0`. A clock at oscillator error y and gain g runs at (1 + y)/(1 − g) (`rateForGain`), so
 * per local second its offset drifts at s = −(y + g)/(1 + y); zero drift needs g = −y, i.e.
 * f0 + s(1 − f0)/(1 + s). Taking s itself as the gain leaves y²/(1 + y): nothing inside ntpd's
 * ±500 ppm, but 25 ppm at the +5 000 ppm a scenario may set with maxSlewPpm up to 100 000.
 */
export function gainForSlope(f0: number, s: number): number {
  return f0 + (s * (1 - f0)) / (1 + s)
}

function clampFreq(f: number, cfg: DisciplineConfig): number {
  return Math.max(-cfg.maxFreq, Math.min(cfg.maxFreq, f))
}

/** A stretch of the clock-adjust process: `seconds` local seconds at `phase` per second. */
export interface AdjustPlan {
  seconds: number
  phase: number
}

function limitPhase(phase: number, freq: number, maxFreq: number): number {
  if (phase + freq > maxFreq) return maxFreq - freq
  if (phase + freq < -maxFreq) return -maxFreq - freq
  return phase
}

/**
 * ntpd `adj_host_clock` runs once a second: in SYNC the clock gains Θ_res / (PLL · 2^τ) of the
 * residual (PLL · 2 during the startup holdoff, which it counts down), in FREQ the initial
 * correction at the full slew rate (ntpd's adjtime), plus the frequency correction f, the
 * phase limited so that the total stays within ±maxFreq.
 *
 * This plans up to `maxSeconds` of those seconds at once, as one stretch at the stretch's
 * average phase per second: over the stretch the clock gains exactly what the per-second process
 * would (Σ Θ_res·g(1 − g)^k = Θ_res·(1 − (1 − g)^K)); inside it the straight line departs from
 * the geometric steps by at most Θ_res·(K·g)²/8, and K·g ≤ 1/64 keeps that below 4e-6 of the
 * residual. Where the steps are not smooth (the holdoff's g = 1/32, a limited first second,
 * the end of the initial slew) a stretch is one second, as in ntpd. The caller charges the phase
 * to the residual as the clock actually gains it (`absorb`).
 */
export function planAdjust(
  d: Discipline,
  cfg: Pick<DisciplineConfig, 'maxFreq'>,
  maxSeconds: number,
): AdjustPlan {
  const max = Math.max(1, maxSeconds)
  if (d.state === 'SYNC') {
    if (d.holdoff > 0) {
      d.holdoff--
      return { seconds: 1, phase: limitPhase(d.offset / (PLL * 2), d.freq, cfg.maxFreq) }
    }
    const g = 1 / (PLL * 2 ** d.poll)
    const first = d.offset * g
    const limited = limitPhase(first, d.freq, cfg.maxFreq)
    if (limited !== first) return { seconds: 1, phase: limited }
    const seconds = Math.max(1, Math.min(max, Math.floor(1 / (64 * g))))
    return { seconds, phase: (d.offset * (1 - (1 - g) ** seconds)) / seconds }
  }
  if (d.slew !== 0) {
    const room = Math.max(0, cfg.maxFreq - Math.abs(d.freq))
    if (room === 0) return { seconds: max, phase: 0 }
    if (Math.abs(d.slew) <= room) return { seconds: 1, phase: d.slew }
    return {
      seconds: Math.min(max, Math.floor(Math.abs(d.slew) / room)),
      phase: Math.sign(d.slew) * room,
    }
  }
  return { seconds: max, phase: 0 }
}

/** Charge `amount` of phase the clock has gained to what the discipline still has to correct. */
export function absorb(d: Discipline, amount: number): void {
  if (d.state === 'SYNC') d.offset -= amount
  else d.slew -= amount
}

/**
 * The engine rate that makes the local clock gain exactly `gain` seconds per local second over
 * the free-running oscillator. The engine's clock runs at (1 + y)(1 + u); during one local
 * second at control u the oscillator alone would have advanced 1/(1 + u), so the gain is
 * u/(1 + u) whatever the skew y and its wander: u = gain/(1 − gain).
 */
export function rateForGain(gain: number): number {
  return gain / (1 - gain)
}
