/**
 * What a slot of the replicated log holds. Client values carry the request id they were
 * proposed under, so a retried request is recognised; a no-op fills a slot a failed leader
 * left empty; a read barrier orders a read without a lease through the log.
 */
export type LogEntry =
  | { readonly kind: 'value'; readonly id: string; readonly value: string }
  | { readonly kind: 'noop' }
  | { readonly kind: 'read'; readonly id: string }

export const NOOP: LogEntry = { kind: 'noop' }

export function sameEntry(a: LogEntry, b: LogEntry): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'noop') return true
  if (a.kind === 'read') return a.id === (b as typeof a).id
  const v = b as typeof a
  return a.id === v.id && a.value === v.value
}

/** The request id of a client value or read barrier, null for a no-op. */
export function entryId(e: LogEntry): string | null {
  return e.kind === 'noop' ? null : e.id
}

/** The client value a slot carries; null for no-ops and read barriers (contract.md §2 `chosen`). */
export function entryValue(e: LogEntry): string | null {
  return e.kind === 'value' ? e.value : null
}

/** For violation details and logs: "x", "no-op", "read n1.r2". */
export function formatEntry(e: LogEntry): string {
  if (e.kind === 'value') return JSON.stringify(e.value)
  return e.kind === 'noop' ? 'no-op' : `read ${e.id}`
}
