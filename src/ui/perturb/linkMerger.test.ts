import { describe, expect, it } from 'vitest'
import { createLinkMerger } from './linkMerger'

describe('createLinkMerger', () => {
  it('merges declared and learned links without repeats or self-links, in order', () => {
    const merge = createLinkMerger()
    expect(
      merge(
        [
          [0, 1],
          [1, 0],
        ],
        [
          [0, 1],
          [2, 2],
          [2, 0],
        ],
        3,
      ),
    ).toEqual([
      [0, 1],
      [1, 0],
      [2, 0],
    ])
  })

  it('takes only the links appended since the last call, and keeps the array when none is new', () => {
    const merge = createLinkMerger()
    const declared: [number, number][] = [[0, 1]]
    const learned: [number, number][] = [[1, 2]]
    const first = merge(declared, learned, 3)
    expect(first).toEqual([
      [0, 1],
      [1, 2],
    ])
    // a batch of repeats: nothing new, the same array (no view renders again)
    const repeats = [...learned, [0, 1] as [number, number], [1, 2] as [number, number]]
    expect(merge(declared, repeats, 3)).toBe(first)
    const grown = [...repeats, [2, 1] as [number, number]]
    const second = merge(declared, grown, 3)
    expect(second).not.toBe(first)
    expect(second).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
    ])
    // the earlier result is not changed under its holder
    expect(first).toHaveLength(2)
  })

  it('starts over for a new run (other declared links, another size, fewer learned links)', () => {
    const merge = createLinkMerger()
    merge([[0, 1]], [[1, 2]], 3)
    expect(merge([[1, 0]], [[1, 2]], 3)).toEqual([
      [1, 0],
      [1, 2],
    ])
    expect(merge([[1, 0]], [], 3)).toEqual([[1, 0]])
    // same pairs, another node count: keys are rebuilt for it
    expect(
      merge(
        [[1, 0]],
        [
          [0, 3],
          [3, 0],
        ],
        4,
      ),
    ).toEqual([
      [1, 0],
      [0, 3],
      [3, 0],
    ])
  })
})
