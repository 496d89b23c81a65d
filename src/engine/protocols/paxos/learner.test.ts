import { describe, expect, it } from 'vitest'
import type { LogEntry } from './entry'
import { createLearner, learn, learnedFrom, tallyAccepted, tallyProgress } from './learner'

const b = (round: number, node: string) => ({ round, node })
const v = (id: string, value: string): LogEntry => ({ kind: 'value', id, value })

describe('learner', () => {
  it('an entry is chosen when a majority voted for it at one ballot; duplicates count once', () => {
    const l = createLearner()
    expect(tallyAccepted(l, 0, b(1, 'n1'), v('a', 'x'), 'n1', 2)).toBeNull()
    expect(tallyAccepted(l, 0, b(1, 'n1'), v('a', 'x'), 'n1', 2)).toBeNull()
    expect(tallyProgress(l, 0)).toBe(1)
    expect(tallyAccepted(l, 0, b(1, 'n1'), v('a', 'x'), 'n2', 2)).toEqual(v('a', 'x'))
  })

  it('votes at different ballots do not add up', () => {
    const l = createLearner()
    tallyAccepted(l, 0, b(1, 'n1'), v('a', 'x'), 'n1', 2)
    expect(tallyAccepted(l, 0, b(2, 'n2'), v('a', 'x'), 'n2', 2)).toBeNull()
  })

  it('a 2b disagreeing with its ballot is not counted', () => {
    const l = createLearner()
    tallyAccepted(l, 0, b(1, 'n1'), v('a', 'x'), 'n1', 2)
    expect(tallyAccepted(l, 0, b(1, 'n1'), v('b', 'y'), 'n2', 2)).toBeNull()
  })

  it('applies learned slots in order, holding back behind a gap', () => {
    const l = createLearner()
    expect(learn(l, 1, v('b', 'y'))).toEqual([])
    expect(l.prefix).toBe(0)
    expect(learn(l, 0, v('a', 'x'))).toEqual([0, 1])
    expect(l).toMatchObject({ prefix: 2, maxLearned: 1, lastValue: 'y', ids: { a: 0, b: 1 } })
    expect(learn(l, 2, { kind: 'noop' })).toEqual([2])
    expect(l.lastValue).toBe('y')
    expect(learn(l, 2, { kind: 'noop' })).toBeNull()
  })

  it('answers catch-up requests with what it learned in the range', () => {
    const l = createLearner()
    learn(l, 0, v('a', 'x'))
    learn(l, 2, v('c', 'z'))
    expect(learnedFrom(l, 0, 10).map((e) => e.slot)).toEqual([0, 2])
    expect(learnedFrom(l, 1, 1)).toEqual([])
    expect(learnedFrom(l, 1, 2).map((e) => e.slot)).toEqual([2])
  })
})
