import type { NodeTiming } from './consensusStore'

/**
 * Leader leases drawn against two clocks (docs/algorithms.md §5). A lease ends when the holder's
 * *own* clock reaches `until`; how long that takes in true time depends on the clock's rate.
 * Each row gives both lengths from now: `localLeft` (what the node believes is left) and
 * `trueLeft` (when its clock will actually get there). The lease is safe only while a majority
 * of acceptors still keep their promise to the holder — their grants, each ending by its own
 * clock. `safeLeft` is when the quorum-th of those grants ends in true time; lease time beyond
 * it is time in which another leader can be elected while this one still answers reads alone.
 */
export interface LeaseRow {
  node: string
  /** 'lease': the leader's own lease; 'grant': an acceptor's promise to `holder` */
  kind: 'lease' | 'grant'
  holder: string
  localLeft: number
  trueLeft: number
}

export interface LeaseChart {
  rows: LeaseRow[]
  /** per lease holder: true seconds from now until its majority of grants has run out */
  safeLeft: Record<string, number>
}

export function leaseChart(
  members: readonly string[],
  timing: Readonly<Record<string, NodeTiming>>,
  localNow: (node: string) => number,
  now: number,
  quorum: number,
): LeaseChart {
  const rows: LeaseRow[] = []
  const grants: Record<string, number[]> = {}
  for (const node of members) {
    const l = timing[node]?.lease
    if (!l) continue
    const local = localNow(node)
    if (l.holds && l.until !== null && l.untilAt !== null && l.until > local)
      rows.push({
        node,
        kind: 'lease',
        holder: node,
        localLeft: l.until - local,
        trueLeft: Math.max(0, l.untilAt - now),
      })
    if (
      l.grantedTo !== null &&
      l.grantUntil !== null &&
      l.grantUntilAt !== null &&
      l.grantUntil > local
    ) {
      rows.push({
        node,
        kind: 'grant',
        holder: l.grantedTo,
        localLeft: l.grantUntil - local,
        trueLeft: Math.max(0, l.grantUntilAt - now),
      })
      ;(grants[l.grantedTo] ??= []).push(Math.max(0, l.grantUntilAt - now))
    }
  }
  const safeLeft: Record<string, number> = {}
  for (const r of rows) {
    if (r.kind !== 'lease') continue
    const ends = (grants[r.node] ?? []).sort((a, b) => b - a)
    safeLeft[r.node] = ends.length >= quorum ? ends[quorum - 1] : 0
  }
  return { rows, safeLeft }
}

/**
 * The chart's time axis, fixed per run so it does not rescale under the reader: two and a half
 * follower leases, room for a lease on a clock running at half speed.
 */
export const horizonOf = (followerLease: number): number => 2.5 * followerLease
