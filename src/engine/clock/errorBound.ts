/**
 * What a node's clock-sync algorithm itself knows of its clock's error, |local − true| ≤ bound
 * (for TrueTime's ε "auto", Spanner OSDI 2012 §3: ε is derived from the time masters' own
 * uncertainty plus the worst-case drift since the last synchronisation).
 *
 * Between synchronisations the error grows with the clock's rate error. The algorithms other
 * than NTP carry no rate estimate, so they assume Spanner's conservatively applied worst-case
 * local-clock drift of 200 µs/s. A clock that drifts faster than that (a `setSkew` beyond
 * 200 ppm) makes the bound a promise the clock breaks — which DriftLab's checkers then show.
 */
const ASSUMED_DRIFT = 200e-6

/** The node's clock as its protocol's `errorBound` may read it, without moving the clock. */
export interface ClockReading {
  /** the local clock reading now (quantised) */
  local: number
  /** seconds of an adjustment still being slewed in: the clock is off by that much still */
  slewRemaining: number
}

/**
 * A bound from a one-off synchronisation at local time `syncedAt` whose own error was at most
 * `atSync`: plus whatever is left to slew, plus the assumed drift since.
 */
export function boundSinceSync(clock: ClockReading, syncedAt: number, atSync: number): number {
  return (
    atSync + Math.abs(clock.slewRemaining) + ASSUMED_DRIFT * Math.max(0, clock.local - syncedAt)
  )
}
