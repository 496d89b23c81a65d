import { describe, expect, it } from 'vitest'
import { NODE_STRIDE, type Frame } from '../../worker/wire'
import { createNodePainter } from './nodePainter'
import type { NodeParts } from './NodeGlyph'

/** A node's parts that record what is written into them. */
function fakeParts() {
  const writes: string[] = []
  const el = (name: string) => ({
    setAttribute: (attr: string, value: string) => void writes.push(`${name}.${attr}=${value}`),
    textContent: '',
  })
  const parts = {
    root: el('root'),
    control: el('control'),
    local: el('local'),
    offset: el('offset'),
    arc: el('arc'),
  }
  return { parts: parts as unknown as NodeParts, writes }
}

const frameAt = (local: number, offset: number) =>
  ({ nodes: Float64Array.from({ length: NODE_STRIDE }, (_, k) => [0, local, offset][k]) }) as Frame

describe('node painter', () => {
  it('leaves the offset arc alone while the offset it draws is unchanged', () => {
    const paint = createNodePainter()
    const { parts, writes } = fakeParts()
    paint(frameAt(1, 0.001), [parts], 20)
    const first = writes.length
    expect(writes.filter((w) => w.startsWith('arc.'))).toHaveLength(2) // d and class
    paint(frameAt(1, 0.001), [parts], 20)
    expect(writes).toHaveLength(first)
    paint(frameAt(1, -0.001), [parts], 20)
    expect(writes.slice(first).map((w) => w.split('=')[0])).toEqual(['arc.d', 'arc.class'])
  })
})
