/**
 * The node's clock without this client's corrections. DriftLab holds the clock at a gain g over
 * its oscillator (ntp/discipline.ts `rateForGain`): dC = dO/(1 − g), so between changes of g
 * the oscillator's reading advances (1 − g) per local second. Tracking it lets the sample
 * register hold offsets against a clock that never moves on purpose (sourceStats.ts).
 */
export interface RawClock {
  /** local reading and raw reading at the last change of gain */
  local: number
  raw: number
  gain: number
}

export function createRawClock(local: number): RawClock {
  return { local, raw: local, gain: 0 }
}

export function rawOf(c: RawClock, local: number): number {
  return c.raw + (1 - c.gain) * (local - c.local)
}

/** Re-anchor at `local` before the gain changes. */
export function setGain(c: RawClock, local: number, gain: number): void {
  c.raw = rawOf(c, local)
  c.local = local
  c.gain = gain
}

/** This client stepped the clock by `by`: the local reading moved, the raw one did not. */
export function steppedBy(c: RawClock, by: number): void {
  c.local += by
}
