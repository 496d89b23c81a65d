import { formatEntry } from '../../protocols/paxos/entry'
import type { PaxosEvents } from '../../protocols/paxos/events'
import type { ObserverApi } from '../../sim/observer'
import { report, type ConsensusCheckState } from './state'

/**
 * Stale reads. A write is complete once some node has applied it (learned it and every slot
 * before it): from then on a client may have seen it. A linearizable read must reflect every
 * write complete before it began; one that reflects a shorter prefix than some node had
 * applied at its start is stale — the classic failure of a lease held on a fast-running
 * belief (docs/algorithms.md §5).
 */
export function trackApplied(
  api: ObserverApi,
  st: ConsensusCheckState,
  node: string,
  slot: number,
): void {
  let l = st.learned.get(node)
  if (!l) st.learned.set(node, (l = { prefix: 0, ahead: {} }))
  if (slot < l.prefix) return
  l.ahead[slot] = true
  while (l.ahead[l.prefix]) delete l.ahead[l.prefix++]
  if (l.prefix > st.applied.prefix) st.applied = { prefix: l.prefix, node, at: api.t }
}

export function onReadStart(
  api: ObserverApi,
  st: ConsensusCheckState,
  node: string,
  e: PaxosEvents['readStart'],
): void {
  st.reads[e.id] = { node, at: api.t, applied: { ...st.applied } }
}

export function onRead(
  api: ObserverApi,
  st: ConsensusCheckState,
  node: string,
  e: PaxosEvents['read'],
): void {
  const r = st.reads[e.id]
  if (!r) return
  delete st.reads[e.id]
  if (e.applied >= r.applied.prefix) return
  st.staleReads++
  const missed = st.chosen[e.applied]
  const how = e.lease ? 'from its lease' : 'through the log'
  report(
    api,
    st,
    'stale-read',
    e.id,
    `read ${e.id} answered by ${node} ${how} reflects ${e.applied} slot(s), but slot ${e.applied}` +
      `${missed ? ` (${formatEntry(missed.entry)})` : ''} was applied at ${r.applied.node} by t = ${r.applied.at.toFixed(6)} s,` +
      ` before the read began at t = ${r.at.toFixed(6)} s`,
    r.applied.node === node ? [node] : [node, r.applied.node],
  )
}
