import type { ScaleLinear } from 'd3-scale'
import {
  ARROW_STRIDE,
  A_END,
  A_FROM,
  A_HLC_C_END,
  A_HLC_C_SENT,
  A_HLC_L_END,
  A_HLC_L_SENT,
  A_ID,
  A_LAMPORT_END,
  A_LAMPORT_SENT,
  A_SENT,
  A_TO,
} from '../../worker/timelineWire'
import { arrowEnds } from '../spacetime/painter'
import type { SpacetimeWindow } from '../spacetime/spacetimeData'
import { FUTURE, NO_EVENT, PAST, SELF, causalRelations, findEvent } from './causality'
import type { LogicalPaintFacts, LogicalView, StampMode } from './logicalStore'

/** Stamps are written only while this few events are in view: beyond, they would overlap. */
const MAX_LABELLED = 160

export const CAUSAL_COLOURS = { past: '#2563eb', future: '#ea580c', concurrent: '#9ca3af' }

function stampText(data: SpacetimeWindow, j: number, end: 0 | 1, mode: StampMode): string {
  const a = data.arrows
  const o = j * ARROW_STRIDE
  if (mode === 'lamport') return String(a[o + (end ? A_LAMPORT_END : A_LAMPORT_SENT)])
  if (mode === 'hlc') {
    const l = a[o + (end ? A_HLC_L_END : A_HLC_L_SENT)]
    const c = a[o + (end ? A_HLC_C_END : A_HLC_C_SENT)]
    return `${l.toFixed(3)},${c}`
  }
  const v = data.vectors
  if (!v) return ''
  const stride = v.length / (a.length / ARROW_STRIDE)
  const n = stride / 2
  const from = j * stride + end * n
  return `[${Array.from(v.subarray(from, from + n)).join(',')}]`
}

/**
 * Drawn over the space-time diagram (after paintSpacetime, on the same canvas): each event's
 * logical stamp, and for a selected event its causal past (blue), future (orange) and the
 * concurrent events (grey rings) — concurrency made visible as "neither before nor after".
 */
export function paintLogical(
  ctx: CanvasRenderingContext2D,
  data: SpacetimeWindow,
  x: ScaleLinear<number, number>,
  laneY: readonly number[],
  view: LogicalView,
): LogicalPaintFacts {
  const [from, to] = x.domain()
  const a = data.arrows
  const X = (t: number) => x(t)
  const sel = view.selected
  const k = sel ? findEvent(a, data.first, data.count, sel.id, sel.end) : -1
  const rel = k >= 0 ? causalRelations(a, data.first, data.count, k) : null
  const counts = rel ? { past: 0, future: 0, concurrent: 0 } : null
  if (rel && counts)
    for (const r of rel)
      if (r === PAST) counts.past++
      else if (r === FUTURE) counts.future++
      else if (r !== NO_EVENT && r !== SELF) counts.concurrent++

  let inView = 0
  for (let j = data.first; j < data.first + data.count; j++) {
    const o = j * ARROW_STRIDE
    if (a[o + A_SENT] >= from && a[o + A_SENT] <= to) inView++
    if (a[o + A_END] >= from && a[o + A_END] <= to) inView++
  }
  const labelled = view.stamps !== 'none' && inView <= MAX_LABELLED
  if (!rel && !labelled) return { events: inView, labelled, selection: null }

  ctx.save()
  ctx.font = '10px system-ui, sans-serif'
  ctx.textAlign = 'center'
  // right edge of the last stamp written per lane and side: a stamp that would overlap it is left
  // out (a burst of events within a few pixels would otherwise print an unreadable smear)
  const written = new Map<number, number>()
  for (let j = data.first; j < data.first + data.count; j++) {
    const o = j * ARROW_STRIDE
    if (a[o + A_END] < from || a[o + A_SENT] > to) continue
    const [x0, y0, x1, y1] = arrowEnds(a, o, X, laneY)
    const local = j - data.first
    const ends: [0 | 1, number, number][] = [
      [0, x0, y0],
      [1, x1, y1],
    ]
    if (rel) {
      const rs = rel[2 * local]
      const re = rel[2 * local + 1]
      // an arrow inside the causal past or future is drawn in that colour
      const both = rs === re || (rs === SELF && re === FUTURE) || (re === SELF && rs === PAST)
      const tone = rs === PAST || re === PAST ? 'past' : 'future'
      if (both && rs !== 0 && re !== 0 && re !== NO_EVENT) {
        ctx.strokeStyle = CAUSAL_COLOURS[tone]
        ctx.lineWidth = 2
        ctx.beginPath()
        ctx.moveTo(x0, y0)
        ctx.lineTo(x1, y1)
        ctx.stroke()
      }
      for (const [end, ex, ey] of ends) {
        const r = rel[2 * local + end]
        if (r === NO_EVENT) continue
        ctx.beginPath()
        ctx.arc(ex, ey, r === SELF ? 6 : 4, 0, 2 * Math.PI)
        if (r === SELF) {
          ctx.strokeStyle = '#111827'
          ctx.lineWidth = 2.5
          ctx.stroke()
        } else if (r === PAST || r === FUTURE) {
          ctx.fillStyle = CAUSAL_COLOURS[r === PAST ? 'past' : 'future']
          ctx.fill()
        } else {
          ctx.strokeStyle = CAUSAL_COLOURS.concurrent
          ctx.lineWidth = 1.5
          ctx.stroke()
        }
      }
    }
    if (labelled) {
      ctx.fillStyle = '#111827'
      for (const [end, ex, ey] of ends) {
        if (end === 1 && Number.isNaN(a[o + A_LAMPORT_END])) continue
        const text = stampText(data, j, end, view.stamps)
        const w = ctx.measureText(text).width
        const slot = ey * 2 + end
        if (ex - w / 2 < (written.get(slot) ?? -Infinity) + 3) continue
        written.set(slot, ex + w / 2)
        // send stamps above the lane, receipt stamps below: the two ends of one lane rarely collide
        ctx.fillText(text, ex, end === 0 ? ey - 7 : ey + 14)
      }
    }
  }
  ctx.restore()
  return { events: inView, labelled, selection: counts }
}

/** The event end nearest to (px, py) within `reach` pixels: its message id, end and node. */
export function eventAt(
  data: SpacetimeWindow,
  x: ScaleLinear<number, number>,
  laneY: readonly number[],
  px: number,
  py: number,
  reach = 8,
): { id: number; end: 0 | 1; node: number } | null {
  const a = data.arrows
  const X = (t: number) => x(t)
  let best: { id: number; end: 0 | 1; node: number } | null = null
  let bestD = reach * reach
  for (let j = data.first; j < data.first + data.count; j++) {
    const o = j * ARROW_STRIDE
    const [x0, y0, x1, y1] = arrowEnds(a, o, X, laneY)
    const cands: [0 | 1, number, number][] = [[0, x0, y0]]
    if (!Number.isNaN(a[o + A_LAMPORT_END])) cands.push([1, x1, y1])
    for (const [end, ex, ey] of cands) {
      const d = (px - ex) ** 2 + (py - ey) ** 2
      if (d < bestD) {
        bestD = d
        best = { id: a[o + A_ID], end, node: a[o + (end ? A_TO : A_FROM)] }
      }
    }
  }
  return best
}
