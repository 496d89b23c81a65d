import { formatBallot } from '../../protocols/paxos/ballot'
import { formatEntry, sameEntry, type LogEntry } from '../../protocols/paxos/entry'
import type { PaxosEvents } from '../../protocols/paxos/events'
import type { ObserverApi } from '../../sim/observer'
import { report, type ConsensusCheckState } from './state'

/**
 * Agreement, validity, integrity and one value per ballot (docs/algorithms.md §5), judged from
 * the acceptors' own reports of their votes: an entry is *chosen* in a slot the moment a
 * majority has voted for it at one ballot — whether or not any learner ever hears of it.
 */

export function onProposed(st: ConsensusCheckState, e: PaxosEvents['proposed']): void {
  st.proposed[e.id] = e.value
}

export function onAccepted(
  api: ObserverApi,
  st: ConsensusCheckState,
  node: string,
  e: PaxosEvents['accepted'],
): void {
  const key = `${e.slot}|${formatBallot(e.ballot)}`
  const v = st.votes[key]
  if (!v) {
    st.votes[key] = { entry: e.entry, acceptors: [node] }
  } else if (!sameEntry(v.entry, e.entry)) {
    report(
      api,
      st,
      'one-value-per-ballot',
      key,
      `slot ${e.slot}, ballot ${formatBallot(e.ballot)}: ${formatEntry(v.entry)} vs ${formatEntry(e.entry)}`,
      [...v.acceptors, node],
    )
    return
  } else if (!v.acceptors.includes(node)) v.acceptors.push(node)
  const vote = st.votes[key]
  if (vote.acceptors.length === st.quorum) onChosen(api, st, e.slot, vote.entry, e, vote.acceptors)
}

function onChosen(
  api: ObserverApi,
  st: ConsensusCheckState,
  slot: number,
  entry: LogEntry,
  e: PaxosEvents['accepted'],
  acceptors: string[],
): void {
  const first = st.chosen[slot]
  if (!first) {
    st.chosen[slot] = { entry, at: api.t, ballot: e.ballot, acceptors: [...acceptors] }
    if (entry.kind === 'value' && st.proposed[entry.id] !== entry.value)
      report(
        api,
        st,
        'validity',
        `${slot}`,
        `slot ${slot}: ${formatEntry(entry)} was never proposed`,
        acceptors,
      )
    return
  }
  if (sameEntry(first.entry, entry)) return
  report(
    api,
    st,
    'agreement',
    `${slot}`,
    `slot ${slot}: ${formatEntry(first.entry)} (ballot ${formatBallot(first.ballot)}, by ${first.acceptors.join(', ')}) vs ` +
      `${formatEntry(entry)} (ballot ${formatBallot(e.ballot)}, by ${acceptors.join(', ')})`,
    [...new Set([...first.acceptors, ...acceptors])],
  )
}

/** Integrity: a node learns only what is chosen in that slot. */
export function onLearned(
  api: ObserverApi,
  st: ConsensusCheckState,
  node: string,
  e: PaxosEvents['learned'],
): void {
  const c = st.chosen[e.slot]
  if (c && sameEntry(c.entry, e.entry)) return
  const why = c ? `but ${formatEntry(c.entry)} was chosen` : 'but nothing was chosen there'
  report(
    api,
    st,
    'integrity',
    `${node}|${e.slot}`,
    `${node} learned slot ${e.slot} = ${formatEntry(e.entry)}, ${why}`,
    [node],
  )
}
