import type { SnapRow, TxnRow } from '../../worker/transactionsWire'

/**
 * Transactions last milliseconds and a run lasts seconds: on one axis a commit would be a
 * pixel wide. So rows are grouped into windows — runs of rows whose spans (begin to end, or to
 * now while undecided, widened by the timestamp and its ε) overlap or lie closer than GAP — and
 * each window gets its own true-time axis. Transactions that could be confused for each other
 * overlap in time, so they share a window and their order is read on one axis.
 */
export const GAP = 0.05

type Row = { kind: 'txn'; row: TxnRow } | { kind: 'snap'; row: SnapRow }

export interface TimeWindow {
  from: number
  to: number
  rows: Row[]
}

/** The instants a row's drawing spans, on true time (its timestamp and ε included). */
function spanOf(r: Row, now: number): [number, number] {
  if (r.kind === 'snap') {
    const end = r.row.end ?? now
    return [Math.min(r.row.begin, r.row.ts), Math.max(end, r.row.ts)]
  }
  const t = r.row
  let from = t.begin
  let to = t.end?.at ?? now
  if (t.ts !== null) {
    const e = t.epsilon ?? 0
    from = Math.min(from, t.ts - e)
    to = Math.max(to, t.ts + e)
  }
  return [from, to]
}

export function windowsOf(txns: TxnRow[], snaps: SnapRow[], now: number): TimeWindow[] {
  const rows: { r: Row; span: [number, number] }[] = [
    ...txns.map((row) => ({ kind: 'txn' as const, row })),
    ...snaps.map((row) => ({ kind: 'snap' as const, row })),
  ].map((r) => ({ r, span: spanOf(r, now) }))
  rows.sort((a, b) => a.r.row.begin - b.r.row.begin || a.span[0] - b.span[0])
  const out: TimeWindow[] = []
  let cur: TimeWindow | null = null
  for (const { r, span } of rows) {
    if (cur && span[0] <= cur.to + GAP) {
      cur.rows.push(r)
      cur.to = Math.max(cur.to, span[1])
      cur.from = Math.min(cur.from, span[0])
    } else {
      cur = { from: span[0], to: span[1], rows: [r] }
      out.push(cur)
    }
  }
  return out
}

export type Outcome = 'committed' | 'aborted' | 'blocked' | 'pending'

export const outcomeOf = (t: TxnRow): Outcome =>
  t.end ? t.end.outcome : t.blocked ? 'blocked' : 'pending'
