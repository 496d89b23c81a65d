import { formatBallot } from '../../protocols/paxos/ballot'
import type { PaxosEvents } from '../../protocols/paxos/events'
import type { ObserverApi } from '../../sim/observer'
import { report, type ConsensusCheckState } from './state'

/**
 * Lease exclusivity: never two nodes believing at the same true time that they hold a valid
 * lease. A node's belief is "my clock reads < until"; the checker reads every clock at the
 * true instant a belief starts or grows (the only moments an overlap can begin).
 */
export function onLease(
  api: ObserverApi,
  st: ConsensusCheckState,
  node: string,
  e: PaxosEvents['lease'],
): void {
  st.leases.set(node, e.holds ? { until: e.until, ballot: e.ballot } : null)
  if (!e.holds || !believes(api, node, e.until)) return
  for (const [other, l] of st.leases) {
    if (other === node || !l || api.statusOf(other) === 'crashed' || !believes(api, other, l.until))
      continue
    const [a, b] = [node, other].sort()
    report(
      api,
      st,
      'lease-exclusivity',
      `${a}|${b}|${formatBallot(e.ballot)}|${formatBallot(l.ballot)}`,
      `${node} (ballot ${formatBallot(e.ballot)}) and ${other} (ballot ${formatBallot(l.ballot)}) both hold a lease at t = ${api.t.toFixed(6)} s` +
        ` (${other}'s runs to ${l.until.toFixed(6)} on its clock, which reads ${(api.t + api.offsetOf(other)).toFixed(6)})`,
      [node, other],
    )
  }
}

/** Does `node` consider a lease valid until local time `until`, right now? */
function believes(api: ObserverApi, node: string, until: number): boolean {
  return api.t + api.offsetOf(node) < until
}
