import { entryValue } from '../../protocols/paxos/entry'
import { groupOfEvent } from '../../protocols/paxos/group'
import { asPaxosEvent, type PaxosEvent } from '../../protocols/paxos/events'
import type { ObserverApi, ObserverDef } from '../../sim/observer'
import { onAcceptorState } from './acceptors'
import { onLease } from './lease'
import { onRead, onReadStart, trackApplied } from './reads'
import { onAccepted, onLearned, onProposed } from './safety'
import { createCheckState, type ConsensusCheckState } from './state'

/** Judge one event a node reported against everything seen so far. */
function checkPaxosEvent(
  api: ObserverApi,
  st: ConsensusCheckState,
  node: string,
  e: PaxosEvent,
): void {
  switch (e.event) {
    case 'proposed':
      return onProposed(st, e.data)
    case 'preparing':
      st.ballots++
      return
    case 'promised':
      return onAcceptorState(api, st, node, e.data)
    case 'accepted':
      onAcceptorState(api, st, node, e.data)
      return onAccepted(api, st, node, e.data)
    case 'learned':
      onLearned(api, st, node, e.data)
      return trackApplied(api, st, node, e.data.slot)
    case 'elected':
      st.leaderChanges++
      return
    case 'lease':
      return onLease(api, st, node, e.data)
    case 'readStart':
      return onReadStart(api, st, node, e.data)
    case 'read':
      return onRead(api, st, node, e.data)
  }
}

/**
 * The live consensus checker: one observer fed by the events nodes emit (see
 * protocols/paxos/events.ts), judging with true time. Its summary is docs/cli.md's
 * `consensus` object (plus `ballots`, the number of phase-1 attempts).
 */
export const consensusChecker: ObserverDef<ConsensusCheckState> = {
  name: 'consensus',
  configure(scenario) {
    const c = scenario.consensus
    return c ? createCheckState(c.members) : null
  },
  onEmit(api, st, node, event, data) {
    // A shard's group (protocols/paxos/group.ts) is not the configured consensus group.
    if (groupOfEvent(data) !== null) return
    const e = asPaxosEvent(event, data)
    if (e) checkPaxosEvent(api, st, node, e)
  },
  summarize(st) {
    const chosen = Object.keys(st.chosen)
      .map(Number)
      .sort((a, b) => a - b)
      .map((slot) => ({ slot, value: entryValue(st.chosen[slot].entry), at: st.chosen[slot].at }))
    return {
      consensus: {
        chosen,
        leaderChanges: st.leaderChanges,
        staleReads: st.staleReads,
        violations: st.violations.map(({ invariant, at, detail }) => ({ invariant, at, detail })),
        ballots: st.ballots,
      },
    }
  },
}
