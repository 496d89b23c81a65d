import type { MessageKey } from '../../i18n'

/**
 * Units for clock quantities. Offsets span nanoseconds to seconds within one run (a 100 ms
 * start settling to tens of µs), so axes and readouts pick the unit from the magnitude shown.
 */
export interface TimeUnit {
  key: Extract<MessageKey, 'unit.s' | 'unit.ms' | 'unit.us' | 'unit.ns'>
  /** multiply seconds by this to get the unit */
  factor: number
}

const UNITS: readonly TimeUnit[] = [
  { key: 'unit.s', factor: 1 },
  { key: 'unit.ms', factor: 1e3 },
  { key: 'unit.us', factor: 1e6 },
  { key: 'unit.ns', factor: 1e9 },
]

/** The largest unit in which `maxAbs` seconds is at least 1 (ns below a µs; s for 0 and non-finite). */
export function timeUnitFor(maxAbs: number): TimeUnit {
  const a = Math.abs(maxAbs)
  if (!(a > 0) || !Number.isFinite(a)) return UNITS[0]
  return UNITS.find((u) => a * u.factor >= 1) ?? UNITS[3]
}

const MINUS = '\u2212'

/** A signed number with a real minus sign and `digits` decimals: `+1.50`, `−0.25`, `0.00`. */
export function signed(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits)
  if (Number(s) === 0) return s
  return (x < 0 ? MINUS : '+') + s
}

/** Parts per million with three significant figures at most: `+12.3`, `−0.046`, `+480`. */
export function formatPpm(ppm: number): string {
  const a = Math.abs(ppm)
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
  return signed(ppm, digits)
}

/** A duration or offset in the unit that suits it, three significant figures: `12.3 ms`. */
export function formatDuration(
  seconds: number,
  unitLabel: (u: TimeUnit) => string,
  sign = false,
): string {
  return formatIn(seconds, timeUnitFor(seconds), unitLabel, sign)
}

/**
 * In a given unit (so terms of one formula share it), with three decimals below 10, two below
 * 100, one above: `0.806 ms`; a value that rounds to zero is written without a sign.
 */
export function formatIn(
  seconds: number,
  u: TimeUnit,
  unitLabel: (u: TimeUnit) => string,
  sign = false,
): string {
  if (!Number.isFinite(seconds)) return '—'
  return `${numberIn(seconds, u, sign)} ${unitLabel(u)}`
}

/** Just the number of `formatIn`, for table columns whose header names the unit. */
export function numberIn(seconds: number, u: TimeUnit, sign = false): string {
  if (!Number.isFinite(seconds)) return '—'
  const v = seconds * u.factor
  const a = Math.abs(v)
  const digits = a >= 100 ? 1 : a >= 10 ? 2 : 3
  if (sign) return signed(v, digits)
  return (v < 0 && Number(a.toFixed(digits)) !== 0 ? MINUS : '') + a.toFixed(digits)
}

/** One unit for a column of durations: the one its largest finite entry needs. */
export function columnUnit(values: readonly number[]): TimeUnit {
  let max = 0
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v))
  return timeUnitFor(max)
}
