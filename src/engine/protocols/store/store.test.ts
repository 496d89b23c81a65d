import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../index'
import { runStore, storeScenario } from './testing'

const EPS = 0.01

/** Transactions alternating between the two clients, every `gap` seconds, on alternating keys. */
function alternating(n: number, gap: number, start = 1) {
  return Array.from({ length: n }, (_, i) => ({
    at: start + i * gap,
    node: i % 2 ? 'c2' : 'c1',
    op: 'txn' as const,
    id: `t${i}`,
    reads: i > 0 ? [i % 2 ? 'x' : 'y'] : [],
    writes: { [i % 2 ? 'y' : 'x']: String(i) },
  }))
}

describe('the transactional store', () => {
  it('truetime + commit-wait with ε above the real clock error: every invariant holds, commit-wait costs about 2ε', () => {
    const { tx } = runStore(
      storeScenario({
        nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'c1', 'c2'].map((id, i) => ({
          id,
          clock: { offset: ((i % 3) - 1) * 0.004 },
        })),
        network: { latency: { base: 0.0005, jitter: 0.0001 } },
        transactions: { epsilon: EPS, commitWait: true },
        workload: alternating(20, 0.2),
      }),
    )
    expect(tx.violations).toEqual([])
    expect(tx.committed).toBe(20)
    expect(tx.commitWait.mean).toBeGreaterThan(1.5 * EPS)
    expect(tx.commitWait.mean).toBeLessThan(2.5 * EPS)
  })

  it('physical timestamps with a clock behind by more than the network latency: external consistency breaks', () => {
    const { tx } = runStore(
      storeScenario({
        nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'c1', 'c2'].map((id) => ({
          id,
          clock: { offset: id === 'c2' ? -0.05 : 0 },
        })),
        transactions: { timestamps: 'physical' },
        workload: alternating(10, 0.03).map((w) => ({ ...w, reads: [] })),
      }),
    )
    expect(tx.violations.some((v) => v.invariant === 'external-consistency')).toBe(true)
    expect(tx.violations.find((v) => v.invariant === 'external-consistency')?.detail).toMatch(
      /^t\d+ began after t\d+ committed but has the smaller timestamp/,
    )
  })

  it('the same slow clock with commit-wait and ε covering it: no violation', () => {
    const { tx } = runStore(
      storeScenario({
        nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'c1', 'c2'].map((id) => ({
          id,
          clock: { offset: id === 'c2' ? -0.05 : 0 },
        })),
        transactions: { epsilon: 0.06, commitWait: true },
        workload: alternating(10, 0.3).map((w) => ({ ...w, reads: [] })),
      }),
    )
    expect(tx.violations).toEqual([])
    expect(tx.committed).toBe(10)
  })

  // t1 prepares on both shards; its coordinator crashes before it can decide.
  const crashAfterPrepare = (commitProtocol: '2pc' | 'paxos-commit') =>
    storeScenario({
      network: { latency: { base: 0.02, jitter: 0 } },
      transactions: { commitProtocol },
      workload: [
        { at: 1, node: 'c1', op: 'txn', id: 't1', writes: { x: '1', y: '1' } },
        { at: 4, node: 'c2', op: 'txn', id: 't2', reads: ['x'], writes: { z: '2' } },
      ],
      faults: [{ at: 1.045, type: 'crash', node: 'c1' }],
    })

  it('2PC: a coordinator that crashes after prepare leaves its participants blocked, holding locks', () => {
    const { tx } = runStore(crashAfterPrepare('2pc'))
    expect(tx.blocked).toBe(1)
    expect(tx.results.map((r) => [r.id, r.outcome])).toEqual([
      ['t1', 'blocked'],
      ['t2', 'aborted'], // x is still locked by t1
    ])
  })

  it('Paxos Commit: the participants decide without the coordinator, and the locks are released', () => {
    const { tx } = runStore(crashAfterPrepare('paxos-commit'))
    expect(tx.blocked).toBe(0)
    expect(tx.results.map((r) => [r.id, r.outcome])).toEqual([
      ['t1', 'committed'],
      ['t2', 'committed'],
    ])
    expect(tx.results[1].reads).toEqual({ x: '1' })
    expect(tx.violations).toEqual([])
  })

  it('a restarted 2PC coordinator aborts what it had not decided (presumed abort) and unblocks', () => {
    const s = crashAfterPrepare('2pc')
    const { tx } = runStore({
      ...s,
      faults: [...(s.faults ?? []), { at: 3, type: 'restart', node: 'c1' }],
    })
    expect(tx.blocked).toBe(0)
    expect(tx.results.map((r) => [r.id, r.outcome])).toEqual([
      ['t1', 'aborted'],
      ['t2', 'committed'],
    ])
  })

  it('snapshot reads are lock-free, wait for safe time and see exactly the writes at or below their timestamp', () => {
    const { tx } = runStore(
      storeScenario({
        transactions: { epsilon: EPS, commitWait: true },
        workload: [
          { at: 1, node: 'c1', op: 'txn', id: 't1', writes: { x: 'a', y: 'a' } },
          { at: 1.0001, node: 'n5', op: 'snapshotRead', id: 'early', keys: ['x', 'y'] },
          { at: 2, node: 'c2', op: 'snapshotRead', id: 'late', keys: ['x', 'y', 'z'] },
          { at: 3, node: 'c1', op: 'txn', id: 't2', writes: { y: 'b' } },
          { at: 4, node: 'n1', op: 'snapshotRead', id: 'later', keys: ['y'] },
        ],
      }),
    )
    expect(tx.violations).toEqual([])
    const snap = (id: string) => tx.snapshotReads.find((r) => r.id === id)?.values
    expect(snap('early')).toEqual({ x: null, y: null })
    expect(snap('late')).toEqual({ x: 'a', y: 'a', z: null })
    expect(snap('later')).toEqual({ y: 'b' })
  })

  it('HLC timestamps keep causality but not real-time order', () => {
    // c2 runs 0.5 s slow. t0 begins after t1 committed (real time) but knows nothing of it; t2's
    // read of x comes from the leader that applied t1, so t3 begins causally after t1's commit.
    const workload = [
      { at: 1, node: 'c1', op: 'txn' as const, id: 't1', writes: { x: '1' } },
      { at: 1.05, node: 'c2', op: 'txn' as const, id: 't0', writes: { z: '0' } },
      { at: 1.1, node: 'c2', op: 'txn' as const, id: 't2', reads: ['x'], writes: { x: '2' } },
      { at: 1.3, node: 'c2', op: 'txn' as const, id: 't3', writes: { y: '3' } },
    ]
    const nodes = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'c1', 'c2'].map((id) => ({
      id,
      clock: { offset: id === 'c2' ? -0.5 : 0 },
    }))
    const run = (timestamps: 'hlc' | 'physical') =>
      runStore(storeScenario({ nodes, transactions: { timestamps }, workload })).tx.violations
    const hlc = run('hlc')
    expect(hlc.some((v) => v.invariant === 'external-consistency')).toBe(true)
    expect(hlc.filter((v) => v.invariant === 'causality')).toEqual([])
    expect(run('physical').some((v) => v.invariant === 'causality')).toBe(true)
  })

  it('is deterministic: the same scenario gives the same trace hash', () => {
    const s = storeScenario({ workload: alternating(8, 0.1) })
    expect(runStore(s).traceHash).toBe(runStore(s).traceHash)
  })
})

describe('transactions input', () => {
  const error = (input: object) => {
    const r = parseScenario(input)
    return r.ok ? null : r.error
  }
  it('names the field of a bad transactions section or store operation', () => {
    const base = storeScenario({})
    expect(
      error({
        ...base,
        transactions: { ...base.transactions, shards: [['n1', 'ghost']], keys: {} },
      }),
    ).toBe('transactions.shards[0][1]: unknown node "ghost"')
    expect(
      error({
        ...base,
        transactions: { ...base.transactions, timestamps: 'hlc', commitWait: true },
      }),
    ).toBe('transactions.commitWait: needs timestamps "truetime" (commit-wait waits out ε)')
    expect(error({ ...base, transactions: { ...base.transactions, keys: { x: 2 } } })).toBe(
      'transactions.keys.x: must be a shard index below 2',
    )
    expect(error({ ...base, transactions: { ...base.transactions, epsilon: 'auto' } })).toMatch(
      /^transactions\.epsilon: "auto" reads the clock-sync algorithm's error bound/,
    )
    expect(
      error({
        ...base,
        transactions: undefined,
        workload: [{ at: 1, node: 'c1', op: 'txn', id: 't', writes: { x: '1' } }],
      }),
    ).toBe('workload[0].op: "txn" needs a "transactions" section')
    expect(error({ ...base, workload: [{ at: 1, node: 'c1', op: 'txn', id: 't' }] })).toBe(
      'workload[0]: a transaction needs at least one key in "reads" or "writes"',
    )
    expect(error({ ...base, transactions: { ...base.transactions, commitProtocol: '3pc' } })).toBe(
      'transactions.commitProtocol: must be one of "2pc", "paxos-commit"',
    )
  })
})
