import { describe, expect, it } from 'vitest'
import {
  ballotAbove,
  compareBallots,
  formatBallot,
  maxBallot,
  NO_BALLOT,
  sameBallot,
} from './ballot'

describe('ballots', () => {
  it('are ordered by round, then node id, and NO_BALLOT is below all', () => {
    const sorted = [
      { round: 2, node: 'n1' },
      { round: 1, node: 'n3' },
      NO_BALLOT,
      { round: 1, node: 'n1' },
    ].sort(compareBallots)
    expect(sorted.map(formatBallot)).toEqual(['⊥', '1.n1', '1.n3', '2.n1'])
    expect(ballotAbove({ round: 1, node: 'n2' }, { round: 1, node: 'n10' })).toBe(true)
    expect(
      sameBallot(maxBallot({ round: 3, node: 'a' }, { round: 2, node: 'z' }), {
        round: 3,
        node: 'a',
      }),
    ).toBe(true)
  })
})
