import { describe, expect, it } from 'vitest'
import type { TxnRow } from '../../worker/transactionsWire'
import { GAP, outcomeOf, windowsOf } from './windows'

const txn = (
  id: string,
  begin: number,
  end: number | null,
  over: Partial<TxnRow> = {},
): TxnRow => ({
  id,
  node: 'c1',
  reads: [],
  writes: ['x'],
  begin,
  prepare: begin,
  commitWait: null,
  ts: begin,
  epsilon: null,
  end: end === null ? null : { at: end, outcome: 'committed', reason: null },
  shards: [],
  blocked: false,
  anomaly: null,
  ...over,
})

describe('transaction windows', () => {
  it('puts overlapping or nearby transactions on one axis and distant ones on their own', () => {
    const w = windowsOf(
      [txn('t1', 1, 1.02), txn('t2', 1.03, 1.05), txn('t3', 2, 2.02)],
      [
        {
          id: 'r1',
          node: 'c1',
          begin: 1.5,
          ts: 1.5,
          keys: ['x'],
          end: 1.51,
          values: {},
          anomaly: null,
        },
      ],
      3,
    )
    expect(w.map((x) => x.rows.map((r) => r.row.id))).toEqual([['t1', 't2'], ['r1'], ['t3']])
    expect(w[0]).toMatchObject({ from: 1, to: 1.05 })
  })

  it('widens a window by the timestamp ± ε, and an undecided transaction reaches now', () => {
    const w = windowsOf(
      [txn('t1', 1, 1.02, { ts: 1.06, epsilon: 0.06 }), txn('t2', 1.1 + GAP, null)],
      [],
      4,
    )
    // t1's ε interval ends at 1.12, so t2 beginning within GAP of it joins the window
    expect(w).toHaveLength(1)
    expect(w[0].to).toBe(4)
  })

  it('names the outcome the view shows', () => {
    expect(outcomeOf(txn('a', 1, 2))).toBe('committed')
    expect(outcomeOf(txn('b', 1, null))).toBe('pending')
    expect(outcomeOf(txn('c', 1, null, { blocked: true }))).toBe('blocked')
  })
})
