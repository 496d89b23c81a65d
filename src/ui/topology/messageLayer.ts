import { MSG, MSG_STRIDE, type Frame } from '../../worker/wire'
import { phaseOf } from '../consensus/phases'
import { writeAttr } from '../domWrites'
import { fitCanvas } from '../fitCanvas'
import { t } from '../i18n'
import { categoricalColour } from '../palette'
import { directionOnCurve, flightFraction, type LinkCurve } from './geometry'
import { placeFlightLabels, type FlightLabel, type MapObstacles } from './flightLabels'

/** A message's colour: a Paxos phase keeps its own colour (consensus/phases.ts), others go by order. */
export const messageColour = (kinds: readonly string[], kind: number): string =>
  phaseOf(kinds[kind] ?? '')?.colour ?? categoricalColour(kind)

/** Phase names ride beside the dots only while few messages fly; beyond that they are noise. */
const LABEL_LIMIT = 12

const BUSY_LINK = '#64748b'
const LABEL_FONT = '600 11px system-ui, sans-serif'
const LABEL_HEIGHT = 14
const LABEL_PAD = 2

/**
 * Messages in flight, on a canvas above the map's SVG (docs/ui-layers.md, message layer): the
 * one part of the map whose set changes every frame, so it has no DOM per message and the
 * static links and nodes under it are never repainted because a dot moved. Each frame draws one
 * path per colour (all dots of a kind at once), the links that carry a message in a darker
 * stroke (small graphs), and the phase names while few messages fly — beside their dots and
 * clear of nodes, readouts and map marks (flightLabels.ts). Each dot sits where true time puts
 * it between its send and arrival.
 *
 * The canvas carries what tests and tools can read instead of per-message elements:
 * `data-count` (messages drawn) and `data-first` ("id x,y" of the first one).
 */
export function createMessageLayer(canvas: HTMLCanvasElement) {
  const ctx = canvas.getContext('2d')
  let drawn = 0

  return {
    paint(
      frame: Frame,
      /** the simulated time to draw at (frameLoop.ts `liveNow`) */
      now: number,
      size: { width: number; height: number },
      curveOf: (from: number, to: number) => LinkCurve | null,
      kinds: readonly string[],
      detailed: boolean,
      /** what labels keep clear of (asked only while labels are drawn) */
      obstacles: () => MapObstacles,
    ) {
      if (!ctx) return
      const m = frame.messages
      const count = m.length / MSG_STRIDE
      // a blank canvas with nothing to draw stays as it is: a redrawn canvas costs a commit
      if (count === 0 && drawn === 0) return
      fitCanvas(canvas, ctx, size.width, size.height)
      ctx.clearRect(0, 0, size.width, size.height)
      // level of detail: big dots with a white rim while few fly, points when thousands do
      const r = detailed ? 6 : count > 500 ? 2 : 3
      // positions once, grouped by kind (one fill per colour)
      const xs = new Float32Array(count)
      const ys = new Float32Array(count)
      const byKind = new Map<number, number[]>()
      let first = ''
      if (detailed) ctx.beginPath()
      for (let j = 0; j < count; j++) {
        const o = j * MSG_STRIDE
        const curve = curveOf(m[o + MSG.from], m[o + MSG.to])
        // past its arrival (between two frames, `now` runs on): delivered, not drawn
        if (!curve || now > m[o + MSG.arriveAt]) {
          xs[j] = NaN
          continue
        }
        const f = flightFraction(now, m[o + MSG.sentAt], m[o + MSG.arriveAt])
        const u = 1 - f
        xs[j] = u * u * curve.x0 + 2 * u * f * curve.cx + f * f * curve.x1
        ys[j] = u * u * curve.y0 + 2 * u * f * curve.cy + f * f * curve.y1
        if (!first) first = `${m[o + MSG.id]} ${xs[j].toFixed(1)},${ys[j].toFixed(1)}`
        const kind = m[o + MSG.kind]
        let list = byKind.get(kind)
        if (!list) byKind.set(kind, (list = []))
        list.push(j)
        if (detailed) {
          ctx.moveTo(curve.x0, curve.y0)
          ctx.quadraticCurveTo(curve.cx, curve.cy, curve.x1, curve.y1)
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
        ctx.fillStyle = messageColour(kinds, kind)
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
      if (detailed && count <= LABEL_LIMIT) {
        ctx.font = LABEL_FONT
        const texts: { text: string; colour: string }[] = []
        const labels: FlightLabel[] = []
        for (const [kind, list] of byKind) {
          const phase = phaseOf(kinds[kind] ?? '')
          if (!phase) continue
          const text = t(phase.name)
          const width = ctx.measureText(text).width + 2 * LABEL_PAD
          for (const j of list) {
            const o = j * MSG_STRIDE
            const curve = curveOf(m[o + MSG.from], m[o + MSG.to])!
            const f = flightFraction(now, m[o + MSG.sentAt], m[o + MSG.arriveAt])
            const d = directionOnCurve(curve, f)
            labels.push({ x: xs[j], y: ys[j], dx: d.x, dy: d.y, width, height: LABEL_HEIGHT })
            texts.push({ text, colour: phase.colour })
          }
        }
        if (labels.length > 0) {
          const bounds = { x: 0, y: 0, width: size.width, height: size.height }
          const boxes = placeFlightLabels(labels, obstacles(), bounds)
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
      if (drawn !== count) canvas.dataset.count = String((drawn = count))
      writeAttr(canvas, 'data-first', first)
    },
    clear() {
      ctx?.clearRect(0, 0, canvas.width, canvas.height)
      drawn = 0
      canvas.dataset.count = '0'
      writeAttr(canvas, 'data-first', '')
    },
  }
}
