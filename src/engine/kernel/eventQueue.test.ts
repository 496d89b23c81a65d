import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createQueue, itemAt, peekTag, peekTime, pop, push, tagAt } from './eventQueue'

describe('event queue', () => {
  it('pops in time order', () => {
    const q = createQueue<string>(2)
    push(q, 3, 'c')
    push(q, 1, 'a')
    push(q, 2, 'b')
    expect([pop(q), pop(q), pop(q)]).toEqual(['a', 'b', 'c'])
    expect(peekTime(q)).toBe(Infinity)
  })

  it('breaks ties by insertion order', () => {
    const q = createQueue<number>(1)
    for (let i = 0; i < 50; i++) push(q, i % 3 === 0 ? 1 : 2, i)
    const out: number[] = []
    while (q.size) out.push(pop(q))
    const ones = out.slice(0, 17)
    expect(ones).toEqual(Array.from({ length: 17 }, (_, k) => k * 3))
    expect(out.slice(17)).toEqual([...out.slice(17)].sort((a, b) => a - b))
  })

  it('keeps each tag with its item, in the heap and across growth', () => {
    const q = createQueue<string>(1)
    for (let i = 0; i < 9; i++) push(q, 9 - i, `e${i}`, -i)
    for (let i = 0; i < q.size; i++) expect(tagAt(q, i)).toBe(-Number(itemAt(q, i).slice(1)))
    expect(peekTag(q)).toBe(-8)
    expect(pop(q)).toBe('e8')
    push(q, 0.5, 'x', 42) // reuses the freed slot
    expect([peekTag(q), pop(q), peekTag(q), pop(q)]).toEqual([42, 'x', -7, 'e7'])
  })

  it('property: any interleaving of pushes and pops yields (time, seq) order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 20 }).map((t) => ({ t })),
            fc.constant(null),
          ),
          { maxLength: 300 },
        ),
        (ops) => {
          const q = createQueue<{ t: number; seq: number }>(1)
          const model: { t: number; seq: number }[] = []
          let seq = 0
          for (const op of ops) {
            if (op) {
              const item = { t: op.t, seq: seq++ }
              push(q, op.t, item, item.seq)
              model.push(item)
            } else if (model.length) {
              model.sort((a, b) => a.t - b.t || a.seq - b.seq)
              expect(peekTag(q)).toBe(model[0].seq)
              expect(pop(q)).toBe(model.shift())
            }
          }
          expect(q.size).toBe(model.length)
        },
      ),
    )
  })
})
