/**
 * Where map labels go so that none covers another label or a node (docs/ui-layers.md): each
 * label tries positions around its anchor, nearest first, and takes the first that is inside
 * the map and clear of every node and every label placed before it. Pure geometry.
 */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Circle {
  x: number
  y: number
  r: number
}

export interface LabelRequest {
  /** the point the label belongs to (a node's centre, a link's midpoint) */
  x: number
  y: number
  /** how far from the anchor the label's nearest edge starts */
  gap: number
  width: number
  height: number
}

export const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

export function hitsCircle(a: Rect, c: Circle): boolean {
  const nx = Math.max(a.x, Math.min(c.x, a.x + a.width))
  const ny = Math.max(a.y, Math.min(c.y, a.y + a.height))
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r
}

/** Directions tried, clockwise from below (labels read best under or beside what they name). */
const DIRECTIONS = Array.from({ length: 16 }, (_, i) => {
  const a = Math.PI / 2 + (i * Math.PI) / 8
  return { x: Math.cos(a), y: Math.sin(a) }
}).sort((p, q) => q.y - p.y || Math.abs(p.x) - Math.abs(q.x))

/** The box of a label whose nearest edge is `gap` from (x, y) along direction d. */
function boxAt(req: LabelRequest, d: { x: number; y: number }, gap: number): Rect {
  // the box's centre sits far enough out that its edge (not its centre) is `gap` away
  const reach = gap + Math.abs(d.x) * (req.width / 2) + Math.abs(d.y) * (req.height / 2)
  const cx = req.x + d.x * reach
  const cy = req.y + d.y * reach
  return { x: cx - req.width / 2, y: cy - req.height / 2, width: req.width, height: req.height }
}

/**
 * A box per request, in order; a request that finds no free place within three rings of
 * distance gets the least bad one (the first inside the map), never dropped: a mark the
 * picture needs is better slightly crowded than missing.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: { rects: readonly Rect[]; circles: readonly Circle[] },
  bounds: Rect,
): Rect[] {
  const taken: Rect[] = [...obstacles.rects]
  const inside = (b: Rect) =>
    b.x >= bounds.x &&
    b.y >= bounds.y &&
    b.x + b.width <= bounds.x + bounds.width &&
    b.y + b.height <= bounds.y + bounds.height
  return requests.map((req) => {
    let fallback: Rect | null = null
    for (const step of [0, 1, 2]) {
      const gap = req.gap + step * (req.height + 4)
      for (const d of DIRECTIONS) {
        const b = boxAt(req, d, gap)
        if (!inside(b)) continue
        fallback ??= b
        if (taken.some((t) => overlaps(t, b))) continue
        if (obstacles.circles.some((c) => hitsCircle(b, c))) continue
        taken.push(b)
        return b
      }
    }
    const b = fallback ?? boxAt(req, DIRECTIONS[0], req.gap)
    taken.push(b)
    return b
  })
}
