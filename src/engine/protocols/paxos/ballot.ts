/**
 * Ballots (algorithms.md §5; Paxos Made Simple §2.2): unique and totally ordered as
 * (round, node id), so two proposers never issue the same ballot.
 */
export interface Ballot {
  readonly round: number
  readonly node: string
}

/** Below every real ballot: an acceptor that has promised nothing (TLA+ `Paxos.tla`: −1). */
export const NO_BALLOT: Ballot = { round: 0, node: '' }

export function compareBallots(a: Ballot, b: Ballot): number {
  if (a.round !== b.round) return a.round - b.round
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0
}

export const ballotAbove = (a: Ballot, b: Ballot): boolean => compareBallots(a, b) > 0
export const ballotBelow = (a: Ballot, b: Ballot): boolean => compareBallots(a, b) < 0
export const sameBallot = (a: Ballot, b: Ballot): boolean =>
  a.round === b.round && a.node === b.node
export const maxBallot = (a: Ballot, b: Ballot): Ballot => (ballotBelow(a, b) ? b : a)

/** "3.n1"; "⊥" for NO_BALLOT. Also the key of a ballot in records. */
export function formatBallot(b: Ballot): string {
  return b.round === 0 ? '⊥' : `${b.round}.${b.node}`
}
