import type { Simulation } from '../engine'
import { createCheckpoints, type CheckpointStore } from './checkpoints'
import { runTo, type Sliced } from './slices'

/** A gap this many intervals wide between two checkpoints is filled in when the run passes through. */
const SPARSE = 4

/**
 * The recorded run of one branch: how far it reaches (the head), its checkpoints, and seeking.
 *
 * Seeking to T restores the latest checkpoint at or before T with `rewindTo`, which keeps the
 * run's whole input list, and re-runs to T; a run is a pure function of (scenario, seed, inputs
 * with their times), so every view then shows the true state at T. When the current state lies
 * between that checkpoint and T it simply runs on. Beyond the head it runs too, taking
 * checkpoints on the way. A live input while behind the head starts a new branch: the engine
 * drops the old branch's later live inputs itself, and `branch()` drops the checkpoints of the
 * future that no longer exists and moves the head back.
 */
export interface Timeline {
  readonly checkpoints: CheckpointStore
  /** the furthest simulated time this branch has reached */
  head(): number
  /** increases with every branch (a live input made behind the head) */
  branches(): number
  /** the stretch the last branch replaced, or null */
  replaced(): { from: number; to: number } | null
  /** after live play advanced the run by `simSeconds` in `wallMs`: checkpoint when due */
  afterAdvance(simSeconds: number, wallMs: number): void
  /**
   * Put the run at simulated time T exactly, in slices (slices.ts). Stopped early (`return()`),
   * the run stands at the instant it reached, the head moved up to it.
   */
  seek(T: number): Sliced
  /** call before a live input: returns true when the input starts a new branch */
  branch(): boolean
}

export function createTimeline(sim: Simulation, wallMs: () => number, budget?: number): Timeline {
  const checkpoints = createCheckpoints(sim, wallMs, budget)
  let head = sim.now
  let branches = 0
  let replaced: { from: number; to: number } | null = null
  checkpoints.take()

  /** Where the next checkpoint belongs: `at` (≥ now), or null when the next one is near enough. */
  function nextCheckpoint(): { at: number; before: number } {
    const step = checkpoints.interval()
    const prev = checkpoints.atOrBefore(sim.now)
    const next = checkpoints.after(prev)
    // A recorded stretch that is dense enough needs nothing new; past the latest checkpoint, or
    // where thinning left a wide gap, a checkpoint goes every `step`.
    if (next && next.t - prev.t < SPARSE * step) return { at: Infinity, before: next.t }
    return { at: Math.max(prev.t + step, sim.now), before: next ? next.t : Infinity }
  }

  /** Run to T from the current state, checkpointing on the way where checkpoints are missing. */
  function* runForward(T: number): Sliced {
    let lastTaken = -Infinity
    try {
      for (;;) {
        const { at, before } = nextCheckpoint()
        if (at === Infinity) {
          if (before >= T) break
          yield* runTo(sim, before, wallMs)
          continue
        }
        // never twice at one time (thinning may have dropped the one just taken)
        if (at > T || at <= lastTaken) break
        const t0 = sim.now
        const ms = yield* runTo(sim, at, wallMs)
        checkpoints.noteRun(sim.now - t0, ms)
        checkpoints.take()
        lastTaken = sim.now
      }
      yield* runTo(sim, T, wallMs)
    } finally {
      if (sim.now > head) head = sim.now
    }
  }

  return {
    checkpoints,
    head: () => head,
    branches: () => branches,
    replaced: () => replaced,
    afterAdvance(simSeconds, ms) {
      checkpoints.noteRun(simSeconds, ms)
      if (sim.now > head) head = sim.now
      if (sim.now >= nextCheckpoint().at) checkpoints.take()
    },
    *seek(T) {
      const target = Math.max(0, T)
      const cp = checkpoints.atOrBefore(target)
      // The current state is as good a starting point as the checkpoint when it lies between.
      if (!(sim.now >= cp.t && sim.now <= target)) sim.rewindTo(cp.world)
      yield* runForward(target)
    },
    branch() {
      if (sim.now >= head) return false
      checkpoints.dropAfter(sim.now)
      replaced = { from: sim.now, to: head }
      head = sim.now
      branches++
      return true
    },
  }
}
