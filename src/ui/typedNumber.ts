import type { Translate } from './i18n'

/**
 * Numbers a teacher types into a control, read one way everywhere (the perturbation panel, the
 * node menu, the tool palette, the clock inspector). Parsed strictly — no hex, no `Infinity`,
 * nothing after the number — then checked against the control's range. An out-of-range or
 * garbled value is reported and changes nothing: a half-typed `-` must not turn into a fault.
 */
export type Parsed = { ok: true; value: number } | { ok: false; error: 'notNumber' | 'range' }

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i
/** "1,000" may be a thousand or one: refused rather than guessed (the app prints 100,000 itself). */
const GROUPED = /^[+-]?[1-9]\d{0,2},\d{3}$/

export function parseBounded(text: string, min: number, max: number): Parsed {
  // the typographic minus our own readouts print is accepted back, and a decimal comma
  const trimmed = text.trim().replace(/\u2212/g, '-')
  if (GROUPED.test(trimmed)) return { ok: false, error: 'notNumber' }
  const s = trimmed.replace(',', '.')
  if (!NUMBER.test(s)) return { ok: false, error: 'notNumber' }
  const value = Number(s)
  if (!Number.isFinite(value)) return { ok: false, error: 'notNumber' }
  if (value < min || value > max) return { ok: false, error: 'range' }
  return { ok: true, value }
}

/** What to tell the teacher about a refused value of a control without its own messages. */
export function refusal(
  error: 'notNumber' | 'range',
  t: Translate,
  range: { min: number; max: number; unit: string },
): string {
  return error === 'range' ? t('input.range', range) : t('input.notNumber')
}
