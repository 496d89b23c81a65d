/**
 * Where nodes sit. Reference clocks (the sources of true time) go in the middle, everyone else
 * on a ring around them, so a client–server protocol reads as a star and a peer protocol
 * (consensus) as a circle. The ring widens into an ellipse on a map wider than tall (a lesson
 * bar above it on a projector), so readouts get the room the width offers instead of crowding
 * a circle sized by the height. Pure geometry: tested without a DOM.
 */
export interface Point {
  x: number
  y: number
}

export interface NodePlacement extends Point {
  /** unit vector pointing away from the centre: labels go on that side (on a narrow map
   * straight up or down) */
  out: Point
}

export interface TopologyLayout {
  nodes: NodePlacement[]
  radius: number
  /** the outer ring every node position scales with (see ringTransform) */
  ring: Ring
  /** small graphs get per-node readouts; large ones only glyphs */
  detailed: boolean
}

const DETAIL_LIMIT = 24
/**
 * Below this map width (a phone) readouts go above and below their nodes: beside them they need
 * 120 px each side, which left a 360 px map a ring of 40 px with the nodes on top of each other.
 */
const NARROW = 480
/** the reference servers' ring, as a fraction of the clients' ring */
const INNER = 0.45
/** the widest ellipse, as width over height: flatter rings read as two rows, not a ring */
const ASPECT = 1.7

/** The ring a lesson step draws round a highlighted node, this far outside its rim. */
export const HIGHLIGHT_RING = 14

/** Node radius by count: big enough to click, small enough that rings of many nodes do not overlap. */
function nodeRadius(n: number, ring: number): number {
  if (n <= 1) return 26
  const spacing = (2 * Math.PI * ring) / n
  return Math.max(4, Math.min(26, spacing * 0.3))
}

export interface Ring {
  cx: number
  cy: number
  rx: number
  ry: number
}

/**
 * The transform (SVG or CSS) that carries a drawing made for a map laid out on ring `from` onto one laid
 * out on ring `to`: every node position is its ring's centre plus the radii times a fixed unit
 * vector, so one scale per axis and a shift move each node exactly onto its new place. A large
 * map's mesh of links (tens of thousands of curves) and, for a small change, its nodes are moved
 * this way when the map's box changes size instead of being built again.
 */
export function ringTransform(from: Ring, to: Ring): string {
  const sx = to.rx / from.rx
  const sy = to.ry / from.ry
  const tx = to.cx - from.cx * sx
  const ty = to.cy - from.cy * sy
  // commas: the same string serves an SVG transform attribute and a CSS transform (px)
  return `matrix(${[sx, 0, 0, sy, tx, ty].map((v) => +v.toFixed(6)).join(', ')})`
}

function ring(count: number, at: Ring, scale: Point, phase: number): NodePlacement[] {
  return Array.from({ length: count }, (_, i) => {
    const a = phase + (2 * Math.PI * i) / count - Math.PI / 2
    const out = { x: Math.cos(a), y: Math.sin(a) }
    return { x: at.cx + scale.x * at.rx * out.x, y: at.cy + scale.y * at.ry * out.y, out }
  })
}

const FULL: Point = { x: 1, y: 1 }
/** a readout's width at 13 px ("offset −180.000 ms" in the mono font), with a gap */
const READOUT_WIDTH = 130

/** Readouts straight above a node in the upper half of the map, below it in the lower. */
const vertical = (p: Point, cy: number): Point => ({ x: 0, y: p.y < cy - 1e-9 ? -1 : 1 })

/**
 * The inner ring's readouts go above and below their nodes (sideways they run into the outer
 * ring's), except for a level pair too close for two readouts side by side: those go outward.
 */
function innerReadouts(ring: number[], placed: NodePlacement[], cy: number, width: number) {
  for (const i of ring) {
    const p = placed[i]
    const crowded = ring.some(
      (j) => j !== i && Math.abs(placed[j].y - p.y) < 1 && Math.abs(placed[j].x - p.x) < width,
    )
    p.out = crowded ? { x: Math.sign(p.out.x), y: 0 } : vertical(p, cy)
  }
}

/**
 * `textScale`: the readouts' font size over the default 13 px (presenter mode writes 16 px),
 * which widens the room kept beside and under the nodes.
 */
export function layoutTopology(
  nodes: readonly { reference: boolean }[],
  width: number,
  height: number,
  textScale = 1,
): TopologyLayout {
  const n = nodes.length
  const detailed = n <= DETAIL_LIMIT
  // Readouts beside outer nodes need room: more sideways (text is wide) than up and down;
  // above and below, half a readout sideways and three lines up and down.
  const narrow = detailed && width < NARROW
  const marginX = !detailed ? 16 : (narrow ? 70 : 165) * textScale
  const marginY = !detailed ? 16 : (narrow ? 100 : 80) * textScale
  const cx = width / 2
  const cy = height / 2
  const roomX = Math.max(40, width / 2 - marginX)
  const ry = Math.min(roomX, Math.max(40, height / 2 - marginY))
  const outer: Ring = { cx, cy, rx: Math.min(roomX, ry * ASPECT), ry }
  const refs = nodes.map((node, i) => (node.reference ? i : -1)).filter((i) => i >= 0)
  const others = nodes.map((node, i) => (node.reference ? -1 : i)).filter((i) => i >= 0)
  const placed: NodePlacement[] = new Array(n)
  const put = (indexes: number[], scale: Point, phase: number) =>
    ring(indexes.length, outer, scale, phase).forEach((p, k) => (placed[indexes[k]] = p))

  if (refs.length === 0 || others.length === 0) {
    if (n === 1) placed[0] = { x: cx, y: cy, out: { x: 0, y: 1 } }
    else
      put(
        nodes.map((_, i) => i),
        FULL,
        0,
      )
  } else {
    if (refs.length === 1) placed[refs[0]] = { x: cx, y: cy, out: { x: 0, y: 1 } }
    else {
      // two clients sit at the ends of the long axis, leaving the inner ring the whole height
      const few = others.length <= 2
      // the half step keeps servers off the vertical line through the centre; for 2, 6, 10…
      // servers it puts two on the horizontal axis, next to those two clients: no step then
      const phase = few && refs.length % 4 === 2 ? 0 : Math.PI / refs.length
      put(refs, { x: few ? 0.7 : INNER, y: few ? 0.8 : INNER }, phase)
      innerReadouts(refs, placed, cy, READOUT_WIDTH * textScale)
    }
    // a quarter step of phase keeps clients off the vertical line through the centre readouts
    put(others, FULL, others.length % 2 === 0 ? Math.PI / others.length : 0)
  }
  // On a short map (a lesson bar above it) the inner ring of servers is the tight one: size the
  // nodes so that neighbours there do not overlap either. Neighbours on an ellipse are closest
  // at the ends of its long axis, where the spacing is that of a circle of the short radius.
  const innerRing = refs.length > 1 && others.length > 0 ? refs.length : 0
  const radius = innerRing
    ? Math.min(nodeRadius(n, ry), nodeRadius(innerRing, ry * INNER))
    : nodeRadius(n, ry)
  if (narrow) for (const p of placed) p.out = vertical(p, cy)
  return { nodes: placed, radius, ring: outer, detailed }
}
