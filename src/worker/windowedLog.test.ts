import { describe, expect, it } from 'vitest'
import { WindowedLog } from './windowedLog'

describe('WindowedLog', () => {
  it('hands out each item once, in order, across evictions', () => {
    const log = new WindowedLog<number>()
    for (let i = 0; i < 5; i++) log.push(i)
    expect(log.pending(false)).toBe(5)
    expect(log.take(false)).toEqual([0, 1, 2, 3, 4])
    expect(log.pending(false)).toBe(0)
    log.push(5)
    log.push(6)
    const left: number[] = []
    expect(log.dropWhile((x) => x < 3, (x) => left.push(x))).toBe(3)
    expect(left).toEqual([0, 1, 2])
    expect(log.take(false)).toEqual([5, 6])
    // an item evicted before it was taken is never handed out
    log.push(7)
    log.push(8)
    log.dropFront(6)
    expect(log.length).toBe(0)
    log.push(9)
    expect(log.take(false)).toEqual([9])
  })

  it('`all` hands out everything still held; clear starts over', () => {
    const log = new WindowedLog<string>()
    log.push('a')
    log.push('b')
    log.take(false)
    log.dropFront(1)
    expect(log.pending(true)).toBe(1)
    expect(log.take(true)).toEqual(['b'])
    expect(log.at(0)).toBe('b')
    log.clear()
    expect(log.length).toBe(0)
    expect(log.take(true)).toEqual([])
  })
})
