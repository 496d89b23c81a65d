import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MSG_STRIDE, type Frame } from '../../worker/wire'
import { createMessageLayer } from './messageLayer'

/** A canvas whose 2D context counts every drawing call, and which counts its data-first writes (setAttribute). */
function fakeCanvas() {
  const calls: string[] = []
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) =>
      key in target
        ? target[key]
        : (...args: unknown[]) => void calls.push(key, ...args.map(String)),
    set: (target, key: string, value) => ((target[key] = value), true),
  })
  const firstWrites: string[] = []
  const dataset: Record<string, string> = {}
  const setAttribute = (name: string, v: string) => {
    if (name === 'data-first') firstWrites.push(v)
  }
  const canvas = { width: 0, height: 0, getContext: () => ctx, dataset, setAttribute }
  return { canvas: canvas as unknown as HTMLCanvasElement, calls, firstWrites }
}

const frame = (now: number, flying: number) =>
  ({
    now,
    // message 7 from node 0 to node 1, sent at 0 and arriving at 10
    messages: Float64Array.from(
      { length: flying * MSG_STRIDE },
      (_, k) => [7, 0, 1, 0, 0, 10][k % MSG_STRIDE],
    ),
  }) as Frame

const size = { width: 100, height: 50 }
const curve = () => ({ x0: 0, y0: 0, cx: 50, cy: 0, x1: 100, y1: 0 })
const obstacles = () => ({ circles: [], rects: [] })

describe('message layer', () => {
  beforeEach(() => vi.stubGlobal('window', { devicePixelRatio: 1 }))
  afterEach(() => vi.unstubAllGlobals())

  it('does not touch a blank canvas while nothing flies', () => {
    const { canvas, calls } = fakeCanvas()
    const layer = createMessageLayer(canvas)
    for (let i = 0; i < 3; i++) layer.paint(frame(i, 0), i, size, curve, ['k'], false, obstacles)
    expect(calls).toEqual([])
  })

  it('clears once when the last message lands, then stays still', () => {
    const { canvas, calls } = fakeCanvas()
    const layer = createMessageLayer(canvas)
    layer.paint(frame(5, 1), 5, size, curve, ['k'], false, obstacles)
    expect(calls).toContain('fillRect')
    calls.length = 0
    layer.paint(frame(11, 0), 11, size, curve, ['k'], false, obstacles)
    expect(calls.filter((c) => c === 'clearRect')).toHaveLength(1)
    calls.length = 0
    layer.paint(frame(12, 0), 12, size, curve, ['k'], false, obstacles)
    expect(calls).toEqual([])
  })

  it('writes data-first only when the first message moved', () => {
    const { canvas, firstWrites } = fakeCanvas()
    const layer = createMessageLayer(canvas)
    layer.paint(frame(5, 1), 5, size, curve, ['k'], false, obstacles)
    layer.paint(frame(5, 1), 5, size, curve, ['k'], false, obstacles)
    layer.paint(frame(6, 1), 6, size, curve, ['k'], false, obstacles)
    expect(firstWrites).toEqual(['7 50.0,0.0', '7 60.0,0.0'])
  })

  it('draws messages where they are at the time it is given, between two frames', () => {
    const { canvas, firstWrites } = fakeCanvas()
    const layer = createMessageLayer(canvas)
    layer.paint(frame(5, 1), 5.5, size, curve, ['k'], false, obstacles)
    expect(firstWrites).toEqual(['7 55.0,0.0'])
    // past its arrival at 10 it has been delivered: not drawn while the next frame is awaited
    layer.paint(frame(5, 1), 10.01, size, curve, ['k'], false, obstacles)
    expect(firstWrites).toEqual(['7 55.0,0.0', ''])
  })
})
