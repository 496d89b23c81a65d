import { MSG, MSG_STRIDE } from '../../worker/wire'
import { flightFraction, pointOnCurve, type LinkCurve } from './geometry'
import type { Point } from './layout'

/**
 * Where a message in flight is on its link: what the message scene (messageScene.ts) draws and
 * what the page writes for tests (`data-first`), kept apart from the scene's drawing so the page
 * loads only this (the drawing runs in the paint worker).
 */

/** Phase names ride beside the dots only while few messages fly; beyond that they are noise. */
export const LABEL_LIMIT = 12

/** A message's place on its link at `now`, or null past its arrival or without a link. */
export function place(
  m: Float64Array,
  o: number,
  now: number,
  curve: LinkCurve | null,
): Point | null {
  if (!curve || now > m[o + MSG.arriveAt]) return null
  return pointOnCurve(curve, flightFraction(now, m[o + MSG.sentAt], m[o + MSG.arriveAt]))
}

/**
 * "id x,y" of the first message in flight at `now` ('' when none): the canvas's `data-first`,
 * what tests and tools read instead of per-message elements.
 */
export function firstInFlight(
  m: Float64Array,
  now: number,
  curveOf: (from: number, to: number) => LinkCurve | null,
): string {
  for (let o = 0; o < m.length; o += MSG_STRIDE) {
    const p = place(m, o, now, curveOf(m[o + MSG.from], m[o + MSG.to]))
    if (p) return `${m[o + MSG.id]} ${p.x.toFixed(1)},${p.y.toFixed(1)}`
  }
  return ''
}
