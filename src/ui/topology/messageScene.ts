import { MSG, MSG_STRIDE } from '../../worker/wire'
import { fitCanvas, type Canvas2D } from '../fitCanvas'
import { directionOnCurve, flightFraction, linkCurve, type LinkCurve } from './geometry'
import { placeFlightLabels, type FlightLabel, type MapObstacles } from './flightLabels'
import { LABEL_LIMIT, place } from './flight'
import type { Point } from './layout'

/**
 * What the message canvas shows, and the drawing of it (docs/ui-layers.md, message layer). Pure:
 * no DOM, no stores, so it runs in the paint worker (messagePaint.worker.ts) as well as on the
 * page where a browser cannot hand a canvas to a worker (messageLayer.ts). The page sends it
 * updates (`SceneUpdate`); `draw` paints the messages in flight where the run is at that moment.
 */

/** How a message kind is drawn: its colour, and its phase name (already translated) if any. */
export interface KindStyle {
  colour: string
  label: string | null
}

/** The newest frame's messages in flight and how to run its time on between frames. */
export interface Flight {
  /** `Frame.messages`: MSG_STRIDE numbers per message */
  messages: Float64Array
  /** the frame's simulated time */
  now: number
  /** simulated seconds per wall second while it plays (0: paused) */
  rate: number
  /** when the page received the frame, wall ms since the epoch (performance.timeOrigin based) */
  receivedAt: number
}

export type SceneUpdate =
  | { type: 'size'; width: number; height: number; dpr: number }
  | { type: 'layout'; nodes: readonly Point[]; radius: number; detailed: boolean }
  | { type: 'kinds'; styles: readonly KindStyle[] }
  | { type: 'obstacles'; obstacles: MapObstacles }
  | { type: 'flight'; flight: Flight }
  | { type: 'clear' }

/** Longest the dots run on past the newest frame (a late frame, a busy worker). */
const MAX_LIVE_S = 0.1

const BUSY_LINK = '#64748b'
const LABEL_FONT = '600 11px system-ui, sans-serif'
const LABEL_HEIGHT = 14
const LABEL_PAD = 2

/** The simulated time `at` (wall ms since the epoch): the frame's, run on at its rate. */
export const flightTime = (f: Flight, at: number): number =>
  f.now + f.rate * Math.min(MAX_LIVE_S, Math.max(0, (at - f.receivedAt) / 1000))

export function createMessageScene() {
  let size = { width: 0, height: 0, dpr: 1 }
  let nodes: readonly Point[] = []
  let radius = 0
  let detailed = true
  let curves = new Map<number, LinkCurve>()
  let styles: readonly KindStyle[] = []
  let obstacles: MapObstacles = { circles: [], rects: [] }
  let flight: Flight | null = null
  /** messages on the canvas now: a blank canvas with nothing to draw is left alone */
  let drawn = 0

  const curveOf = (from: number, to: number): LinkCurve | null => {
    if (from === to || !nodes[from] || !nodes[to]) return null
    const key = from * nodes.length + to
    let c = curves.get(key)
    if (!c) curves.set(key, (c = linkCurve(nodes[from], nodes[to], radius + 2)))
    return c
  }

  return {
    apply(u: SceneUpdate): void {
      if (u.type === 'size') size = u
      else if (u.type === 'layout') {
        ;({ nodes, radius, detailed } = u)
        curves = new Map()
      } else if (u.type === 'kinds') styles = u.styles
      else if (u.type === 'obstacles') obstacles = u.obstacles
      else if (u.type === 'flight') flight = u.flight
      else flight = null
    },

    /**
     * Paint the messages where they are at wall time `at` (ms since the epoch). Returns whether
     * they move on at the next display refresh (the run plays and the newest frame is recent).
     */
    draw(canvas: Canvas2D['canvas'], ctx: Canvas2D['ctx'], at: number): boolean {
      const m = flight?.messages ?? new Float64Array(0)
      const count = m.length / MSG_STRIDE
      if (count === 0 && drawn === 0) return false
      drawn = count
      fitCanvas(canvas, ctx, size.width, size.height, size.dpr)
      ctx.clearRect(0, 0, size.width, size.height)
      if (!flight || count === 0) return false
      const now = flightTime(flight, at)
      // level of detail: big dots with a white rim while few fly, points when thousands do
      const r = detailed ? 6 : count > 500 ? 2 : 3
      // positions once, grouped by kind (one fill per colour)
      const xs = new Float32Array(count)
      const ys = new Float32Array(count)
      const byKind = new Map<number, number[]>()
      if (detailed) ctx.beginPath()
      for (let j = 0; j < count; j++) {
        const o = j * MSG_STRIDE
        const curve = curveOf(m[o + MSG.from], m[o + MSG.to])
        // past its arrival (between two frames, `now` runs on): delivered, not drawn
        const p = place(m, o, now, curve)
        if (!p) continue
        xs[j] = p.x
        ys[j] = p.y
        const kind = m[o + MSG.kind]
        let list = byKind.get(kind)
        if (!list) byKind.set(kind, (list = []))
        list.push(j)
        if (detailed) {
          ctx.moveTo(curve!.x0, curve!.y0)
          ctx.quadraticCurveTo(curve!.cx, curve!.cy, curve!.x1, curve!.y1)
        }
      }
      if (detailed) {
        // the links carrying something, drawn over the SVG's pale ones
        ctx.strokeStyle = BUSY_LINK
        ctx.lineWidth = 1.5
        ctx.stroke()
      }
      ctx.lineWidth = 1.5
      ctx.strokeStyle = '#fff'
      for (const [kind, list] of byKind) {
        ctx.fillStyle = styles[kind]?.colour ?? BUSY_LINK
        if (!detailed) {
          // points: squares cost a fraction of arcs to rasterise, and thousands can fly
          for (const j of list) ctx.fillRect(xs[j] - r, ys[j] - r, 2 * r, 2 * r)
          continue
        }
        ctx.beginPath()
        for (const j of list) {
          ctx.moveTo(xs[j] + r, ys[j])
          ctx.arc(xs[j], ys[j], r, 0, 2 * Math.PI)
        }
        ctx.fill()
        ctx.stroke()
      }
      if (detailed && count <= LABEL_LIMIT) drawLabels(ctx, byKind, xs, ys, now)
      return flight.rate > 0 && at - flight.receivedAt < MAX_LIVE_S * 1000
    },
  }

  /** Phase names beside their dots, clear of nodes, readouts, map marks and each other. */
  function drawLabels(
    ctx: Canvas2D['ctx'],
    byKind: Map<number, number[]>,
    xs: Float32Array,
    ys: Float32Array,
    now: number,
  ): void {
    const m = flight!.messages
    ctx.font = LABEL_FONT
    const texts: { text: string; colour: string }[] = []
    const labels: FlightLabel[] = []
    for (const [kind, list] of byKind) {
      const style = styles[kind]
      if (!style?.label) continue
      const width = ctx.measureText(style.label).width + 2 * LABEL_PAD
      for (const j of list) {
        const o = j * MSG_STRIDE
        const curve = curveOf(m[o + MSG.from], m[o + MSG.to])!
        const d = directionOnCurve(
          curve,
          flightFraction(now, m[o + MSG.sentAt], m[o + MSG.arriveAt]),
        )
        labels.push({ x: xs[j], y: ys[j], dx: d.x, dy: d.y, width, height: LABEL_HEIGHT })
        texts.push({ text: style.label, colour: style.colour })
      }
    }
    if (labels.length === 0) return
    const bounds = { x: 0, y: 0, width: size.width, height: size.height }
    const boxes = placeFlightLabels(labels, obstacles, bounds)
    ctx.lineJoin = 'round'
    ctx.lineWidth = 3
    ctx.textBaseline = 'middle'
    boxes.forEach((b, i) => {
      if (!b) return
      const x = b.x + LABEL_PAD
      const y = b.y + b.height / 2
      ctx.fillStyle = texts[i].colour
      ctx.strokeText(texts[i].text, x, y)
      ctx.fillText(texts[i].text, x, y)
    })
  }
}

/** Wall ms since the epoch: the same clock on the page and in a worker (receivedAt's). */
const wallNow = (): number => performance.timeOrigin + performance.now()

/**
 * Draw a scene on a canvas at display refreshes while its messages move: once after each
 * update, then again at every refresh `draw` asks for. Used by the paint worker and by the
 * page's fallback alike.
 */
export function createSceneHost(
  canvas: Canvas2D['canvas'],
  ctx: Canvas2D['ctx'],
  nextRefresh: (paint: () => void) => void,
): { apply(u: SceneUpdate): void } {
  const scene = createMessageScene()
  let scheduled = false
  const paint = () => {
    scheduled = false
    if (scene.draw(canvas, ctx, wallNow())) schedule()
  }
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    nextRefresh(paint)
  }
  return {
    apply(u) {
      scene.apply(u)
      schedule()
    },
  }
}
