import type { ScaleLinear } from 'd3-scale'
import { ARROW_STRIDE, A_END, A_SENT, type SpacetimeMark } from '../../worker/timelineWire'
import { segmentDistance2 } from './geometry'
import { networkLineColour } from './glyphs'
import { arrowEnds, markNodes, networkSpan } from './painter'
import type { SpacetimeWindow } from './spacetimeData'

/** What the pointer is over: an arrow (index into the window's arrows) or a mark. */
export type HoverTarget = { kind: 'arrow'; index: number } | { kind: 'mark'; mark: SpacetimeMark }

const ARROW_REACH = 6
const MARK_REACH = 8

/** The nearest arrow or mark within reach of (px, py), marks first (they are drawn on top). */
export function hitTest(
  data: SpacetimeWindow,
  x: ScaleLinear<number, number>,
  laneY: readonly number[],
  height: number,
  px: number,
  py: number,
): HoverTarget | null {
  const [from, to] = x.domain()
  let best: HoverTarget | null = null
  let bestD = MARK_REACH * MARK_REACH
  for (const m of data.marks) {
    if (m.t < from || m.t > to) continue
    const mx = x(m.t)
    if (networkLineColour(m.kind)) {
      const [y0, y1] = networkSpan(m, laneY, height)
      const d = segmentDistance2(px, py, mx, y0, mx, y1)
      if (d < bestD) [best, bestD] = [{ kind: 'mark', mark: m }, d]
      continue
    }
    for (const node of markNodes(m)) {
      const dx = px - mx
      const dy = py - laneY[node]
      const d = dx * dx + dy * dy
      if (d < bestD) [best, bestD] = [{ kind: 'mark', mark: m }, d]
    }
  }
  if (best) return best
  bestD = ARROW_REACH * ARROW_REACH
  const a = data.arrows
  const X = (t: number) => x(t)
  for (let j = data.first; j < data.first + data.count; j++) {
    const o = j * ARROW_STRIDE
    if (a[o + A_END] < from || a[o + A_SENT] > to) continue
    const [x0, y0, x1, y1] = arrowEnds(a, o, X, laneY)
    const d = segmentDistance2(px, py, x0, y0, x1, y1)
    if (d < bestD) [best, bestD] = [{ kind: 'arrow', index: j }, d]
  }
  return best
}
