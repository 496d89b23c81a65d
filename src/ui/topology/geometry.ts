import { logScale } from '../logScale'
import type { Point } from './layout'

/**
 * A directed link drawn as a quadratic Bézier in its own lane to the right of its direction, so
 * the two directions of a pair are separate lanes (they have separate latency, loss and cuts,
 * and each is its own click target) and a request and its reply never sit on top of each other.
 * Each end leaves its node's rim LANE_ANGLE to the right of the centre line; the control point
 * keeps the curve in that lane with a gentle bow. The bow is capped so the curve stays close to
 * the straight line between its ends: the middle of its bounding box is then on the curve's
 * hit area, where a pointer (or a test clicking an element's centre) lands.
 */
export interface LinkCurve {
  x0: number
  y0: number
  cx: number
  cy: number
  x1: number
  y1: number
}

const LANE_ANGLE = (25 * Math.PI) / 180
const BEND = 0.05
const MAX_BOW = 10

export function linkCurve(a: Point, b: Point, rim: number): LinkCurve {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy) || 1
  const ux = dx / len
  const uy = dy / len
  // right-hand normal of a → b in screen coordinates (y down)
  const nx = -uy
  const ny = ux
  const along = rim * Math.cos(LANE_ANGLE)
  const lane = rim * Math.sin(LANE_ANGLE)
  const bow = lane + Math.min(MAX_BOW, len * BEND)
  return {
    x0: a.x + ux * along + nx * lane,
    y0: a.y + uy * along + ny * lane,
    cx: (a.x + b.x) / 2 + nx * bow,
    cy: (a.y + b.y) / 2 + ny * bow,
    x1: b.x - ux * along + nx * lane,
    y1: b.y - uy * along + ny * lane,
  }
}

export function curvePath(c: LinkCurve): string {
  return `M${c.x0.toFixed(1)},${c.y0.toFixed(1)}Q${c.cx.toFixed(1)},${c.cy.toFixed(1)} ${c.x1.toFixed(1)},${c.y1.toFixed(1)}`
}

/** The point a fraction `f` (0 = sent, 1 = arrived) along the curve. */
export function pointOnCurve(c: LinkCurve, f: number): Point {
  const u = 1 - f
  return {
    x: u * u * c.x0 + 2 * u * f * c.cx + f * f * c.x1,
    y: u * u * c.y0 + 2 * u * f * c.cy + f * f * c.y1,
  }
}

/** The unit direction of travel a fraction `f` along the curve (its derivative, normalised). */
export function directionOnCurve(c: LinkCurve, f: number): Point {
  const x = (1 - f) * (c.cx - c.x0) + f * (c.x1 - c.cx)
  const y = (1 - f) * (c.cy - c.y0) + f * (c.y1 - c.cy)
  const len = Math.hypot(x, y) || 1
  return { x: x / len, y: y / len }
}

/** How far along its link a message is at true time `now` (clamped: frames are discrete). */
export function flightFraction(now: number, sentAt: number, arriveAt: number): number {
  if (arriveAt <= sentAt) return 1
  return Math.min(1, Math.max(0, (now - sentAt) / (arriveAt - sentAt)))
}

/**
 * The offset gauge: an arc around the node, clockwise when the clock is ahead of true time,
 * anticlockwise when behind. Offsets span decades, so the angle is logarithmic: 1 µs is no
 * turn, 1 s is half a turn.
 */
const offsetAngle = logScale([1e-6, 1], [0, Math.PI])

/**
 * Gauge angles move in steps of a degree, or of what moves the arc's end half a pixel on a
 * small node: finer is invisible, and an unchanged path is not rewritten (on the 3 px nodes of a
 * 1 000-node map, steps of a degree rewrote every arc at every readout).
 */
const angleStep = (outer: number) => Math.max(Math.PI / 180, 0.5 / outer)

export function offsetArcAngle(offset: number, outer = Infinity): number {
  const a = Math.abs(offset)
  if (a < 1e-6) return 0
  const step = angleStep(outer)
  return Math.sign(offset) * Math.round(offsetAngle(a) / step) * step
}

/** The offset gauge's ring, just outside a node of radius `r`; thinner on the tiny nodes of large graphs. */
export function gaugeRing(r: number): { inner: number; outer: number } {
  const inner = r + Math.min(3, r * 0.35)
  return { inner, outer: inner + Math.min(4, Math.max(1.5, r * 0.4)) }
}

const fix = (v: number) => +v.toFixed(2)

/**
 * The offset gauge turned by `angle` (offsetArcAngle, at most half a turn either way), as SVG
 * path commands relative to its start at 12 o'clock on the outer rim: the ring's sector,
 * clockwise for a clock ahead. The same for every node at that angle, so a large map builds
 * each once (arcLayer.ts).
 */
export function gaugeShape(angle: number, ring: { inner: number; outer: number }): string {
  const inner = fix(ring.inner)
  const outer = fix(ring.outer)
  const sin = Math.sin(angle)
  const cos = Math.cos(angle)
  const sweep = angle > 0 ? 1 : 0
  // never more than half a turn (offsetAngle's range), so never the large arc
  return (
    `a${outer},${outer},0,0,${sweep},${fix(outer * sin)},${fix(outer - outer * cos)}` +
    `l${fix((inner - outer) * sin)},${fix((outer - inner) * cos)}` +
    `a${inner},${inner},0,0,${1 - sweep},${fix(-inner * sin)},${fix(inner * cos - inner)}z`
  )
}

/** Where the gauge of a node at (x, y) starts: its outer rim at 12 o'clock (a path's `M`). */
export const gaugeStart = (x: number, y: number, ring: { outer: number }): string =>
  `M${fix(x)},${fix(y - ring.outer)}`

/** SVG path of the offset gauge turned by `angle` round (x, y); nothing at no turn. */
export const gaugePath = (
  angle: number,
  ring: { inner: number; outer: number },
  x = 0,
  y = 0,
): string => (angle === 0 ? '' : gaugeStart(x, y, ring) + gaugeShape(angle, ring))
