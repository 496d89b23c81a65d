import { MSG_STRIDE, type Frame } from '../../worker/protocol'
import { flightFraction, pointOnCurve, type LinkCurve } from './geometry'

const SVG_NS = 'http://www.w3.org/2000/svg'

/** Colours for message kinds by order of first appearance; distinct from the offset arcs' orange/blue. */
export const KIND_COLOURS = [
  '#0f766e',
  '#c026d3',
  '#ca8a04',
  '#4f46e5',
  '#65a30d',
  '#be185d',
  '#0891b2',
  '#78350f',
]

export const kindColour = (kind: number): string => KIND_COLOURS[kind % KIND_COLOURS.length]

/**
 * Messages in flight are the one part of the topology that changes set every frame, so they are
 * not React elements: a keyed pool of <circle>s inside a React-owned <g>, reused across frames.
 * Each dot sits where true time puts it between its send and arrival — frames drive it.
 */
export function createMessageLayer(layer: SVGGElement) {
  const dots = new Map<number, SVGCircleElement>()
  let seen = new Set<number>()

  return {
    paint(
      frame: Frame,
      curveOf: (from: number, to: number) => LinkCurve | null,
      kinds: readonly string[],
    ) {
      const next = new Set<number>()
      const m = frame.messages
      for (let o = 0; o < m.length; o += MSG_STRIDE) {
        const curve = curveOf(m[o + 1], m[o + 2])
        if (!curve) continue
        const id = m[o]
        let dot = dots.get(id)
        if (!dot) {
          dot = document.createElementNS(SVG_NS, 'circle')
          dot.setAttribute('class', 'message')
          dot.setAttribute('r', '6')
          dot.setAttribute('data-testid', 'message')
          dot.setAttribute('data-id', String(id))
          dot.setAttribute('data-kind', kinds[m[o + 3]] ?? '')
          dot.setAttribute('fill', kindColour(m[o + 3]))
          layer.appendChild(dot)
          dots.set(id, dot)
        }
        const p = pointOnCurve(curve, flightFraction(frame.now, m[o + 4], m[o + 5]))
        dot.setAttribute('cx', p.x.toFixed(1))
        dot.setAttribute('cy', p.y.toFixed(1))
        next.add(id)
      }
      for (const id of seen) {
        if (next.has(id)) continue
        dots.get(id)?.remove()
        dots.delete(id)
      }
      seen = next
    },
    clear() {
      for (const dot of dots.values()) dot.remove()
      dots.clear()
      seen = new Set()
    },
  }
}
