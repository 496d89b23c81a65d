import type { ScaleLinear } from 'd3-scale'
import { MSG, MSG_STRIDE, NODE, NODE_STRIDE, type Frame } from '../../worker/wire'
import {
  ARROW_STRIDE,
  A_END,
  A_FROM,
  A_KIND,
  A_OUTCOME,
  A_SENT,
  A_TO,
  type SpacetimeMark,
} from '../../worker/timelineWire'
import { laneSegments, laneShown, localTicks } from './geometry'
import { COLOURS, DROP_CROSS, markGlyph, networkLineColour, type Glyph } from './glyphs'
import type { SpacetimeWindow } from './spacetimeData'

/**
 * Draws the space-time diagram on a canvas: thousands of arrows per view are normal in a
 * Multi-Paxos run, which SVG would make a DOM node each. Arrows are batched by colour into one
 * path per kind (one stroke call each), culled to the view, and a drop whose message never left
 * its sender is a short stub pointing at the receiver, so it can still be seen and hovered.
 */
export interface PaintInput {
  ctx: CanvasRenderingContext2D
  width: number
  height: number
  x: ScaleLinear<number, number>
  laneY: readonly number[]
  data: SpacetimeWindow
  frame: Frame | null
  /** colour of each kind of the window's kind table */
  windowColours: readonly string[]
  /** colour of each kind of the frames' kind table */
  frameColours: readonly string[]
  /** local clock ticks every `tickStep` seconds, or none */
  tickStep: number | null
  /** grid lines at these true times */
  gridTicks: readonly number[]
  highlight: number | null
}

export interface PaintCounts {
  arrows: number
  drops: number
  inFlight: number
  marks: number
}

/** How far a drop at send reaches towards the receiver (fraction of the lane gap, and px right). */
const STUB_FRACTION = 0.35
const STUB_DX = 10
/** How much of an arrow to or from a node outside the lane window is drawn (px). */
const OUT_REACH = 12

/** The point OUT_REACH px from (ax, ay) towards (bx, by). */
function outReach(ax: number, ay: number, bx: number, by: number): [number, number] {
  const f = OUT_REACH / (Math.hypot(bx - ax, by - ay) || 1)
  return [ax + (bx - ax) * f, ay + (by - ay) * f]
}

const glyphCache = new Map<string, { fill?: Path2D; stroke?: Path2D }>()
function paths(g: Glyph): { fill?: Path2D; stroke?: Path2D } {
  const key = `${g.fill?.d}|${g.stroke?.d}`
  let p = glyphCache.get(key)
  if (!p) {
    p = {
      fill: g.fill ? new Path2D(g.fill.d) : undefined,
      stroke: g.stroke ? new Path2D(g.stroke.d) : undefined,
    }
    glyphCache.set(key, p)
  }
  return p
}

function drawGlyph(ctx: CanvasRenderingContext2D, g: Glyph, x: number, y: number): void {
  const p = paths(g)
  ctx.save()
  ctx.translate(x, y)
  if (g.fill && p.fill) {
    ctx.fillStyle = g.fill.colour
    ctx.fill(p.fill)
  }
  if (g.stroke && p.stroke) {
    ctx.strokeStyle = g.stroke.colour
    ctx.lineWidth = g.stroke.width
    ctx.lineCap = 'round'
    ctx.stroke(p.stroke)
  }
  ctx.restore()
}

/** Where an arrow is drawn: from (x0, y0) to (x1, y1). */
export function arrowEnds(
  arrows: Float64Array,
  o: number,
  x: (t: number) => number,
  laneY: readonly number[],
): [number, number, number, number] {
  const x0 = x(arrows[o + A_SENT])
  const y0 = laneY[arrows[o + A_FROM]]
  const y1 = laneY[arrows[o + A_TO]]
  if (arrows[o + A_OUTCOME] !== 0 && arrows[o + A_END] === arrows[o + A_SENT])
    return [x0, y0, x0 + STUB_DX, y0 + (y1 - y0) * STUB_FRACTION]
  return [x0, y0, x(arrows[o + A_END]), y1]
}

/** Arrowhead: 6 px long, ±0.4 rad, from the unit direction (no trigonometry per arrow). */
const HEAD_COS = 6 * Math.cos(0.4)
const HEAD_SIN = 6 * Math.sin(0.4)

function arrowHead(path: Path2D, x0: number, y0: number, x1: number, y1: number): void {
  const dx = x1 - x0
  const dy = y1 - y0
  const len = Math.hypot(dx, dy) || 1
  const ux = dx / len
  const uy = dy / len
  path.moveTo(x1, y1)
  path.lineTo(x1 - HEAD_COS * ux + HEAD_SIN * uy, y1 - HEAD_COS * uy - HEAD_SIN * ux)
  path.lineTo(x1 - HEAD_COS * ux - HEAD_SIN * uy, y1 - HEAD_COS * uy + HEAD_SIN * ux)
  // (filling closes the triangle; an explicit closePath showed up in profiles)
}

/** The drop cross (glyphs.ts DROP_CROSS) added to a shared path at (x, y). */
function cross(path: Path2D, x: number, y: number): void {
  path.moveTo(x - 4, y - 4)
  path.lineTo(x + 4, y + 4)
  path.moveTo(x + 4, y - 4)
  path.lineTo(x - 4, y + 4)
}

const LANE_DASH: Record<number, number[]> = { 0: [], 1: [5, 4], 2: [2, 3] }
const LANE_COLOUR: Record<number, string> = {
  0: COLOURS.lane,
  1: COLOURS.crashed,
  2: COLOURS.paused,
}

export function paintSpacetime(p: PaintInput): PaintCounts {
  const { ctx, width, height, x, laneY, data } = p
  const [from, to] = x.domain()
  const [left, right] = x.range()
  const counts: PaintCounts = { arrows: 0, drops: 0, inFlight: 0, marks: 0 }
  ctx.clearRect(0, 0, width, height)
  ctx.save()
  ctx.beginPath()
  ctx.rect(left, 0, right - left, height)
  ctx.clip()

  // what lies before the kept window is not known to the diagram: shade it
  if (data.windowStart > from) {
    ctx.fillStyle = COLOURS.outside
    ctx.fillRect(left, 0, Math.min(right, x(data.windowStart)) - left, height)
  }
  ctx.strokeStyle = COLOURS.grid
  ctx.lineWidth = 1
  ctx.beginPath()
  for (const g of p.gridTicks) {
    const gx = Math.round(x(g)) + 0.5
    ctx.moveTo(gx, 0)
    ctx.lineTo(gx, height)
  }
  ctx.stroke()

  const now = p.frame?.now ?? data.now
  // lanes, broken while a node is crashed or paused
  ctx.lineWidth = 2
  for (let i = 0; i < laneY.length; i++) {
    // a large run shows a window of its lanes (geometry.ts LANE_LIMIT)
    if (!laneShown(laneY[i], height)) continue
    const segs = laneSegments(
      data.statusAtStart[i] ?? 0,
      data.marks,
      i,
      Math.max(from, data.windowStart),
      Math.min(to, now),
    )
    for (const s of segs) {
      ctx.strokeStyle = LANE_COLOUR[s.status] ?? COLOURS.lane
      ctx.setLineDash(LANE_DASH[s.status] ?? [])
      ctx.beginPath()
      ctx.moveTo(x(s.from), laneY[i])
      ctx.lineTo(x(s.to), laneY[i])
      ctx.stroke()
    }
  }
  ctx.setLineDash([])

  if (p.tickStep) paintLocalTicks(p, from, to, now)
  counts.marks = paintNetworkMarks(p, from, to)

  // completed messages, one path per kind. The hot loop of the diagram (thousands of arrows in
  // a busy view, every frame while following): the scale is applied as a*t + b, and nothing
  // is allocated per arrow.
  const lines = p.windowColours.map(() => new Path2D())
  const heads = p.windowColours.map(() => new Path2D())
  const crosses = new Path2D()
  const stubs = new Set<number>()
  const a = data.arrows
  const scaleA = (right - left) / (to - from)
  const scaleB = left - from * scaleA
  for (let j = data.first; j < data.first + data.count; j++) {
    const o = j * ARROW_STRIDE
    const t0 = a[o + A_SENT]
    const t1 = a[o + A_END]
    if (t1 < from || t0 > to) continue
    const y0 = laneY[a[o + A_FROM]]
    let y1 = laneY[a[o + A_TO]]
    // between two nodes not shown
    const shown0 = laneShown(y0, height)
    const shown1 = laneShown(y1, height)
    if (!shown0 && !shown1) continue
    const x0 = t0 * scaleA + scaleB
    let x1: number
    const k = a[o + A_KIND]
    const dropped = a[o + A_OUTCOME] !== 0
    if (dropped && t1 === t0) {
      // dropped as it was sent: a stub towards the receiver (see arrowEnds)
      x1 = x0 + STUB_DX
      y1 = y0 + (y1 - y0) * STUB_FRACTION
    } else x1 = t1 * scaleA + scaleB
    if (!shown0 || !shown1) {
      // to or from a node not shown: only the first OUT_REACH px from the shown end, no head
      // (thousands of lines across the plot to the edge cost seconds of raster at 1 000 nodes)
      // Many land on the same pixels (a server's lane meets every client): each pixel-rounded
      // stub is drawn once.
      const [sx, sy, ex, ey] = shown0 ? [x0, y0, x1, y1] : [x1, y1, x0, y0]
      const [rx, ry] = outReach(sx, sy, ex, ey)
      const px = Math.round(sx)
      const py = Math.round(sy)
      const dx = Math.round(rx - sx)
      const dy = Math.round(ry - sy)
      counts.arrows++
      // |dx|, |dy| ≤ OUT_REACH < 50, px and py < 10 000: a unique number per stub
      const key = k * 1e12 + px * 1e8 + py * 1e4 + (dx + 50) * 100 + (dy + 50)
      if (stubs.has(key)) continue
      stubs.add(key)
      lines[k].moveTo(px, py)
      lines[k].lineTo(px + dx, py + dy)
      continue
    }
    lines[k].moveTo(x0, y0)
    lines[k].lineTo(x1, y1)
    if (dropped) {
      cross(crosses, x1, y1)
      counts.drops++
    } else arrowHead(heads[k], x0, y0, x1, y1)
    counts.arrows++
  }
  ctx.lineWidth = 1.4
  lines.forEach((path, k) => {
    ctx.strokeStyle = p.windowColours[k]
    ctx.stroke(path)
    ctx.fillStyle = p.windowColours[k]
    ctx.fill(heads[k])
  })
  ctx.strokeStyle = DROP_CROSS.stroke!.colour
  ctx.lineWidth = DROP_CROSS.stroke!.width
  ctx.lineCap = 'round'
  ctx.stroke(crosses)
  ctx.lineCap = 'butt'

  // messages on their way: dashed from the send to where they are now, one path per kind
  if (p.frame) {
    const m = p.frame.messages
    // by colour: a kind the frames' table does not know yet is drawn in the lane's colour
    const paths = new Map<string, { dashes: Path2D; dots: Path2D }>()
    for (let o = 0; o < m.length; o += MSG_STRIDE) {
      const sentAt = m[o + MSG.sentAt]
      const arriveAt = m[o + MSG.arriveAt]
      if (now < from || sentAt > to) continue
      const y0 = laneY[m[o + MSG.from]]
      const y1 = laneY[m[o + MSG.to]]
      const shown0 = laneShown(y0, height)
      const shown1 = laneShown(y1, height)
      if (!shown0 && !shown1) continue
      const colour = p.frameColours[m[o + MSG.kind]] ?? COLOURS.lane
      let path = paths.get(colour)
      if (!path) paths.set(colour, (path = { dashes: new Path2D(), dots: new Path2D() }))
      const { dashes, dots } = path
      const f = arriveAt > sentAt ? Math.min(1, (now - sentAt) / (arriveAt - sentAt)) : 1
      const x0 = x(sentAt)
      const x1 = x(arriveAt)
      let px = x0 + (x1 - x0) * f
      let py = y0 + (y1 - y0) * f
      counts.inFlight++
      if (!shown1) {
        // to a node not shown: its first OUT_REACH px (and the dot while it is that close)
        if (Math.hypot(px - x0, py - y0) > OUT_REACH) [px, py] = outReach(x0, y0, px, py)
        else {
          dots.moveTo(px + 2.5, py)
          dots.arc(px, py, 2.5, 0, 2 * Math.PI)
        }
      } else if (!shown0) {
        // from a node not shown: a short dash at the receiver, pointing where it comes from
        dashes.moveTo(x1, y1)
        dashes.lineTo(...outReach(x1, y1, x0, y0))
        continue
      } else {
        dots.moveTo(px + 2.5, py)
        dots.arc(px, py, 2.5, 0, 2 * Math.PI)
      }
      dashes.moveTo(x0, y0)
      dashes.lineTo(px, py)
    }
    ctx.setLineDash([4, 3])
    ctx.lineWidth = 1.4
    for (const [colour, { dashes, dots }] of paths) {
      ctx.strokeStyle = colour
      ctx.stroke(dashes)
      ctx.fillStyle = colour
      ctx.fill(dots)
    }
    ctx.setLineDash([])
  }

  counts.marks += paintNodeMarks(p, from, to)

  // the present moment
  if (now >= from && now <= to) {
    const nx = Math.round(x(now)) + 0.5
    ctx.strokeStyle = COLOURS.now
    ctx.lineWidth = 1
    ctx.setLineDash([2, 3])
    ctx.beginPath()
    ctx.moveTo(nx, 0)
    ctx.lineTo(nx, height)
    ctx.stroke()
    ctx.setLineDash([])
  }
  ctx.restore()

  // The highlight in a clip a ring wider than the plot: an arrow at its edge (a Step at t ≈ 0)
  // keeps its whole halo and rings.
  if (p.highlight !== null) {
    const o = p.highlight * ARROW_STRIDE
    ctx.save()
    ctx.beginPath()
    ctx.rect(left - RING_REACH, 0, right - left + 2 * RING_REACH, height)
    ctx.clip()
    paintHighlight(ctx, arrowEnds(a, o, x, laneY), p.windowColours[a[o + A_KIND]])
    ctx.restore()
  }
  return counts
}

/** The highlight's halo: the amber the map lights the stepped link with (workspace.css). */
export const HIGHLIGHT = { halo: 'rgba(245, 158, 11, 0.45)', ring: '#d97706' } as const
const RING = 7
/** how far a ring reaches past its arrow's end */
const RING_REACH = RING + 2

/**
 * The highlighted arrow (the event Step ran, or the one hovered). An arrow lasts a millisecond
 * or so: at a 20 s span it is a near-vertical hairline whatever its width, so it gets a wide
 * amber halo and a ring at both ends — its send and its receipt — which read at any span.
 */
export function paintHighlight(
  ctx: CanvasRenderingContext2D,
  [x0, y0, x1, y1]: readonly [number, number, number, number],
  colour: string,
): void {
  ctx.save()
  ctx.lineCap = 'round'
  ctx.strokeStyle = HIGHLIGHT.halo
  ctx.lineWidth = 12
  ctx.beginPath()
  ctx.moveTo(x0, y0)
  ctx.lineTo(x1, y1)
  ctx.stroke()
  ctx.strokeStyle = colour
  ctx.lineWidth = 3.5
  ctx.beginPath()
  ctx.moveTo(x0, y0)
  ctx.lineTo(x1, y1)
  ctx.stroke()
  ctx.strokeStyle = HIGHLIGHT.ring
  ctx.fillStyle = colour
  ctx.lineWidth = 2.5
  for (const [ex, ey] of [
    [x0, y0],
    [x1, y1],
  ]) {
    ctx.beginPath()
    ctx.arc(ex, ey, RING, 0, 2 * Math.PI)
    ctx.stroke()
    ctx.beginPath()
    ctx.arc(ex, ey, 3, 0, 2 * Math.PI)
    ctx.fill()
  }
  ctx.restore()
}

/** Small ticks above each lane where that node's own clock reads a multiple of the step. */
function paintLocalTicks(p: PaintInput, from: number, to: number, now: number): void {
  const { ctx, x, laneY, data, frame, height } = p
  const step = p.tickStep!
  const decimals = stepDecimals(step)
  ctx.strokeStyle = COLOURS.local
  ctx.fillStyle = COLOURS.local
  ctx.lineWidth = 1.2
  ctx.font = "10px 'DejaVu Sans Mono', 'Liberation Mono', monospace"
  ctx.textAlign = 'center'
  for (let i = 0; i < laneY.length; i++) {
    if (!laneShown(laneY[i], height)) continue
    const tail = frame ? { t: now, local: frame.nodes[i * NODE_STRIDE + NODE.local] } : undefined
    const ticks = localTicks(data.samples[i] ?? [], from, to, step, tail)
    const y = laneY[i]
    ctx.beginPath()
    let lastLabel = -Infinity
    for (const t of ticks) {
      const tx = x(t)
      ctx.moveTo(tx, y - 9)
      ctx.lineTo(tx, y - 2)
      if (tx - lastLabel > 64) {
        // the reading at this tick is a multiple of the step: recover it from the samples' line
        const k = Math.round(localAt(data.samples[i], t, tail) / step)
        ctx.fillText((k * step).toFixed(decimals), tx, y - 11)
        lastLabel = tx
      }
    }
    ctx.stroke()
  }
}

/** Decimals that show every multiple of `step` exactly (0.05 → 2, 0.025 → 3, 2 → 0). */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 12; d++) {
    const scaled = step * 10 ** d
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * scaled) return d
  }
  return 12
}

/** The local reading at true time t, interpolated from samples (for tick labels). */
function localAt(
  s: readonly number[] | undefined,
  t: number,
  tail?: { t: number; local: number },
): number {
  const xs = s ?? []
  let k = 0
  while (k + 2 < xs.length && xs[k + 2] <= t) k += 2
  const t0 = xs[k]
  const l0 = xs[k + 1]
  const next = k + 2 < xs.length ? [xs[k + 2], xs[k + 3]] : tail ? [tail.t, tail.local] : null
  if (t0 === undefined) return tail ? tail.local - (tail.t - t) : t
  if (!next || next[0] <= t0) return l0 + (t - t0)
  return l0 + ((t - t0) * (next[1] - l0)) / (next[0] - t0)
}

function paintNetworkMarks(p: PaintInput, from: number, to: number): number {
  const { ctx, x, laneY, height } = p
  let n = 0
  ctx.setLineDash([6, 4])
  ctx.lineWidth = 1.5
  for (const m of p.data.marks) {
    if (m.t < from || m.t > to) continue
    const colour = networkLineColour(m.kind)
    if (!colour) continue
    const mx = Math.round(x(m.t)) + 0.5
    const [y0, y1] = networkSpan(m, laneY, height)
    ctx.strokeStyle = colour
    ctx.beginPath()
    ctx.moveTo(mx, y0)
    ctx.lineTo(mx, y1)
    ctx.stroke()
    n++
  }
  ctx.setLineDash([])
  return n
}

/** The vertical reach of a network-wide mark: between the two lanes of a link, else all lanes. */
export function networkSpan(
  m: SpacetimeMark,
  laneY: readonly number[],
  height: number,
): [number, number] {
  if (m.node !== undefined && m.to !== undefined) {
    const a = laneY[m.node]
    const b = laneY[m.to]
    return [Math.min(a, b), Math.max(a, b)]
  }
  return [4, height - 4]
}

function paintNodeMarks(p: PaintInput, from: number, to: number): number {
  let n = 0
  for (const m of p.data.marks) {
    if (m.t < from || m.t > to) continue
    const g = markGlyph(m.kind, m.value, m.protocol)
    if (!g) continue
    for (const node of markNodes(m)) {
      if (!laneShown(p.laneY[node], p.height)) continue
      drawGlyph(p.ctx, g, p.x(m.t), p.laneY[node])
      n++
    }
  }
  return n
}

/** The lanes a node mark sits on. */
export function markNodes(m: SpacetimeMark): number[] {
  if (m.nodes) return m.nodes
  return m.node !== undefined && m.to === undefined ? [m.node] : []
}
