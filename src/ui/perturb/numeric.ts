import type { Translate } from '../i18n'

/**
 * Numbers typed by a teacher: parsed strictly (no hex, no `Infinity`, nothing after the number),
 * then checked against the control's range. An out-of-range or garbled value is reported and
 * changes nothing — a half-typed `-` must not turn into a fault.
 */
export type Parsed = { ok: true; value: number } | { ok: false; error: 'notNumber' | 'range' }

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

export function parseBounded(text: string, min: number, max: number): Parsed {
  // the typographic minus that our own readouts print is accepted back
  const s = text.trim().replace(/\u2212/g, '-')
  if (!NUMBER.test(s)) return { ok: false, error: 'notNumber' }
  const value = Number(s)
  if (!Number.isFinite(value)) return { ok: false, error: 'notNumber' }
  if (value < min || value > max) return { ok: false, error: 'range' }
  return { ok: true, value }
}

/** What to tell the teacher about a refused value, in the current language. */
export function refusal(
  error: 'notNumber' | 'range',
  t: Translate,
  range: { min: number; max: number; unit: string },
): string {
  return error === 'range' ? t('input.range', range) : t('input.notNumber')
}

/**
 * A slider position (0…STEPS) on a logarithmic scale from `min` to `max`, with position 0
 * meaning exactly 0: delays span microseconds to seconds, and "none" must be reachable.
 */
export const SLIDER_STEPS = 1000

export function logScale(min: number, max: number) {
  const lo = Math.log10(min)
  const span = Math.log10(max) - lo
  return {
    toValue(pos: number): number {
      if (pos <= 0) return 0
      return 10 ** (lo + (Math.min(pos, SLIDER_STEPS) / SLIDER_STEPS) * span)
    },
    toPos(value: number): number {
      if (!(value > 0)) return 0
      const p = ((Math.log10(value) - lo) / span) * SLIDER_STEPS
      return Math.min(SLIDER_STEPS, Math.max(1, Math.round(p)))
    },
  }
}

/** Three significant digits, no trailing zeros: what a readout or an edit field shows. */
export const roundForDisplay = (v: number): number => Number(v.toPrecision(3))
