import { scaleLinear } from 'd3-scale'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ARROW_STRIDE, A_END, A_FROM, A_SENT, A_TO } from '../../worker/timelineWire'
import { lanePositions } from './geometry'
import { HIGHLIGHT, paintHighlight, paintSpacetime } from './painter'
import { emptyWindow } from './spacetimeData'

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

describe('a window of lanes', () => {
  // Path2D is a browser class: a stand-in that keeps the points it was given
  class FakePath {
    points: number[][] = []
    moveTo(x: number, y: number) {
      this.points.push([x, y])
    }
    lineTo(x: number, y: number) {
      this.points.push([x, y])
    }
  }
  beforeEach(() => vi.stubGlobal('Path2D', FakePath))
  afterEach(() => vi.unstubAllGlobals())

  it('draws what touches a shown lane and skips arrows between nodes not shown', () => {
    const data = emptyWindow(1, 100)
    data.kinds = ['k']
    // 0 → 1 and 50 → 60 outside the window; 10 → 11 inside; 11 → 90 leaves it
    const arrows = [
      [0, 1],
      [50, 60],
      [10, 11],
      [11, 90],
    ]
    arrows.forEach(([from, to], j) => {
      const o = j * ARROW_STRIDE
      data.arrows[o + A_FROM] = from
      data.arrows[o + A_TO] = to
      data.arrows[o + A_SENT] = 1
      data.arrows[o + A_END] = 1.001
    })
    data.count = arrows.length
    data.now = 2
    const height = 26 + 24 * 17.5
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (target, key: string) => (key in target ? target[key] : () => undefined),
      set: (target, key: string, value) => ((target[key] = value), true),
    }) as unknown as CanvasRenderingContext2D
    const counts = paintSpacetime({
      ctx,
      width: 500,
      height,
      x: scaleLinear().domain([0, 2]).range([56, 486]),
      laneY: lanePositions(100, 10, 24, 17.5, 26),
      data,
      frame: null,
      windowColours: ['#000'],
      frameColours: ['#000'],
      tickStep: null,
      gridTicks: [],
      highlight: null,
    })
    expect(counts.arrows).toBe(2)
  })
})
