import { describe, expect, it } from 'vitest'
import type { LogEntry } from '../../engine'
import { translate } from '../i18n'
import { entryText, learnedValues, logGrid } from './logGrid'
import type { NodeStructure } from './consensusStore'

const v = (id: string, value: string): LogEntry => ({ kind: 'value', id, value })

function node(
  id: string,
  accepted: NodeStructure['accepted'],
  chosen: NodeStructure['chosen'],
): NodeStructure {
  return {
    node: id,
    status: 'up',
    role: 'follower',
    ballot: null,
    leader: null,
    promised: '1.n1',
    accepted,
    chosen,
    applied: chosen.length,
    quorum: null,
    lease: null,
    electionArmed: true,
  }
}

describe('log grid', () => {
  it('shows votes and chosen entries per slot, the last few slots only', () => {
    const a = node(
      'n1',
      [
        { slot: 0, ballot: '1.n1', entry: v('a', 'x') },
        { slot: 1, ballot: '1.n1', entry: { kind: 'noop' } },
        { slot: 2, ballot: '1.n1', entry: v('b', 'y') },
      ],
      [
        { slot: 0, entry: v('a', 'x') },
        { slot: 1, entry: { kind: 'noop' } },
      ],
    )
    const b = node('n2', [{ slot: 0, ballot: '1.n1', entry: v('a', 'x') }], [])
    const g = logGrid([a, b], [], 2)
    expect(g.slots).toEqual([1, 2])
    expect(g.rows[0].map((c) => c.state)).toEqual(['chosen', 'voted'])
    expect(g.rows[1].map((c) => c.state)).toEqual(['empty', 'empty'])
    expect(g.rows[0][1]).toMatchObject({ ballot: '1.n1', entry: { value: 'y' } })
    expect(learnedValues(a)).toEqual(['x'])
  })

  it('marks a node that learned other than its vote, and against the checker’s ground truth', () => {
    // the no-durable-acceptor story: "x" was chosen in slot 0, the forgetful nodes then chose "y"
    const forgetful = node(
      'n1',
      [{ slot: 0, ballot: '3.n1', entry: v('b', 'y') }],
      [{ slot: 0, entry: v('b', 'y') }],
    )
    const outvoted = node(
      'n3',
      [{ slot: 0, ballot: '1.n3', entry: v('c', 'z') }],
      [{ slot: 0, entry: v('a', 'x') }],
    )
    const g = logGrid([forgetful, outvoted], [{ slot: 0, entry: v('a', 'x'), at: 1.02 }], 8)
    expect(g.rows[0][0]).toMatchObject({ state: 'chosen', differs: false, wrong: true })
    expect(g.rows[1][0]).toMatchObject({ state: 'chosen', differs: true, wrong: false })
    expect(g.truth).toEqual([{ entry: v('a', 'x'), at: 1.02, conflict: true }])
  })

  it('has a column for a slot the checker saw chosen before any node learned it', () => {
    const g = logGrid([node('n1', [], [])], [{ slot: 4, entry: v('a', 'x'), at: 2 }], 8)
    expect(g.slots).toEqual([4])
    expect(g.truth[0].conflict).toBe(false)
  })

  it('words no-ops and read barriers in the reader’s language', () => {
    const t = (k: Parameters<typeof translate>[1]) => translate('zh', k)
    expect(entryText({ kind: 'noop' }, t)).toBe('空操作')
    expect(entryText({ kind: 'read', id: 'n1.r1' }, t)).toBe('读屏障')
    expect(entryText(v('a', 'x'), t)).toBe('x')
  })
})
