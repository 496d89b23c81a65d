import { describe, expect, it } from 'vitest'
import { createLinkBatcher, FEW_LINKS, LINK_BATCH_MS } from './linkBatch'

const pairs = (n: number, from = 0) =>
  Uint32Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? from + i / 2 : 999))

describe('learned links in batches', () => {
  it('passes links on at once while the map has few', () => {
    const b = createLinkBatcher()
    expect(b.add(Uint32Array.of(0, 1, 1, 0), 0, true, 0)).toEqual([
      [0, 1],
      [1, 0],
    ])
    expect(b.add(Uint32Array.of(2, 0), 2, true, 1)).toEqual([[2, 0]])
    expect(b.add(undefined, 3, true, 2)).toEqual([])
  })

  it('holds a large map’s links back to one batch per interval, in order', () => {
    const b = createLinkBatcher()
    const first = b.add(pairs(FEW_LINKS + 1), 0, true, 0)
    expect(first).toHaveLength(FEW_LINKS + 1)
    expect(b.add(pairs(3, 10), FEW_LINKS + 1, true, 16)).toEqual([])
    expect(b.add(pairs(2, 20), FEW_LINKS + 1, true, 32)).toEqual([])
    const batch = b.add(undefined, FEW_LINKS + 1, true, LINK_BATCH_MS)
    expect(batch.map(([from]) => from)).toEqual([10, 11, 12, 20, 21])
    expect(b.add(undefined, FEW_LINKS + 6, true, LINK_BATCH_MS + 1)).toEqual([])
  })

  it('gives everything pending to a paused frame, and forgets it for a new run', () => {
    const b = createLinkBatcher()
    b.add(pairs(FEW_LINKS + 1), 0, true, 0)
    b.add(pairs(2, 10), FEW_LINKS + 1, true, 16)
    expect(b.add(undefined, FEW_LINKS + 1, false, 17)).toHaveLength(2)
    b.add(pairs(2, 30), FEW_LINKS + 3, true, 20)
    b.reset()
    expect(b.add(undefined, 0, false, 21)).toEqual([])
  })
})
