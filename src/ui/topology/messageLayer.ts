import { MSG_STRIDE, type Frame } from '../../worker/protocol'
import { phaseOf } from '../consensus/phases'
import { t } from '../i18n'
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

/** A message's colour: a Paxos phase keeps its own colour (consensus/phases.ts), others go by order. */
export const messageColour = (kinds: readonly string[], kind: number): string =>
  phaseOf(kinds[kind] ?? '')?.colour ?? kindColour(kind)

/** Phase names ride beside the dots only while few messages fly; beyond that they are noise. */
export const LABEL_LIMIT = 12

/**
 * Messages in flight are the one part of the topology that changes set every frame, so they are
 * not React elements: a keyed pool of <circle>s inside a React-owned <g>, reused across frames.
 * Each dot sits where true time puts it between its send and arrival — frames drive it.
 */
export function createMessageLayer(layer: SVGGElement) {
  const dots = new Map<number, SVGCircleElement>()
  const labels = new Map<number, SVGTextElement>()
  let seen = new Set<number>()

  return {
    paint(
      frame: Frame,
      curveOf: (from: number, to: number) => LinkCurve | null,
      kinds: readonly string[],
    ) {
      const next = new Set<number>()
      const m = frame.messages
      const labelled = m.length / MSG_STRIDE <= LABEL_LIMIT
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
          dot.setAttribute('fill', messageColour(kinds, m[o + 3]))
          layer.appendChild(dot)
          dots.set(id, dot)
          const phase = phaseOf(kinds[m[o + 3]] ?? '')
          if (phase) {
            const label = document.createElementNS(SVG_NS, 'text')
            label.setAttribute('class', 'message-label')
            label.setAttribute('fill', phase.colour)
            label.dataset.name = phase.name
            layer.appendChild(label)
            labels.set(id, label)
          }
        }
        const p = pointOnCurve(curve, flightFraction(frame.now, m[o + 4], m[o + 5]))
        dot.setAttribute('cx', p.x.toFixed(1))
        dot.setAttribute('cy', p.y.toFixed(1))
        const label = labels.get(id)
        if (label) {
          // the language may have changed since the message left
          const text = labelled ? t(label.dataset.name as Parameters<typeof t>[0]) : ''
          if (label.textContent !== text) label.textContent = text
          label.setAttribute('x', (p.x + 8).toFixed(1))
          label.setAttribute('y', (p.y - 7).toFixed(1))
        }
        next.add(id)
      }
      for (const id of seen) {
        if (next.has(id)) continue
        dots.get(id)?.remove()
        dots.delete(id)
        labels.get(id)?.remove()
        labels.delete(id)
      }
      seen = next
    },
    clear() {
      for (const dot of dots.values()) dot.remove()
      for (const label of labels.values()) label.remove()
      dots.clear()
      labels.clear()
      seen = new Set()
    },
  }
}
