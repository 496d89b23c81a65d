/**
 * Where nodes sit. Reference clocks (the sources of true time) go in the middle, everyone else
 * on a ring around them, so a client–server protocol reads as a star and a peer protocol
 * (consensus) as a circle. Pure geometry: tested without a DOM.
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

/** Node radius by count: big enough to click, small enough that rings of many nodes do not overlap. */
export function nodeRadius(n: number, ring: number): number {
  if (n <= 1) return 26
  const spacing = (2 * Math.PI * ring) / n
  return Math.max(4, Math.min(26, spacing * 0.3))
}

function ring(count: number, cx: number, cy: number, r: number, phase: number): NodePlacement[] {
  return Array.from({ length: count }, (_, i) => {
    const a = phase + (2 * Math.PI * i) / count - Math.PI / 2
    const out = { x: Math.cos(a), y: Math.sin(a) }
    return { x: cx + r * out.x, y: cy + r * out.y, out }
  })
}

export function layoutTopology(
  nodes: readonly { reference: boolean }[],
  width: number,
  height: number,
): TopologyLayout {
  const n = nodes.length
  const detailed = n <= DETAIL_LIMIT
  // Readouts beside outer nodes need room: more sideways (text is wide) than up and down;
  // above and below, half a readout sideways and three lines up and down.
  const narrow = detailed && width < NARROW
  const marginX = !detailed ? 16 : narrow ? 70 : 120
  const marginY = !detailed ? 16 : narrow ? 100 : 80
  const cx = width / 2
  const cy = height / 2
  const outer = Math.max(40, Math.min(width / 2 - marginX, height / 2 - marginY))
  const refs = nodes.map((node, i) => (node.reference ? i : -1)).filter((i) => i >= 0)
  const others = nodes.map((node, i) => (node.reference ? -1 : i)).filter((i) => i >= 0)
  const placed: NodePlacement[] = new Array(n)
  const put = (indexes: number[], r: number, phase: number) =>
    ring(indexes.length, cx, cy, r, phase).forEach((p, k) => (placed[indexes[k]] = p))

  if (refs.length === 0 || others.length === 0) {
    if (n === 1) placed[0] = { x: cx, y: cy, out: { x: 0, y: 1 } }
    else
      put(
        nodes.map((_, i) => i),
        outer,
        0,
      )
  } else {
    if (refs.length === 1) placed[refs[0]] = { x: cx, y: cy, out: { x: 0, y: 1 } }
    else put(refs, outer * INNER, Math.PI / refs.length)
    // a quarter step of phase keeps clients off the vertical line through the centre readouts
    put(others, outer, others.length % 2 === 0 ? Math.PI / others.length : 0)
  }
  // On a short map (a lesson bar above it) the inner ring of servers is the tight one: size the
  // nodes so that neighbours there do not overlap either.
  const innerRing = refs.length > 1 && others.length > 0 ? refs.length : 0
  const radius = innerRing
    ? Math.min(nodeRadius(n, outer), nodeRadius(innerRing, outer * INNER))
    : nodeRadius(n, outer)
  if (narrow) for (const p of placed) p.out = { x: 0, y: p.y < cy - 1e-9 ? -1 : 1 }
  return { nodes: placed, radius, detailed }
}
