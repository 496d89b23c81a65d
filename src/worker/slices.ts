import type { Simulation } from '../engine'

/**
 * Long runs in slices. Opening a share link at t = 999 999, restoring a session, a lesson step
 * that starts late or a seek far ahead may simulate for minutes; done in one go, the worker
 * would answer nothing meanwhile (no progress, no cancel, no other preset). Such work is written
 * as a generator that yields between whole event instants; the host (host.ts) drives it for a
 * wall-clock budget per slice and goes back to the worker's message loop in between.
 *
 * Splitting a run into more `runUntil` calls never changes it (pacing.ts), so a sliced run has
 * the trace hash of a straight one, and stopping between two slices leaves the run exactly
 * where a straight run to that time would be.
 */
export type Sliced<T = void> = Generator<void, T, void>

/** Event instants between two yields: about a millisecond of simulating. */
const SLICE_INSTANTS = 256

/**
 * `sim.runUntil(T)`, yielding every SLICE_INSTANTS instants. Returns the wall ms spent simulating
 * (the time spent elsewhere between slices left out), which checkpoint spacing is measured by.
 */
export function* runTo(sim: Simulation, T: number, wallMs: () => number): Sliced<number> {
  let busy = 0
  let w0 = wallMs()
  for (let n = 1; ; n++) {
    const next = sim.nextTime()
    if (next > T) {
      sim.runUntil(T)
      return busy + wallMs() - w0
    }
    sim.runUntil(next)
    if (n % SLICE_INSTANTS === 0) {
      busy += wallMs() - w0
      yield
      w0 = wallMs()
    }
  }
}

/** Run sliced work to its end without yielding to anything (tests, and work known to be short). */
export function runAll<T>(work: Sliced<T>): T {
  for (;;) {
    const r = work.next()
    if (r.done) return r.value
  }
}
