/**
 * Reading the inspector's number boxes. Input is checked before anything is sent: a value out of
 * range, or not a number at all, gets a message and changes nothing.
 */

/** The drift slider's span (ppm): a quartz oscillator's range with room to spare. */
export const DRIFT_SLIDER_PPM = 1000
/** What the number box accepts (ppm): docs/scenario-format.md accepts at least ±100 000 for "broken clock" demos. */
export const DRIFT_LIMIT_PPM = 100_000
/** A falseticker's lie (ms): up to an hour off. */
export const LIE_LIMIT_MS = 3_600_000

export type Parsed = { ok: true; value: number } | { ok: false; why: 'notNumber' | 'range' }

/** A decimal number within ±limit; accepts a leading '+', '−' (U+2212) and a decimal comma. */
export function parseBounded(text: string, limit: number): Parsed {
  const s = text.trim().replace('\u2212', '-').replace(',', '.')
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { ok: false, why: 'notNumber' }
  const value = Number(s)
  if (!Number.isFinite(value)) return { ok: false, why: 'notNumber' }
  if (Math.abs(value) > limit) return { ok: false, why: 'range' }
  return { ok: true, value }
}

/** Clock-step buttons (s), as [label key suffix, amount]. */
export const CLOCK_STEPS: readonly number[] = [-1, -0.1, -0.01, 0.01, 0.1, 1]
