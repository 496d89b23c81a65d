import { describe, expect, it } from 'vitest'
import { faultTolerantAverage } from './average'

const r = (node: string, offset: number) => ({ node, offset })

describe('fault-tolerant average (Gusella & Zatti)', () => {
  it('averages everything when all agree within the bound', () => {
    const a = faultTolerantAverage([r('m', 0), r('a', 0.01), r('b', -0.02)], 0.1, 'm')
    expect(a.average).toBeCloseTo(-0.01 / 3, 15)
    expect(a.outliers).toEqual([])
  })

  it('leaves out a clock far from the others', () => {
    const a = faultTolerantAverage([r('m', 0), r('a', 0.01), r('b', -0.02), r('c', 1.5)], 0.1, 'm')
    expect(a.used).toEqual(['m', 'a', 'b'])
    expect(a.outliers).toEqual(['c'])
    expect(a.average).toBeCloseTo(-0.01 / 3, 15)
  })

  it('the largest agreeing group wins, even without the master', () => {
    const a = faultTolerantAverage([r('m', 0.5), r('a', 0), r('b', 0.01), r('c', 0.02)], 0.1, 'm')
    expect(a.outliers).toEqual(['m'])
    expect(a.average).toBeCloseTo(0.01, 15)
  })

  it('between equally large groups it prefers the one holding the master', () => {
    const a = faultTolerantAverage([r('a', -0.5), r('b', -0.45), r('m', 0), r('c', 0.05)], 0.1, 'm')
    expect(a.used).toEqual(['m', 'c'])
  })

  it('the group spread is at most the bound', () => {
    const a = faultTolerantAverage([r('m', 0), r('a', 0.06), r('b', 0.12), r('c', 0.18)], 0.1, 'm')
    const used = a.used.map((n) => ({ m: 0, a: 0.06, b: 0.12, c: 0.18 })[n] as number)
    expect(Math.max(...used) - Math.min(...used)).toBeLessThanOrEqual(0.1)
    expect(a.used).toHaveLength(2)
  })
})
