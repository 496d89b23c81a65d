import type { Translate } from '../i18n'

/**
 * Number formatting for clocks and speeds. Offsets span nanoseconds to seconds within one run,
 * so they pick their unit; readings keep a fixed microsecond grid so digits do not jump.
 */

const MINUS = '\u2212'

/** A simulated or local time in seconds on a fixed µs grid: `12.345678`. */
export function formatClock(seconds: number): string {
  return seconds.toFixed(6)
}

/** A signed offset with an adaptive unit: `+1.234 ms`, `−56.7 µs`, `0`. */
export function formatOffset(seconds: number, t: Translate): string {
  if (seconds === 0) return '0'
  const sign = seconds > 0 ? '+' : MINUS
  const a = Math.abs(seconds)
  if (a >= 1) return `${sign}${a.toFixed(3)} ${t('unit.s')}`
  if (a >= 1e-3) return `${sign}${(a * 1e3).toFixed(3)} ${t('unit.ms')}`
  if (a >= 1e-6) return `${sign}${(a * 1e6).toFixed(1)} ${t('unit.us')}`
  return `${sign}${(a * 1e9).toFixed(0)} ${t('unit.ns')}`
}

/** A speed factor: two significant digits below 10, whole numbers above (`0.02`, `3.5`, `250`). */
export function formatSpeed(speed: number): string {
  if (speed >= 10) return String(Math.round(speed))
  return String(Number(speed.toPrecision(2)))
}
