/**
 * Readouts that change every frame are unreadable at 60 Hz and cost a relayout each time: while
 * the run plays, repaint them at most every `ms` (a paused frame is always painted).
 */
export function throttled<F extends { running: boolean }>(ms: number, paint: (frame: F) => void) {
  let last = -Infinity
  return (frame: F) => {
    const now = performance.now()
    if (frame.running && now - last < ms) return
    last = now
    paint(frame)
  }
}

/** Repaint rate of the clock table and the precision/accuracy figures while running. */
export const READOUT_INTERVAL_MS = 200
