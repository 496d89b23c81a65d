import { describe, expect, it } from 'vitest'
import { writeAttr } from './domWrites'

/** An element that counts its attribute writes. */
function fakeElement() {
  const writes: [string, string][] = []
  const el = { setAttribute: (name: string, value: string) => void writes.push([name, value]) }
  return { el: el as unknown as Element, writes }
}

describe('writeAttr', () => {
  it('writes a value once, and again only when it changes', () => {
    const { el, writes } = fakeElement()
    expect(writeAttr(el, 'd', 'M0,0')).toBe(true)
    expect(writeAttr(el, 'd', 'M0,0')).toBe(false)
    expect(writeAttr(el, 'd', 'M1,0')).toBe(true)
    expect(writes).toEqual([
      ['d', 'M0,0'],
      ['d', 'M1,0'],
    ])
  })

  it('remembers each attribute of an element apart', () => {
    // the node painter alternates an arc's `d` and `class`: both unchanged, nothing is written
    const { el, writes } = fakeElement()
    for (let i = 0; i < 3; i++) {
      writeAttr(el, 'd', 'M0,0')
      writeAttr(el, 'class', 'node-arc ahead')
    }
    expect(writes).toHaveLength(2)
  })
})
