import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { ScenarioInput } from '../../index'
import { runStore, storeScenario } from './testing'

/**
 * Random fault schedules against the store (docs/transactions.md §what is tested): crashes and
 * restarts, pauses, partitions, cut links, loss, duplication and clock steps until GST, with
 * transactions and snapshot reads coordinated by any node. With truetime, commit-wait and ε
 * above every clock's real error, no invariant may break; once every node is back and the
 * network healed, no transaction may stay blocked. STORE_PROPERTY_RUNS runs more.
 */

const RUNS = Number(process.env.STORE_PROPERTY_RUNS ?? 500)
const GST = 5
const EPS = 0.02
const IDS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'c1', 'c2']
const KEYS = ['x', 'y', 'z', 'w']

type Fault = NonNullable<ScenarioInput['faults']>[number]
type Work = NonNullable<ScenarioInput['workload']>[number]

const node = fc.constantFrom(...IDS)
const at = fc.double({ min: 0.2, max: GST, noNaN: true })
const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ at, type: fc.constant('crash' as const), node }),
  fc.record({ at, type: fc.constant('restart' as const), node }),
  fc.record({ at, type: fc.constant('pause' as const), node }),
  fc.record({ at, type: fc.constant('resume' as const), node }),
  fc.record({
    at,
    type: fc.constant('partition' as const),
    groups: fc
      .shuffledSubarray(IDS, { minLength: 1, maxLength: 7 })
      .map((g) => [g, IDS.filter((x) => !g.includes(x))]),
  }),
  fc.record({ at, type: fc.constant('cutLink' as const), from: node, to: node }),
  fc.record({
    at,
    type: fc.constant('setLoss' as const),
    p: fc.double({ min: 0, max: 0.3, noNaN: true }),
  }),
  fc.record({
    at,
    type: fc.constant('setDuplicate' as const),
    p: fc.double({ min: 0, max: 0.3, noNaN: true }),
  }),
  // steps keep every clock within ε: at most 2 of 3 ms, on offsets of at most 4 ms
  fc.record({
    at,
    type: fc.constant('clockStep' as const),
    node,
    by: fc.double({ min: -0.003, max: 0.003, noNaN: true }),
  }),
)

const keys = fc.subarray(KEYS, { minLength: 0, maxLength: 3 })
const work: fc.Arbitrary<Work> = fc.oneof(
  fc
    .record({ at, node, reads: keys, writes: keys, value: fc.integer({ min: 0, max: 99 }) })
    .filter((w) => w.reads.length + w.writes.length > 0)
    .map((w) => ({
      at: w.at,
      node: w.node,
      op: 'txn' as const,
      id: '',
      reads: w.reads,
      writes: Object.fromEntries(w.writes.map((k) => [k, String(w.value)])),
    })),
  fc
    .record({ at, node, keys: fc.subarray(KEYS, { minLength: 1 }) })
    .map((w) => ({ ...w, op: 'snapshotRead' as const, id: '' })),
)

/** After GST: `back` nodes up again, the network whole, the loss gone. */
const recovery = (back: string[]): Fault[] => [
  { at: GST + 0.5, type: 'heal' },
  { at: GST + 0.5, type: 'setLoss', p: 0 },
  { at: GST + 0.5, type: 'setDuplicate', p: 0 },
  ...back.flatMap((id): Fault[] => [
    { at: GST + 0.5, type: 'resume', node: id },
    { at: GST + 0.5, type: 'restart', node: id },
  ]),
]

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  offsets: fc.array(fc.double({ min: -0.004, max: 0.004, noNaN: true }), {
    minLength: 8,
    maxLength: 8,
  }),
  skews: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 8, maxLength: 8 }),
  commitProtocol: fc.constantFrom('2pc' as const, 'paxos-commit' as const),
  faults: fc.array(fault, { maxLength: 5 }),
  workload: fc.array(work, { minLength: 1, maxLength: 8 }),
  /** when the coordinators die for good (Paxos Commit property) */
  coordinatorsDie: fc.double({ min: 0.2, max: GST, noNaN: true }),
})

type Generated = typeof scenarioArb extends fc.Arbitrary<infer G> ? G : never

/** The store scenario a generated case describes, with its commit protocol and faults. */
function generatedScenario(g: Generated, commitProtocol: '2pc' | 'paxos-commit', faults: Fault[]) {
  return storeScenario({
    seed: g.seed,
    duration: GST + 7,
    nodes: IDS.map((id, i) => ({ id, clock: { offset: g.offsets[i], skewPpm: g.skews[i] } })),
    transactions: { epsilon: EPS, commitWait: true, commitProtocol },
    workload: g.workload.map((w, i) => ({ ...w, id: `${w.op === 'txn' ? 't' : 'r'}${i}` })),
    faults: [...g.faults, ...faults],
  })
}

describe('the store under random faults', () => {
  it(`truetime + commit-wait, ε above the real error: no violation, nothing blocked after recovery (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(scenarioArb, (g) => {
        const { tx } = runStore(generatedScenario(g, g.commitProtocol, recovery(IDS)))
        expect(tx.violations).toEqual([])
        expect(tx.blocked).toBe(0)
        // (a transaction whose coordinator crashed before any prepare stays "pending": nothing holds it)
        expect(tx.results.filter((r) => r.outcome === 'blocked')).toEqual([])
      }),
      { numRuns: RUNS, seed: Number(process.env.STORE_PROPERTY_SEED ?? 20261206) },
    )
  }, 600_000) // a safety net for a hung run, not a speed check

  it(`Paxos Commit: coordinators that never come back block nothing (${RUNS / 2} runs)`, () => {
    fc.assert(
      fc.property(scenarioArb, (g) => {
        const { tx } = runStore(
          generatedScenario(g, 'paxos-commit', [
            // the client nodes crash for good, mid-transaction or not
            { at: g.coordinatorsDie, type: 'crash', node: 'c1' },
            { at: g.coordinatorsDie, type: 'crash', node: 'c2' },
            ...recovery(IDS.filter((id) => id.startsWith('n'))),
          ]),
        )
        expect(tx.violations).toEqual([])
        expect(tx.blocked).toBe(0)
      }),
      { numRuns: RUNS / 2, seed: Number(process.env.STORE_PROPERTY_SEED ?? 20261206) + 1 },
    )
  }, 600_000)
})
