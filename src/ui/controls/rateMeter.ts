/**
 * The effective speed: simulated seconds per wall second measured over the last few seconds of
 * playback, fed from the readout painter. With quiet periods skipped the run goes far faster
 * than the speed slider says between messages; this is the number that tells the truth
 * (docs/ui-contract.md `speed-effective`). A pause, a new run or a jump back (seek, reset)
 * starts the measurement again.
 */
const RATE_WINDOW_MS = 3000
/** Below this much wall time measured the figure would jump about: say nothing yet. */
const MIN_SPAN_MS = 1000

interface Sample {
  wall: number
  sim: number
}

export interface RateMeter {
  /** add a reading; returns the rate over the window, or null while too little is measured */
  add(runId: number, wallMs: number, sim: number, running: boolean): number | null
}

export function createRateMeter(windowMs = RATE_WINDOW_MS): RateMeter {
  let samples: Sample[] = []
  let run = -1
  return {
    add(runId, wallMs, sim, running) {
      const last = samples[samples.length - 1]
      if (!running || runId !== run || (last && (sim < last.sim || wallMs < last.wall))) {
        samples = []
        run = runId
        if (!running) return null
      }
      samples.push({ wall: wallMs, sim })
      while (samples.length > 2 && wallMs - samples[1].wall >= windowMs) samples.shift()
      const first = samples[0]
      const span = wallMs - first.wall
      if (span < MIN_SPAN_MS) return null
      return ((sim - first.sim) / span) * 1000
    },
  }
}
