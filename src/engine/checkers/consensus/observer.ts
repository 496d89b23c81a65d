import { entryValue } from '../../protocols/paxos/entry'
import type { PaxosEvents } from '../../protocols/paxos/events'
import type { ObserverDef } from '../../sim/observer'
import { onAcceptorState } from './acceptors'
import { onLease } from './lease'
import { onRead, onReadStart, trackApplied } from './reads'
import { onAccepted, onLearned, onProposed } from './safety'
import { createCheckState, type ConsensusCheckState } from './state'

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
    switch (event) {
      case 'proposed':
        return onProposed(st, data as PaxosEvents['proposed'])
      case 'preparing':
        st.ballots++
        return
      case 'promised':
        return onAcceptorState(api, st, node, data as PaxosEvents['promised'])
      case 'accepted': {
        const e = data as PaxosEvents['accepted']
        onAcceptorState(api, st, node, e)
        return onAccepted(api, st, node, e)
      }
      case 'learned': {
        const e = data as PaxosEvents['learned']
        onLearned(api, st, node, e)
        return trackApplied(api, st, node, e.slot)
      }
      case 'elected':
        st.leaderChanges++
        return
      case 'lease':
        return onLease(api, st, node, data as PaxosEvents['lease'])
      case 'readStart':
        return onReadStart(api, st, node, data as PaxosEvents['readStart'])
      case 'read':
        return onRead(api, st, node, data as PaxosEvents['read'])
    }
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
