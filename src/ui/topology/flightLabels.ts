import type { Circle, Rect } from '../workspace/labelPlacement'
import { overlaps, hitsCircle } from '../workspace/labelPlacement'

/**
 * Where the name of a message in flight goes (messageLayer.ts): beside its dot, across the link
 * from it — to the left of the direction of travel, else to the right — so it rides along the
 * path without covering it. A label that would cover a node, a clock readout, a map mark or a
 * label placed before it, or leave the map, is not drawn this frame: near its ends a link runs
 * into its nodes, so names show in the middle stretch of a flight, where they are readable.
 * Pure geometry.
 */
export interface FlightLabel {
  /** the dot */
  x: number
  y: number
  /** unit direction of travel at the dot */
  dx: number
  dy: number
  width: number
  height: number
}

/** What a label must keep clear of. */
export interface MapObstacles {
  circles: readonly Circle[]
  rects: readonly Rect[]
}

/** Gap between the dot's centre and the label's nearest edge: the dot's radius and a little air. */
export const FLIGHT_GAP = 9

/** The box whose nearest edge is FLIGHT_GAP from the dot along the unit normal (nx, ny). */
function besideDot(l: FlightLabel, nx: number, ny: number): Rect {
  const reach = FLIGHT_GAP + (Math.abs(nx) * l.width) / 2 + (Math.abs(ny) * l.height) / 2
  const cx = l.x + nx * reach
  const cy = l.y + ny * reach
  return { x: cx - l.width / 2, y: cy - l.height / 2, width: l.width, height: l.height }
}

/** A box per label, in order, or null where no side is clear. */
export function placeFlightLabels(
  labels: readonly FlightLabel[],
  obstacles: MapObstacles,
  bounds: Rect,
): (Rect | null)[] {
  const taken: Rect[] = [...obstacles.rects]
  const free = (b: Rect) =>
    b.x >= bounds.x &&
    b.y >= bounds.y &&
    b.x + b.width <= bounds.x + bounds.width &&
    b.y + b.height <= bounds.y + bounds.height &&
    !taken.some((t) => overlaps(t, b)) &&
    !obstacles.circles.some((c) => hitsCircle(b, c))
  return labels.map((l) => {
    // left of travel (screen y points down, so (dy, -dx)), then right
    for (const side of [1, -1]) {
      const b = besideDot(l, side * l.dy, -side * l.dx)
      if (!free(b)) continue
      taken.push(b)
      return b
    }
    return null
  })
}
