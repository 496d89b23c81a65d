import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareVectors } from '../../engine'
import {
  ARROW_STRIDE,
  A_FROM,
  A_ID,
  A_LAMPORT_END,
  A_LAMPORT_SENT,
  A_OUTCOME,
  A_TO,
} from '../../worker/timelineWire'
import { CONCURRENT, FUTURE, NO_EVENT, PAST, SELF, causalRelations, findEvent } from './causality'

const NODES = 4

/**
 * A random message history (sends, later receipts or drops) with the engine's own Lamport and
 * vector rules, laid out as the window's arrows in receipt order.
 */
function history(ops: { from: number; to: number; deliver: boolean; at: number }[]) {
  const lamport = new Array<number>(NODES).fill(0)
  const vector = Array.from({ length: NODES }, () => new Array<number>(NODES).fill(0))
  type Msg = { id: number; from: number; to: number; deliver: boolean; l: number; v: number[] }
  const inFlight: Msg[] = []
  const arrows: number[][] = []
  const vectors: number[][][] = []
  let id = 0
  for (const op of ops) {
    const from = op.from % NODES
    const to = (from + 1 + (op.to % (NODES - 1))) % NODES
    lamport[from]++
    vector[from][from]++
    inFlight.push({
      id: ++id,
      from,
      to,
      deliver: op.deliver,
      l: lamport[from],
      v: vector[from].slice(),
    })
    // then complete one message in flight (not always the oldest: messages overtake)
    if (inFlight.length > 2 || op.at > 0.5) {
      const m = inFlight.splice(Math.floor(op.at * inFlight.length) % inFlight.length, 1)[0]
      const row = new Array<number>(ARROW_STRIDE).fill(0)
      row[A_ID] = m.id
      row[A_FROM] = m.from
      row[A_TO] = m.to
      row[A_LAMPORT_SENT] = m.l
      row[A_OUTCOME] = m.deliver ? 0 : 1
      if (m.deliver) {
        lamport[m.to] = Math.max(lamport[m.to], m.l) + 1
        for (let k = 0; k < NODES; k++) vector[m.to][k] = Math.max(vector[m.to][k], m.v[k])
        vector[m.to][m.to]++
        row[A_LAMPORT_END] = lamport[m.to]
        vectors.push([m.v, vector[m.to].slice()])
      } else {
        row[A_LAMPORT_END] = NaN
        vectors.push([m.v, []])
      }
      arrows.push(row)
    }
  }
  return { arrows: Float64Array.from(arrows.flat()), vectors, count: arrows.length }
}

describe('causal past and future in the space-time window', () => {
  it('agree with vector clocks: past iff V(e) < V(sel), future iff V(sel) < V(e)', () => {
    let checked = 0
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: fc.nat(9),
            to: fc.nat(9),
            deliver: fc.boolean(),
            at: fc.double({ min: 0, max: 0.999, noNaN: true }),
          }),
          { minLength: 3, maxLength: 40 },
        ),
        fc.nat(),
        (ops, pick) => {
          const { arrows, vectors, count } = history(ops)
          fc.pre(count > 0)
          const sel = pick % (2 * count)
          const rel = causalRelations(arrows, 0, count, sel)
          const vOf = (k: number) => vectors[k >> 1][k & 1]
          for (let k = 0; k < 2 * count; k++) {
            if (vOf(k).length === 0) {
              expect(rel[k]).toBe(NO_EVENT)
              continue
            }
            if (vOf(sel).length === 0) {
              expect(rel[k]).toBe(CONCURRENT) // nothing selected: a drop's receipt is no event
              continue
            }
            checked++
            const c = compareVectors(vOf(k), vOf(sel))
            const want =
              k === sel ? SELF : c === 'before' ? PAST : c === 'after' ? FUTURE : CONCURRENT
            expect(rel[k]).toBe(want)
          }
        },
      ),
      { numRuns: 300 },
    )
    expect(checked).toBeGreaterThan(100)
  })

  it('finds an event again by its message id after the window moved', () => {
    const { arrows, count } = history([
      { from: 0, to: 0, deliver: true, at: 0.9 },
      { from: 1, to: 0, deliver: true, at: 0.9 },
      { from: 2, to: 0, deliver: true, at: 0.9 },
    ])
    expect(count).toBe(3)
    expect(findEvent(arrows, 1, 2, arrows[2 * ARROW_STRIDE + A_ID], 1)).toBe(3)
    expect(findEvent(arrows, 1, 2, arrows[A_ID], 0)).toBe(-1)
  })
})
