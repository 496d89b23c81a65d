import { fitCanvas, type Canvas2D } from '../../fitCanvas'
import { firstAtOrAfter } from '../history/ring'

/** How one line is drawn: its look and which line it is. */
export interface SceneStyle {
  line: number
  colour: string
  /** CSS pixels */
  width: number
  /** a reference clock's line is dashed ([] solid) */
  dash: number[]
}

/**
 * What the lines' painter is sent at a redraw: only what it lacks. It keeps each line's points
 * of whole columns (thinnedLines.ts) and is sent the ones thinned since, each line's open column
 * again, and the projection; so a playing chart's redraw sends a few points per line instead of
 * the whole window (projecting and sending every point was most of a 200-node chart's script).
 * Points are (time, value) pairs in simulated seconds; a NaN value breaks a line (a crashed node).
 */
export interface ChartUpdate {
  width: number
  height: number
  dpr: number
  /** where a point lands: x = (t − x0)·kx, y = height + (v − y0)·ky */
  x0: number
  kx: number
  y0: number
  ky: number
  /** the lines, bottom one first; null: as last time */
  styles: SceneStyle[] | null
  /** the lines' points kept so far are dropped first */
  reset: boolean
  /** how many lines */
  count: number
  /** per line, the window's first column from its first sample, drawn first (pairs, as `whole`) */
  head: Float64Array
  headEnds: Int32Array
  /** per line, points to keep: line i's are pairs wholeEnds[i−1]..wholeEnds[i]−1 of `whole` */
  whole: Float64Array
  wholeEnds: Int32Array
  /** per line, its open column's points, drawn after the kept ones (pairs, as `whole`) */
  open: Float64Array
  openEnds: Int32Array
  /** the first sample after the heads: kept points before it are not drawn */
  from: number
  /** kept points before this time are no longer needed (the sender's own kept lines start here) */
  keepFrom: number
  /** each line's value at the present, past its last sample (drawn last), or null */
  tail: { t: number; v: Float64Array } | null
}

/**
 * The lines' drawing (clock/charts/chartPainter.ts sends its updates), in the chart's paint worker
 * (chartPaint.worker.ts) or, where a canvas cannot be handed over, on the page: it keeps the
 * points it was sent and strokes every line at each update.
 */
export function chartDrawer(
  canvas: Canvas2D['canvas'],
  ctx: Canvas2D['ctx'],
): (update: ChartUpdate) => void {
  let kept: { t: number[]; v: number[] }[] = []
  let styles: SceneStyle[] = []
  return (u) => {
    if (u.reset || kept.length !== u.count)
      kept = Array.from({ length: u.count }, () => ({ t: [], v: [] }))
    if (u.styles) styles = u.styles
    for (let i = 0; i < u.count; i++) {
      const line = kept[i]
      for (let p = 2 * (i > 0 ? u.wholeEnds[i - 1] : 0); p < 2 * u.wholeEnds[i]; p += 2) {
        line.t.push(u.whole[p])
        line.v.push(u.whole[p + 1])
      }
      // drop what is no longer needed once it is most of the line
      const stale = firstAtOrAfter(line.t.length, (k) => line.t[k], u.keepFrom)
      if (stale > 1024 && stale * 2 > line.t.length) {
        line.t.splice(0, stale)
        line.v.splice(0, stale)
      }
    }
    const { width, height, x0, kx, y0, ky } = u
    fitCanvas(canvas, ctx, width, height, u.dpr)
    ctx.clearRect(0, 0, width, height)
    ctx.lineJoin = 'round'
    for (const style of styles) {
      const i = style.line
      if (i >= u.count) continue
      const { t, v } = kept[i]
      ctx.beginPath()
      let pen = false
      const to = (time: number, value: number) => {
        if (value !== value) {
          pen = false
          return
        }
        const x = (time - x0) * kx
        const y = height + (value - y0) * ky
        if (pen) ctx.lineTo(x, y)
        else ctx.moveTo(x, y)
        pen = true
      }
      for (let p = 2 * (i > 0 ? u.headEnds[i - 1] : 0); p < 2 * u.headEnds[i]; p += 2)
        to(u.head[p], u.head[p + 1])
      for (let j = firstAtOrAfter(t.length, (k) => t[k], u.from); j < t.length; j++) to(t[j], v[j])
      for (let p = 2 * (i > 0 ? u.openEnds[i - 1] : 0); p < 2 * u.openEnds[i]; p += 2)
        to(u.open[p], u.open[p + 1])
      if (u.tail) to(u.tail.t, u.tail.v[i])
      ctx.lineWidth = style.width
      ctx.setLineDash(style.dash)
      ctx.strokeStyle = style.colour
      ctx.stroke()
    }
  }
}
