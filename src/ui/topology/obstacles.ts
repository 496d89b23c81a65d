import type { Circle, Rect } from '../workspace/labelPlacement'
import type { TopologyLayout } from './layout'

/** Each node as a disc labels keep out of: the node, its offset arc and a little air. */
export const nodeDiscs = (layout: TopologyLayout): Circle[] =>
  layout.nodes.map((p) => ({ x: p.x, y: p.y, r: layout.radius + 8 }))

/** The boxes of the map's elements matching `selector` (clock readouts, marks), in map coordinates. */
export function boxesIn(svg: SVGSVGElement, selector: string): Rect[] {
  const origin = svg.getBoundingClientRect()
  return [...svg.querySelectorAll(selector)].map((el) => {
    const b = el.getBoundingClientRect()
    return { x: b.x - origin.x, y: b.y - origin.y, width: b.width, height: b.height }
  })
}
