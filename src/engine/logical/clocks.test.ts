import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareHlc, hlcReceive, hlcTick, type Hlc } from './hlc'
import { lamportOrder, lamportReceive, lamportTick } from './lamport'
import { compareVectors, vectorBefore, vectorReceive, vectorTick, vectorZero } from './vector'
import { happenedBeforeMatrix, playExecution, type Step } from '../testing/execution'

const NODES = 4

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('local' as const), node: fc.nat(NODES - 1) }),
  fc.record({
    type: fc.constant('send' as const),
    node: fc.nat(NODES - 1),
    to: fc.nat(NODES - 1),
  }),
  fc.record({ type: fc.constant('receive' as const), node: fc.nat(NODES - 1), msg: fc.nat(7) }),
)

/** Lamport and vector stamps of every event of an execution, computed as the runtime does. */
function stamp(steps: Step[]) {
  const events = playExecution(NODES, steps)
  const lamport = new Array<number>(NODES).fill(0)
  const vectors = Array.from({ length: NODES }, () => vectorZero(NODES))
  const L: number[] = []
  const V: number[][] = []
  for (const e of events) {
    const i = e.node
    if (e.from === null) {
      lamport[i] = lamportTick(lamport[i])
      vectorTick(vectors[i], i)
    } else {
      lamport[i] = lamportReceive(lamport[i], L[e.from])
      vectorReceive(vectors[i], V[e.from], i)
    }
    L.push(lamport[i])
    V.push(vectors[i].slice())
  }
  return { events, L, V }
}

describe('Lamport and vector clocks (docs/algorithms.md §4)', () => {
  it('the textbook example: a send, its receipt, and a concurrent event', () => {
    // p0: a (send to p1)   p1: b (local), c (receive a)   p2: d (local)
    const { L, V } = stamp([
      { type: 'send', node: 0, to: 1 },
      { type: 'local', node: 1 },
      { type: 'receive', node: 1, msg: 0 },
      { type: 'local', node: 2 },
    ])
    expect(L).toEqual([1, 1, 2, 1])
    expect(V).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [1, 2, 0, 0],
      [0, 0, 1, 0],
    ])
    expect(compareVectors(V[0], V[2])).toBe('before')
    expect(compareVectors(V[2], V[0])).toBe('after')
    expect(compareVectors(V[0], V[1])).toBe('concurrent')
    expect(compareVectors(V[3], V[3])).toBe('equal')
    // Lamport's total order breaks the tie between equal values by node index
    expect(lamportOrder(L[0], 0, L[1], 1)).toBeLessThan(0)
  })

  it('e → f implies L(e) < L(f), and V(e) < V(f) iff e → f (random executions)', () => {
    let pairs = 0
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), (steps) => {
        const { events, L, V } = stamp(steps)
        const hb = happenedBeforeMatrix(events)
        for (let i = 0; i < events.length; i++)
          for (let j = 0; j < events.length; j++) {
            if (i === j) continue
            pairs++
            if (hb[i][j]) expect(L[i]).toBeLessThan(L[j])
            expect(vectorBefore(V[i], V[j])).toBe(hb[i][j])
          }
      }),
      { numRuns: 300 },
    )
    expect(pairs).toBeGreaterThan(1000)
  })
})

describe('hybrid logical clock (Kulkarni et al. 2014)', () => {
  it('follows physical time when it moves forward and counts when it does not', () => {
    const h: Hlc = { l: 0, c: 0 }
    hlcTick(h, 10)
    expect(h).toEqual({ l: 10, c: 0 })
    hlcTick(h, 10)
    expect(h).toEqual({ l: 10, c: 1 })
    hlcTick(h, 9) // the physical clock was stepped back: l holds, c counts
    expect(h).toEqual({ l: 10, c: 2 })
    hlcReceive(h, 12, 5, 11) // a message from a node whose clock is ahead
    expect(h).toEqual({ l: 12, c: 6 })
    hlcReceive(h, 12, 9, 11) // l = l' = lm: max(c, cm) + 1
    expect(h).toEqual({ l: 12, c: 10 })
    hlcReceive(h, 11, 3, 11.5) // own l is largest: c + 1
    expect(h).toEqual({ l: 12, c: 11 })
    hlcReceive(h, 12.5, 2, 13) // physical time is largest: c = 0
    expect(h).toEqual({ l: 13, c: 0 })
  })

  it('never goes backwards, stays ≥ pt, and orders causally related events (random clocks)', () => {
    let checked = 0
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 60 }),
        // each event's physical reading: true time (the event index) plus a per-event error,
        // steps backwards included
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 60, maxLength: 60 }),
        (steps, errors) => {
          const events = playExecution(NODES, steps)
          const hb = happenedBeforeMatrix(events)
          const clocks = Array.from({ length: NODES }, () => ({ l: 0, c: 0 }))
          const stamps: Hlc[] = []
          events.forEach((e, k) => {
            const pt = k + errors[k % errors.length]
            const h = clocks[e.node]
            const before = { ...h }
            if (e.from === null) hlcTick(h, pt)
            else hlcReceive(h, stamps[e.from].l, stamps[e.from].c, pt)
            expect(compareHlc(h.l, h.c, before.l, before.c)).toBeGreaterThan(0)
            expect(h.l).toBeGreaterThanOrEqual(pt)
            // l is some node's physical reading at an earlier-or-equal true time: within the error
            expect(h.l - k).toBeLessThanOrEqual(3)
            stamps.push({ ...h })
          })
          for (let i = 0; i < events.length; i++)
            for (let j = 0; j < events.length; j++)
              if (hb[i][j]) {
                checked++
                const a = stamps[i]
                const b = stamps[j]
                expect(compareHlc(a.l, a.c, b.l, b.c)).toBeLessThan(0)
              }
        },
      ),
      { numRuns: 300 },
    )
    expect(checked).toBeGreaterThan(100)
  })
})
