import { describe, expect, it } from 'vitest'
import { hitsCircle, overlaps, type Rect } from '../workspace/labelPlacement'
import { FLIGHT_GAP, placeFlightLabels, type FlightLabel } from './flightLabels'

const map: Rect = { x: 0, y: 0, width: 600, height: 400 }
const none = { circles: [], rects: [] }
/** a "Heartbeat"-sized label on a dot travelling right */
const label = (x: number, y: number, dx = 1, dy = 0): FlightLabel => ({
  x,
  y,
  dx,
  dy,
  width: 62,
  height: 14,
})
const centre = (b: Rect) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })

describe('labels of messages in flight', () => {
  it('sit beside the dot, across the path: above a rightward flight, left of a downward one', () => {
    const [right, down] = placeFlightLabels([label(300, 200), label(100, 100, 0, 1)], none, map)
    expect(right!.y + right!.height).toBeCloseTo(200 - FLIGHT_GAP)
    expect(centre(right!).x).toBeCloseTo(300)
    expect(down!.x).toBeCloseTo(100 + FLIGHT_GAP)
    expect(centre(down!).y).toBeCloseTo(100)
  })

  it('take the other side when a node is on the first, and are left out when both are covered', () => {
    // n2 just above the path (the heartbeat over n2 in the atomic-commit lesson)
    const n2 = { x: 300, y: 175, r: 34 }
    const [b] = placeFlightLabels([label(300, 200)], { circles: [n2], rects: [] }, map)
    expect(b!.y).toBeCloseTo(200 + FLIGHT_GAP)
    expect(hitsCircle(b!, n2)).toBe(false)
    const readout = { x: 250, y: 205, width: 120, height: 40 }
    expect(placeFlightLabels([label(300, 200)], { circles: [n2], rects: [readout] }, map)).toEqual([
      null,
    ])
  })

  it('stay inside the map and off each other', () => {
    // at the top edge the label goes below; two dots side by side do not share a place
    const [top] = placeFlightLabels([label(300, 5)], none, map)
    expect(top!.y).toBeGreaterThan(5)
    const [a, b] = placeFlightLabels([label(300, 200), label(310, 200)], none, map)
    expect(overlaps(a!, b!)).toBe(false)
  })

  it('never cover a node or a readout, wherever the dots are (a sweep over a ring of nodes)', () => {
    const circles = Array.from({ length: 6 }, (_, i) => {
      const a = (i * Math.PI) / 3
      return { x: 300 + 150 * Math.cos(a), y: 200 + 150 * Math.sin(a), r: 34 }
    })
    const rects = circles.map((c) => ({ x: c.x + 30, y: c.y - 10, width: 110, height: 32 }))
    const labels: FlightLabel[] = []
    for (let x = 20; x < 600; x += 37)
      for (let y = 20; y < 400; y += 29) {
        const a = x * 0.07 + y * 0.13
        labels.push(label(x, y, Math.cos(a), Math.sin(a)))
      }
    const boxes = placeFlightLabels(labels, { circles, rects }, map)
    const placed = boxes.filter((b): b is Rect => b !== null)
    expect(placed.length).toBeGreaterThan(20)
    for (const b of placed) {
      for (const c of circles) expect(hitsCircle(b, c)).toBe(false)
      for (const r of rects) expect(overlaps(b, r)).toBe(false)
      expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= 600 && b.y + b.height <= 400).toBe(true)
    }
    placed.forEach((b, i) => placed.slice(i + 1).forEach((o) => expect(overlaps(b, o)).toBe(false)))
  })
})
