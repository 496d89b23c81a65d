import { describe, expect, it } from 'vitest'
import { HIGHLIGHT, paintHighlight } from './painter'

/** A canvas context that records what is stroked and filled, with the style in force. */
function recorder() {
  const ops: { op: 'stroke' | 'fill'; style: string; width: number; shape: number[][] }[] = []
  let shape: number[][] = []
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    save() {},
    restore() {},
    beginPath: () => (shape = []),
    moveTo: (x: number, y: number) => shape.push([x, y]),
    lineTo: (x: number, y: number) => shape.push([x, y]),
    arc: (x: number, y: number, r: number) => shape.push([x, y, r]),
    stroke() {
      ops.push({ op: 'stroke', style: ctx.strokeStyle, width: ctx.lineWidth, shape })
    },
    fill() {
      ops.push({ op: 'fill', style: ctx.fillStyle, width: 0, shape })
    },
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, ops }
}

describe('the highlighted arrow', () => {
  // a 1 ms message at t = 0.1 s on a 20 s span 1 000 px wide: 0.05 px from end to end
  const ends = [5, 40, 5.05, 120] as const

  it('has a wide halo along it, wider than any arrow, whatever the span', () => {
    const { ctx, ops } = recorder()
    paintHighlight(ctx, ends, '#2563eb')
    const halo = ops.find((o) => o.op === 'stroke' && o.style === HIGHLIGHT.halo)
    expect(halo?.width).toBeGreaterThanOrEqual(10)
    expect(halo?.shape).toEqual([
      [5, 40],
      [5.05, 120],
    ])
    // the arrow itself, in its kind's colour, over the halo
    const line = ops.find((o) => o.op === 'stroke' && o.style === '#2563eb')
    expect(line?.width).toBeGreaterThanOrEqual(3)
    expect(ops.indexOf(line!)).toBeGreaterThan(ops.indexOf(halo!))
  })

  it('rings both ends: the send and the receipt', () => {
    const { ctx, ops } = recorder()
    paintHighlight(ctx, ends, '#2563eb')
    const rings = ops.filter((o) => o.op === 'stroke' && o.style === HIGHLIGHT.ring)
    expect(rings.map((o) => o.shape[0].slice(0, 2))).toEqual([
      [5, 40],
      [5.05, 120],
    ])
    for (const r of rings) expect(r.shape[0][2]).toBeGreaterThanOrEqual(6)
  })
})
