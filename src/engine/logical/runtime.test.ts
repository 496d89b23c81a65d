import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { pingProtocol, scenarioOf, simOf } from '../testing/probes'
import type { ProtocolDef } from '../protocols/protocol'
import type { ScenarioInput } from '../scenario/schema'
import type { TraceRecord } from '../sim/records'
import { compareHlc } from './hlc'
import { vectorBefore } from './vector'
import { VECTOR_MAX_NODES, type LogicalStamp } from './nodeClocks'
import { happenedBeforeMatrix, type ExecEvent } from '../testing/execution'

const NODES = ['a', 'b', 'c', 'd']

type Fault = NonNullable<ScenarioInput['faults']>[number]

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({
    at: fc.double({ min: 0.5, max: 14, noNaN: true }),
    type: fc.constant('clockStep' as const),
    node: fc.constantFrom(...NODES),
    by: fc.double({ min: -2, max: 1, noNaN: true }),
  }),
  fc.record({
    at: fc.double({ min: 0.5, max: 14, noNaN: true }),
    type: fc.constant('setSkew' as const),
    node: fc.constantFrom(...NODES),
    ppm: fc.double({ min: -5e4, max: 5e4, noNaN: true }),
  }),
  fc.record({
    at: fc.double({ min: 0.5, max: 14, noNaN: true }),
    type: fc.constantFrom(
      'crash' as const,
      'restart' as const,
      'pause' as const,
      'resume' as const,
    ),
    node: fc.constantFrom(...NODES),
  }),
  fc.record({
    at: fc.double({ min: 0.5, max: 14, noNaN: true }),
    type: fc.constant('partition' as const),
    groups: fc.constant<string[][]>([
      ['a', 'b'],
      ['c', 'd'],
    ]),
  }),
  fc.record({
    at: fc.double({ min: 0.5, max: 14, noNaN: true }),
    type: fc.constant('heal' as const),
  }),
)

interface Stamped extends ExecEvent {
  t: number
  clocks: LogicalStamp
  /** node's local − true time at the event */
  offset: number
}

/** Run pings under `faults` and collect every send and receipt with its logical stamps. */
function stampedRun(faults: Fault[], offsets: number[], seed: number): Stamped[] {
  const s = scenarioOf({
    seed,
    nodes: NODES.map((id, i) => ({ id, clock: { offset: offsets[i], resolution: 1e-3 } })),
    network: { latency: { base: 0.01, jitter: 0.02 }, duplicate: 0.1 },
    faults,
  })
  const events: Stamped[] = []
  const sendIndex = new Map<number, number>()
  const index = new Map(NODES.map((id, i) => [id, i]))
  const sim = simOf(s, [pingProtocol as ProtocolDef], [], {
    trace: (r: TraceRecord) => {
      if (r.type !== 'send' && r.type !== 'deliver') return
      const node = index.get(r.type === 'send' ? r.from : r.to)!
      if (r.type === 'send') sendIndex.set(r.id, events.length)
      events.push({
        node,
        from: r.type === 'deliver' ? sendIndex.get(r.id)! : null,
        t: r.t,
        clocks: r.clocks,
        offset: sim.offsetOf(node),
      })
    },
  })
  sim.runUntil(15)
  return events
}

describe('logical clocks kept by the runtime on every send and receipt', () => {
  it('satisfy the textbook properties under crashes, pauses, partitions, duplicates and clock steps', () => {
    let pairs = 0
    let backwardSteps = 0
    fc.assert(
      fc.property(
        fc.array(faultArb, { maxLength: 8 }),
        fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.nat(1000),
        (faults, offsets, seed) => {
          backwardSteps += faults.filter((f) => f.type === 'clockStep' && f.by < 0).length
          const events = stampedRun(faults, offsets, seed)
          // every run starts with pings; one whose nodes all crash at once soon after has only a
          // few (CI drew four crashes at 0.5 s: 4 events). `pairs` below says the runs together
          // exercised the clocks.
          expect(events.length).toBeGreaterThan(0)
          const hb = happenedBeforeMatrix(events)
          // plain checks, one assertion per run: expect() per pair would dominate the run time
          const broken: string[] = []
          let maxOffset = -Infinity
          const lastHlc = new Map<number, { l: number; c: number }>()
          for (let j = 0; j < events.length; j++) {
            const e = events[j]
            const { lamport, hlc, vector } = e.clocks
            maxOffset = Math.max(maxOffset, e.offset)
            // HLC: l ≥ pt, and l − true time never exceeds the largest clock error so far
            if (hlc.l < e.t + e.offset - 1e-3 - 1e-9) broken.push(`${j}: l below pt`)
            if (hlc.l - e.t > Math.max(0, maxOffset) + 1e-9) broken.push(`${j}: l beyond the error`)
            // ... and never goes backwards at a node, whatever its clock did
            const prev = lastHlc.get(e.node)
            if (prev && compareHlc(hlc.l, hlc.c, prev.l, prev.c) <= 0) broken.push(`${j}: HLC back`)
            lastHlc.set(e.node, hlc)
            for (let i = 0; i < j; i++) {
              const f = events[i].clocks
              pairs++
              if (hb[i][j] && !(f.lamport < lamport)) broken.push(`${i}→${j}: Lamport`)
              if (hb[i][j] && compareHlc(f.hlc.l, f.hlc.c, hlc.l, hlc.c) >= 0)
                broken.push(`${i}→${j}: HLC`)
              if (vectorBefore(f.vector!, vector!) !== hb[i][j])
                broken.push(`${i},${j}: V(i) < V(j)`)
              if (vectorBefore(vector!, f.vector!)) broken.push(`${i},${j}: V(j) < V(i)`)
            }
          }
          expect(broken.slice(0, 5)).toEqual([])
        },
      ),
      { numRuns: 40 },
    )
    expect(pairs).toBeGreaterThan(10_000)
    expect(backwardSteps).toBeGreaterThan(0)
  }, 60_000)

  it('are the same on a replay from a snapshot, and left out of the trace hash', () => {
    const s = scenarioOf({ nodes: NODES.map((id) => ({ id })) })
    const a = simOf(s, [pingProtocol as ProtocolDef])
    a.runUntil(5)
    const snap = a.snapshot()
    a.runUntil(10)
    const b = simOf(s, [pingProtocol as ProtocolDef])
    b.restore(snap)
    b.runUntil(10)
    expect(NODES.map((_, i) => b.logicalClocks(i))).toEqual(NODES.map((_, i) => a.logicalClocks(i)))
    expect(a.logicalClocks(0).lamport).toBeGreaterThan(5)
    // the pinned kernel hash of simulation.test.ts does not move with logical time; here:
    // clearing every node's clocks mid-run changes no later trace record's hash input
    const c = simOf(s, [pingProtocol as ProtocolDef])
    c.restore(snap)
    for (const node of c.world.nodes) node.logical.lamport = 1e6
    c.runUntil(10)
    expect(c.traceHash).toBe(a.traceHash)
    expect(c.logicalClocks(0).lamport).toBeGreaterThan(1e6)
  })

  it('keep vector clocks only while traced and up to VECTOR_MAX_NODES nodes', () => {
    const small = scenarioOf({ nodes: NODES.map((id) => ({ id })) })
    const untraced = simOf(small, [pingProtocol as ProtocolDef])
    untraced.runUntil(3)
    expect(untraced.logicalClocks(0).vector).toBeNull()
    expect(untraced.logicalClocks(0).lamport).toBeGreaterThan(0)

    const s = scenarioOf({
      nodes: Array.from({ length: VECTOR_MAX_NODES + 1 }, (_, i) => ({ id: `n${i}` })),
    })
    const sim = simOf(s, [pingProtocol as ProtocolDef], [], { trace: () => {} })
    sim.runUntil(3)
    const k = sim.logicalClocks(0)
    expect(k.vector).toBeNull()
    expect(k.lamport).toBeGreaterThan(0)
    expect(k.hlc.l).toBeGreaterThan(0)
  })
})
