import { describe, expect, it } from 'vitest'
import { writeAttr, writeText } from './domWrites'

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

describe('writeText', () => {
  /** An element holding `children`, counting assignments to textContent. */
  function holder(children: { nodeType: number; data?: string }[]) {
    let assigned = 0
    let text = children.map((c) => c.data ?? '').join('')
    const el = {
      get firstChild() {
        return children[0] ?? null
      },
      get lastChild() {
        return children[children.length - 1] ?? null
      },
      get textContent() {
        return text
      },
      set textContent(v: string) {
        assigned++
        text = v
      },
    }
    return { el: el as unknown as Element, assigned: () => assigned }
  }

  it('edits a lone text child in place instead of replacing it', () => {
    const node = { nodeType: 3, data: '0.5 s' }
    const { el, assigned } = holder([node])
    writeText(el, '0.6 s')
    expect(node.data).toBe('0.6 s')
    expect(assigned()).toBe(0)
  })

  it('sets the text of an empty element, or of one with other children, once', () => {
    const empty = holder([])
    writeText(empty.el, 'x')
    writeText(empty.el, 'x')
    expect(empty.assigned()).toBe(1)
    const mixed = holder([{ nodeType: 1 }, { nodeType: 3, data: 'b' }])
    writeText(mixed.el, 'c')
    expect(mixed.assigned()).toBe(1)
  })
})
