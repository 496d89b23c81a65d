import type { NodeStatus } from '../../engine'

/**
 * What the client form accepts. Values are shown in narrow log cells and travel in every 2a
 * message, so they are short, printable strings; surrounding spaces are dropped.
 */
export const MAX_VALUE_LENGTH = 24

export type ValueCheck =
  | { ok: true; value: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'tooLong'; length: number }
  | { ok: false; reason: 'control' }

// C0/C1 control characters, line and paragraph separators
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

export function checkValue(raw: string): ValueCheck {
  const value = raw.trim()
  if (value === '') return { ok: false, reason: 'empty' }
  if (CONTROL.test(value)) return { ok: false, reason: 'control' }
  // count characters, not UTF-16 units: 中文 is two characters
  const length = [...value].length
  if (length > MAX_VALUE_LENGTH) return { ok: false, reason: 'tooLong', length }
  return { ok: true, value }
}

/** A crashed node drops client requests on the floor (the engine ignores them): say so first. */
export function targetRefusal(status: NodeStatus | undefined): 'crashed' | null {
  return status === 'crashed' ? 'crashed' : null
}
