import { describe, expect, it } from 'vitest'
import type { StoreEvent } from '../../protocols/store/events'
import type { ObserverApi } from '../../sim/observer'
import { checkStoreEvent, summarizeTransactions } from './observer'
import { serializationCycle } from './serializability'
import { createTxnCheckState } from './state'

/** Feed events at given true times to a fresh checker; what it reported. */
function judge(events: [number, string, StoreEvent][]) {
  const st = createTxnCheckState()
  const reported: string[] = []
  for (const [t, node, e] of events) {
    const api: ObserverApi = {
      t,
      violation: (invariant) => reported.push(invariant),
      offsetOf: () => 0,
      statusOf: () => 'up',
    }
    checkStoreEvent(api, st, node, e)
  }
  return { st, reported, summary: summarizeTransactions(st) }
}

const applied = (
  txn: string,
  shard: number,
  outcome: 'prepared' | 'refused' | 'committed' | 'aborted',
  ts: number | null,
  writes: string[] = [],
): StoreEvent => ({
  event: 'shardApplied',
  data: { txn, shard, outcome, ts, writes },
})

describe('transactions checker', () => {
  it('finds write skew: two transactions that each read what the other writes', () => {
    expect(
      serializationCycle([
        { id: 'a', ts: 2, reads: { x: null }, writes: ['y'] },
        { id: 'b', ts: 3, reads: { y: null }, writes: ['x'] },
      ]),
    ).toEqual(['a', 'b', 'a'])
    // the same two in timestamp order, b having read a's write: serial
    expect(
      serializationCycle([
        { id: 'a', ts: 2, reads: { x: null }, writes: ['y'] },
        { id: 'b', ts: 3, reads: { y: 2 }, writes: ['x'] },
      ]),
    ).toBeNull()
  })

  it("reports write skew from the live events: each read missed the other one's write", () => {
    const begin = (txn: string): StoreEvent => ({
      event: 'txnBegin',
      data: { txn, reads: [], writes: [], shards: [0], vector: null },
    })
    const committed = (txn: string, ts: number, key: string): StoreEvent => ({
      event: 'txnCommitted',
      data: { txn, ts, reads: { [key]: null }, readTs: { [key]: null }, vector: null },
    })
    const { reported } = judge([
      [1, 'c1', begin('a')],
      [1, 'c2', begin('b')],
      [1.1, 'n1', applied('a', 0, 'prepared', 2, ['y'])],
      [1.1, 'n1', applied('b', 0, 'prepared', 3, ['x'])],
      [1.2, 'c1', committed('a', 2, 'x')],
      [1.2, 'n1', applied('a', 0, 'committed', 2)],
      [1.3, 'c2', committed('b', 3, 'y')],
      [1.3, 'n1', applied('b', 0, 'committed', 3)],
    ])
    expect(reported).toEqual(['serializability'])
  })

  it('reports atomicity when one shard commits what another aborts', () => {
    const { reported } = judge([
      [1, 'n1', applied('t1', 0, 'prepared', 1, ['x'])],
      [1, 'n4', applied('t1', 1, 'refused', null)],
      [2, 'n1', applied('t1', 0, 'committed', 1)],
      [2, 'n4', applied('t1', 1, 'aborted', null)],
    ])
    expect(reported).toEqual(['atomicity'])
  })

  it('reports a snapshot read that missed a write committed at a smaller timestamp', () => {
    const { reported } = judge([
      [1, 'c1', { event: 'snapStart', data: { id: 'r1', ts: 5, keys: ['x'] } }],
      [
        1.1,
        'c1',
        {
          event: 'snapResult',
          data: { id: 'r1', ts: 5, values: { x: null }, versions: { x: null } },
        },
      ],
      [1.2, 'n1', applied('t1', 0, 'prepared', 4, ['x'])],
      [1.3, 'n1', applied('t1', 0, 'committed', 4)],
    ])
    expect(reported).toEqual(['snapshot-staleness'])
  })

  it('counts a transaction prepared but undecided as blocked; replicas repeating an outcome count once', () => {
    const { summary } = judge([
      [
        1,
        'c1',
        {
          event: 'txnBegin',
          data: { txn: 't1', reads: [], writes: ['x'], shards: [0], vector: null },
        },
      ],
      [1.1, 'n1', applied('t1', 0, 'prepared', 1, ['x'])],
      [1.2, 'n2', applied('t1', 0, 'prepared', 1, ['x'])],
    ])
    expect(summary.blocked).toBe(1)
    expect(summary.results).toEqual([{ id: 't1', outcome: 'blocked', ts: null, reads: {} }])
  })
})
