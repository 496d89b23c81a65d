import { describe, expect, it } from 'vitest'
import { placeLabels, type Circle, type Rect } from './labelPlacement'

const bounds: Rect = { x: 0, y: 0, width: 400, height: 300 }
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const hits = (a: Rect, c: Circle) => {
  const nx = Math.max(a.x, Math.min(c.x, a.x + a.width))
  const ny = Math.max(a.y, Math.min(c.y, a.y + a.height))
  return Math.hypot(nx - c.x, ny - c.y) < c.r
}

describe('map label placement', () => {
  it('puts a lone label under its node, clear of it', () => {
    const node = { x: 200, y: 100, r: 20 }
    const [b] = placeLabels(
      [{ x: 200, y: 100, gap: 22, width: 80, height: 16 }],
      { rects: [], circles: [node] },
      bounds,
    )
    expect(b.y).toBeGreaterThanOrEqual(122)
    expect(b.x + b.width / 2).toBeCloseTo(200)
    expect(hits(b, node)).toBe(false)
  })

  it('never lets labels cover each other, a node or a readout, and keeps them on the map', () => {
    const circles: Circle[] = [
      { x: 200, y: 150, r: 24 },
      { x: 200, y: 210, r: 24 },
      { x: 140, y: 150, r: 24 },
      { x: 380, y: 20, r: 24 },
    ]
    const readout: Rect = { x: 160, y: 176, width: 80, height: 10 }
    const requests = [...circles, ...circles].map((c) => ({
      x: c.x,
      y: c.y,
      gap: c.r + 2,
      width: 90,
      height: 16,
    }))
    const boxes = placeLabels(requests, { rects: [readout], circles }, bounds)
    expect(boxes).toHaveLength(8)
    boxes.forEach((b, i) => {
      expect(b.x).toBeGreaterThanOrEqual(0)
      expect(b.y).toBeGreaterThanOrEqual(0)
      expect(b.x + b.width).toBeLessThanOrEqual(400)
      expect(b.y + b.height).toBeLessThanOrEqual(300)
      expect(overlap(b, readout), `label ${i} on the readout`).toBe(false)
      for (const c of circles) expect(hits(b, c), `label ${i} on a node`).toBe(false)
      boxes.slice(0, i).forEach((o, k) => expect(overlap(b, o), `labels ${k} and ${i}`).toBe(false))
    })
  })
})
