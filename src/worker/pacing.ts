import type { Simulation } from '../engine'

/**
 * Advancing a run by a wall-clock budget. The engine's `runUntil` cannot be interrupted, so
 * the loop goes event instant by event instant (`runUntil(nextTime())`, i.e. `step()`) and
 * checks the wall clock every few instants. Splitting a run into more `runUntil` calls never
 * changes it: every event at true time ≤ t is processed in (time, sequence) order either way.
 */

type AdvanceEnd =
  /** reached the target time */
  | 'reached'
  /** ran out of wall-clock budget before the target: simulated speed falls behind */
  | 'behind'
  /** stopped at the first instant that sent a message (`stopOnSend`) */
  | 'sent'

/** Wall-clock checks happen every this many event instants (reading the clock costs too). */
const CHECK_EVERY = 64

function advance(
  sim: Simulation,
  target: number,
  deadline: { wallMs: () => number; at: number },
  stopOnSend = false,
): AdvanceEnd {
  const sent0 = sim.counts.sent
  for (let n = 1; ; n++) {
    const next = sim.nextTime()
    if (next > target) {
      sim.runUntil(target)
      return 'reached'
    }
    sim.runUntil(next)
    if (stopOnSend && sim.counts.sent !== sent0) return 'sent'
    if (n % CHECK_EVERY === 0 && deadline.wallMs() > deadline.at) return 'behind'
  }
}

/** Simulated seconds per wall second while skipping a quiet stretch (an 8 s poll gap ≈ 0.4 s). */
const QUIET_RATE = 20
/** Wall time a tick may spend simulating: leaves room for the frame and for messages. */
const TICK_BUDGET_MS = 10
/** A longer gap between ticks (background tab, debugger) is not made up for. */
export const MAX_TICK_GAP_S = 0.1

export interface Pacer {
  /** smoothed simulated seconds per wall second */
  rate: number
}

/**
 * One paced tick: advance by speed × wall dt. With `skipQuiet` and nothing on the wire, go at
 * least QUIET_RATE but stop at the instant the next message is sent, so it is drawn from its
 * start at the chosen speed. Returns the pace mode and updates the smoothed rate.
 */
export function paceTick(
  sim: Simulation,
  pacer: Pacer,
  opts: {
    speed: number
    dtWall: number
    skipQuiet: boolean
    quiet: boolean
    wallMs: () => number
    /** never advance past this simulated time (a lesson's stop time) */
    limit?: number
  },
): 'normal' | 'skipping' | 'behind' {
  const { speed, dtWall } = opts
  if (dtWall <= 0) return 'normal'
  const t0 = sim.now
  const base = speed * dtWall
  // Only skip towards something: with nothing scheduled at all (free-running clocks) the
  // chosen speed is the only sensible one.
  const skipping = opts.skipQuiet && opts.quiet && QUIET_RATE > speed && sim.nextTime() < Infinity
  const target = Math.min(opts.limit ?? Infinity, t0 + (skipping ? QUIET_RATE * dtWall : base))
  const end = advance(
    sim,
    target,
    { wallMs: opts.wallMs, at: opts.wallMs() + TICK_BUDGET_MS },
    skipping,
  )
  const achieved = (sim.now - t0) / dtWall
  // Exponential smoothing over ~5 ticks: a readout that does not flicker.
  pacer.rate += 0.2 * (achieved - pacer.rate)
  if (end === 'behind') return 'behind'
  return skipping && end === 'reached' ? 'skipping' : 'normal'
}
