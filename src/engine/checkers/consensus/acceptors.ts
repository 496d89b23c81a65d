import { ballotAbove, ballotBelow, formatBallot, type Ballot } from '../../protocols/paxos/ballot'
import type { ObserverApi } from '../../sim/observer'
import { report, type ConsensusCheckState } from './state'

/**
 * Acceptor state invariants (docs/algorithms.md §5; TLA+ `Paxos.tla` TypeOK/Inv): maxVBal ≤ maxBal
 * in every reported state, and maxBal never decreases — checked against this checker's own
 * memory of the acceptor, so an acceptor that forgets its promise in a crash is caught.
 */
export function onAcceptorState(
  api: ObserverApi,
  st: ConsensusCheckState,
  node: string,
  e: { maxBal: Ballot; maxVBal: Ballot },
): void {
  if (ballotAbove(e.maxVBal, e.maxBal))
    report(
      api,
      st,
      'maxvbal-le-maxbal',
      `${node}|${formatBallot(e.maxVBal)}|${formatBallot(e.maxBal)}`,
      `${node}: maxVBal ${formatBallot(e.maxVBal)} > maxBal ${formatBallot(e.maxBal)}`,
      [node],
    )
  const before = st.maxBal.get(node)
  if (before && ballotBelow(e.maxBal, before)) {
    report(
      api,
      st,
      'maxbal-monotonic',
      `${node}|${formatBallot(before)}`,
      `${node}: maxBal went from ${formatBallot(before)} down to ${formatBallot(e.maxBal)}`,
      [node],
    )
    return
  }
  st.maxBal.set(node, e.maxBal)
}
