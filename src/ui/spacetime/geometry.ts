import type { SpacetimeMark } from '../../worker/timelineWire'

/**
 * Pure geometry of the space-time diagram: where each node's local clock reads a round value,
 * which stretches of a lane a node was up / crashed / paused, and what lies under the pointer.
 */

/**
 * True times in [from, to] at which a node's local clock reads a multiple of `step`, from its
 * samples (true time, local reading, alternating, in time order). Between two samples the clock
 * is taken as linear; two samples at the same true time are a step, whose jumped-over readings
 * never happen (and, stepping back, are read twice). `tail` extends the last sample to now.
 */
export function localTicks(
  samples: readonly number[],
  from: number,
  to: number,
  step: number,
  tail?: { t: number; local: number },
): number[] {
  const out: number[] = []
  const n = samples.length / 2
  const at = (i: number): [number, number] =>
    i < n ? [samples[2 * i], samples[2 * i + 1]] : [tail!.t, tail!.local]
  const pieces = n + (tail && (n === 0 || tail.t > samples[2 * n - 2]) ? 1 : 0)
  for (let i = 0; i + 1 < pieces; i++) {
    const [t0, l0] = at(i)
    const [t1, l1] = at(i + 1)
    if (t1 <= t0 || t1 < from || t0 > to || l1 <= l0) continue
    const rate = (t1 - t0) / (l1 - l0)
    // half-open [t0, t1): a tick exactly at a sample is counted once
    for (let k = Math.ceil(l0 / step); k * step < l1; k++) {
      const t = t0 + (k * step - l0) * rate
      if (t >= from && t <= to) out.push(t)
    }
  }
  return out
}

export interface LaneSegment {
  from: number
  to: number
  /** status code (wire.ts STATUS_CODES) */
  status: number
}

/** The lane of `node` split by status between `from` and `to`, from the status marks. */
export function laneSegments(
  statusAtStart: number,
  marks: readonly SpacetimeMark[],
  node: number,
  from: number,
  to: number,
): LaneSegment[] {
  const out: LaneSegment[] = []
  let status = statusAtStart
  let start = from
  for (const m of marks) {
    if (m.node !== node || m.status === undefined) continue
    if (m.t > to) break
    if (m.t > start) out.push({ from: start, to: m.t, status })
    start = Math.max(start, m.t)
    status = m.status
  }
  if (to > start) out.push({ from: start, to, status })
  return out
}

/** Squared distance from point p to the segment a–b (pixels). */
export function segmentDistance2(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2))
  const x = ax + u * dx - px
  const y = ay + u * dy - py
  return x * x + y * y
}

/**
 * Lanes drawn at once. A larger run shows a window of this many (paged, and moved to the
 * selected node): 1 000 lanes made a canvas 14 000 px tall whose raster froze the tab for
 * seconds at a time, and at 14 px a lane no one can follow anyway.
 */
export const LANE_LIMIT = 24

/** The first lane of a window of `count` lanes out of `n`, kept inside the run. */
export const clampFirstLane = (first: number, n: number, count: number): number =>
  Math.max(0, Math.min(Math.floor(first), n - count))

/**
 * Lane centres (px from the plot's top) for the window of lanes [first, first + count): those
 * in it get a row each from `top`; a lane before it sits one row above the plot and one after
 * it one row below, so an arrow to a node not shown leaves the plot towards it, and the
 * canvas clips the rest.
 */
export function lanePositions(
  n: number,
  first: number,
  count: number,
  rowH: number,
  top: number,
): number[] {
  const below = top + (count + 0.5) * rowH + rowH
  return Array.from({ length: n }, (_, i) =>
    i < first ? -rowH : i >= first + count ? below : top + (i - first + 0.5) * rowH,
  )
}

/** Whether a lane centre lies on a plot `height` px tall (is one of the lanes shown). */
export const laneShown = (y: number, height: number): boolean => y >= 0 && y <= height
