import { describe, expect, it } from 'vitest'
import {
  flightFraction,
  gaugePath,
  gaugeRing,
  linkCurve,
  offsetArcAngle,
  pointOnCurve,
} from './geometry'

/** the gauge a node of radius r draws for an offset, as the node painter builds it */
const offsetArcPath = (offset: number, r: number) =>
  gaugePath(offsetArcAngle(offset, gaugeRing(r).outer), gaugeRing(r))
import { layoutTopology, ringTransform } from './layout'

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y)

describe('topology layout', () => {
  it('puts a single reference clock in the middle and the clients on a ring around it', () => {
    const nodes = [{ reference: true }, ...Array.from({ length: 4 }, () => ({ reference: false }))]
    const { nodes: placed, detailed } = layoutTopology(nodes, 600, 600)
    expect(placed[0]).toMatchObject({ x: 300, y: 300 })
    const radii = placed.slice(1).map((p) => dist(p, placed[0]))
    for (const r of radii) expect(r).toBeCloseTo(radii[0], 9)
    expect(detailed).toBe(true)
    // clients are spread out: no two closer than the side of the inscribed square
    for (let i = 1; i < 5; i++)
      for (let j = i + 1; j < 5; j++)
        expect(dist(placed[i], placed[j])).toBeGreaterThan(radii[0] * 1.41)
  })

  it('widens the ring into an ellipse on a map wider than tall, up to a limit', () => {
    // the falsetickers lesson on a projector: 5 reference servers, 2 clients, a 700×360 map
    const nodes = [
      ...Array.from({ length: 5 }, () => ({ reference: true })),
      ...[false, false].map((reference) => ({ reference })),
    ]
    const { nodes: placed, radius } = layoutTopology(nodes, 700, 360)
    const xs = placed.map((p) => p.x)
    const ys = placed.map((p) => p.y)
    const spanX = Math.max(...xs) - Math.min(...xs)
    const spanY = Math.max(...ys) - Math.min(...ys)
    // the two clients sit left and right, using the width a circle of the height would waste
    expect(spanX).toBeGreaterThan(1.5 * spanY)
    for (const p of placed) {
      expect(p.x - radius).toBeGreaterThanOrEqual(120 - 1e-9)
      expect(p.x + radius).toBeLessThanOrEqual(700 - 120 + 1e-9)
    }
    // never flatter than 1.7 : 1, however wide the map
    const wide = layoutTopology(
      Array.from({ length: 8 }, () => ({ reference: false })),
      3000,
      360,
    ).nodes
    const wx = wide.map((p) => p.x)
    const wy = wide.map((p) => p.y)
    expect(Math.max(...wx) - Math.min(...wx)).toBeLessThanOrEqual(
      1.7 * (Math.max(...wy) - Math.min(...wy)) * (1 + 1e-9) + 1e-9,
    )
  })

  it('keeps two, six or ten servers off the axis where two clients sit', () => {
    for (const servers of [2, 3, 5, 6]) {
      const nodes = [
        ...Array.from({ length: servers }, () => ({ reference: true })),
        { reference: false },
        { reference: false },
      ]
      const { nodes: placed, radius } = layoutTopology(nodes, 700, 420)
      for (let i = 0; i < placed.length; i++)
        for (let j = i + 1; j < placed.length; j++)
          expect(dist(placed[i], placed[j])).toBeGreaterThan(3 * radius)
    }
  })

  it('keeps every node inside the box, and drops readouts for large graphs', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({ reference: i < 3 }))
    const { nodes: placed, radius, detailed } = layoutTopology(nodes, 800, 500)
    for (const p of placed) {
      expect(p.x - radius).toBeGreaterThanOrEqual(0)
      expect(p.x + radius).toBeLessThanOrEqual(800)
      expect(p.y - radius).toBeGreaterThanOrEqual(0)
      expect(p.y + radius).toBeLessThanOrEqual(500)
    }
    expect(detailed).toBe(false)
    expect(radius).toBeLessThan(10)
  })

  it('on a phone-wide map puts readouts above and below the nodes, so the ring stays large', () => {
    const nodes = [{ reference: true }, ...Array.from({ length: 3 }, () => ({ reference: false }))]
    const { nodes: placed } = layoutTopology(nodes, 360, 420)
    // beside the nodes the readouts' 120 px each side left a ring of 40 px
    expect(dist(placed[1], placed[0])).toBeGreaterThanOrEqual(100)
    for (const p of placed) expect(p.out).toEqual({ x: 0, y: p.y < 210 ? -1 : 1 })
    // a wide map keeps them beside
    expect(layoutTopology(nodes, 700, 420).nodes[2].out.x).not.toBe(0)
  })

  it('puts peers (no reference clock) on one circle with outward label directions', () => {
    const { nodes: placed } = layoutTopology(
      [{ reference: false }, { reference: false }, { reference: false }],
      600,
      600,
    )
    for (const p of placed) {
      expect(Math.hypot(p.out.x, p.out.y)).toBeCloseTo(1, 12)
      // outward: the label direction points away from the centre
      expect((p.x - 300) * p.out.x + (p.y - 300) * p.out.y).toBeGreaterThan(0)
    }
  })

  it('carries a large map drawn at one size onto another with the ring transform', () => {
    // 4 servers inside, 196 clients round them: the mesh is drawn once, then moved
    const nodes = Array.from({ length: 200 }, (_, i) => ({ reference: i < 4 }))
    const from = layoutTopology(nodes, 1000, 557)
    const to = layoutTopology(nodes, 1180, 417)
    const m = /^matrix\((.*)\)$/.exec(ringTransform(from.ring, to.ring))!
    const [a, b, c, d, e, f] = m[1].split(', ').map(Number)
    expect([b, c]).toEqual([0, 0])
    for (let i = 0; i < nodes.length; i++) {
      const p = from.nodes[i]
      expect(a * p.x + e).toBeCloseTo(to.nodes[i].x, 3)
      expect(d * p.y + f).toBeCloseTo(to.nodes[i].y, 3)
    }
    // the same box: no change
    expect(ringTransform(from.ring, from.ring)).toBe('matrix(1, 0, 0, 1, 0, 0)')
  })
})

describe('link geometry', () => {
  const a = { x: 0, y: 0 }
  const b = { x: 100, y: 0 }

  it('draws the two directions of a pair as separate lanes, trimmed to the node rims', () => {
    const ab = linkCurve(a, b, 10)
    const ba = linkCurve(b, a, 10)
    expect(Math.sign(ab.cy)).toBe(-Math.sign(ba.cy))
    expect(dist({ x: ab.x0, y: ab.y0 }, a)).toBeCloseTo(10, 9)
    expect(dist({ x: ab.x1, y: ab.y1 }, b)).toBeCloseTo(10, 9)
    expect(pointOnCurve(ab, 0)).toEqual({ x: ab.x0, y: ab.y0 })
    expect(pointOnCurve(ab, 1)).toEqual({ x: ab.x1, y: ab.y1 })
  })

  it('places a message by true time between its send and arrival', () => {
    expect(flightFraction(1.5, 1, 2)).toBe(0.5)
    expect(flightFraction(0.5, 1, 2)).toBe(0)
    expect(flightFraction(3, 1, 2)).toBe(1)
    expect(flightFraction(1, 1, 1)).toBe(1)
  })

  it('turns the offset arc clockwise when ahead, anticlockwise when behind, on a log scale', () => {
    expect(offsetArcAngle(0)).toBe(0)
    expect(offsetArcAngle(5e-7)).toBe(0)
    expect(offsetArcAngle(1e-3)).toBeCloseTo(Math.PI / 2, 12)
    expect(offsetArcAngle(-1e-3)).toBeCloseTo(-Math.PI / 2, 12)
    expect(offsetArcAngle(50)).toBeCloseTo(Math.PI, 12)
    expect(offsetArcPath(0, 20)).toBe('')
    expect(offsetArcPath(0.01, 20)).toMatch(/^M/)
    // on a 3 px node the gauge moves in steps its end can show (half a pixel, not a degree)
    expect(offsetArcPath(1.2e-3, 3)).toBe(offsetArcPath(1.25e-3, 3))
    expect(offsetArcPath(1.2e-3, 20)).not.toBe(offsetArcPath(1.25e-3, 20))
  })
})
