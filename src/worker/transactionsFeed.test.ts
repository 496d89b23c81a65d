import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, presets, type Simulation } from '../engine'
import {
  createTransactionsFeed,
  MAX_TXNS,
  MIN_INTERVAL_MS,
  type TransactionsFeed,
} from './transactionsFeed'

function withFeed(id: string): { sim: Simulation; feed: TransactionsFeed } {
  const parsed = parseScenario(structuredClone(presets.find((p) => p.id === id)!.scenario))
  if (!parsed.ok) throw new Error(parsed.error)
  let feed: TransactionsFeed | null = null
  const sim = createSimulation(parsed.scenario, { trace: (r) => feed?.trace(r) })
  feed = createTransactionsFeed(parsed.scenario)
  if (!feed) throw new Error('no store')
  return { sim, feed }
}

describe('transactions feed', () => {
  it('gives each transaction its phases in order on true time, its timestamp and the anomaly it revealed', () => {
    const { sim, feed } = withFeed('txn-skewed-clocks')
    sim.runUntil(1.2)
    const u = feed.build(sim, 1, 0, true)!
    expect(u.meta).toEqual({
      timestamps: 'physical',
      epsilon: null,
      commitWait: false,
      commitProtocol: '2pc',
    })
    const [t1, t2] = u.txns
    expect([t1.id, t2.id]).toEqual(['t1', 't2'])
    for (const t of [t1, t2]) {
      expect(t.end?.outcome).toBe('committed')
      expect(t.begin).toBeLessThanOrEqual(t.prepare!) // nothing to read: prepare at once
      expect(t.prepare!).toBeLessThan(t.end!.at)
      expect(t.commitWait).toBeNull() // physical timestamps: no commit-wait
      expect(t.shards.map((s) => s.outcome)).toEqual(['prepared', 'committed'])
    }
    // t2 began after t1 committed, on c2's clock 50 ms slow: the smaller timestamp
    expect(t1.end!.at).toBeLessThan(t2.begin)
    expect(t2.ts!).toBeLessThan(t1.ts!)
    expect(t1.anomaly).toBeNull()
    expect(t2.anomaly).toMatchObject({ invariant: 'external-consistency' })
    expect(t2.anomaly!.at).toBe(t2.end!.at)
  })

  it('marks a prepared transaction whose 2PC coordinator is down as blocked, and forgets what a rewind undid', () => {
    const { sim, feed } = withFeed('txn-2pc-blocks')
    sim.runUntil(5)
    const u = feed.build(sim, 1, 0, true)!
    const row = (id: string) => u.txns.find((t) => t.id === id)!
    expect(row('t1').blocked).toBe(true)
    expect(row('t1').end).toBeNull()
    expect(row('t2').end?.outcome).toBe('aborted')
    // a trace record before the last one seen means the run was rewound: t2 is forgotten
    feed.trace({ t: 2, type: 'timer', node: 'c2', key: 'x' })
    expect(feed.build(sim, 1, 0, true)!.txns.map((t) => t.id)).toEqual(['t1'])
  })

  it('posts only changes, at most every MIN_INTERVAL_MS while playing, and keeps a bounded window', () => {
    const { sim, feed } = withFeed('txn-commit-wait')
    sim.runUntil(3)
    expect(feed.build(sim, 1, 0, false)).not.toBeNull()
    expect(feed.build(sim, 1, 1, true)).toBeNull() // nothing new
    sim.runUntil(5)
    expect(feed.build(sim, 1, MIN_INTERVAL_MS - 1, false)).toBeNull()
    const u = feed.build(sim, 1, MIN_INTERVAL_MS, false)!
    const done = u.txns.filter((t) => t.end)
    expect(done.length).toBe(8)
    for (const t of done) {
      expect(t.epsilon).toBe(0.06)
      expect(t.anomaly).toBeNull()
      // commit-wait: acknowledged only once the timestamp has surely passed
      expect(t.end!.at).toBeGreaterThan(t.ts!)
      expect(t.commitWait!).toBeLessThan(t.end!.at)
    }
    expect(u.snaps.length).toBeGreaterThan(0)
    expect(u.txns.length).toBeLessThanOrEqual(MAX_TXNS)
  })
})
