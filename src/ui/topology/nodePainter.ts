import { NODE, NODE_STRIDE, type Frame } from '../../worker/wire'
import { formatClock, formatOffset } from '../format/quantities'
import { writeAttr, writeText } from '../domWrites'
import { t } from '../i18n'
import { gaugePath, gaugeRing, offsetArcAngle } from './geometry'
import type { NodeParts } from './NodeGlyph'

/**
 * The `node-<id>` element's data-offset and data-local, at full precision, for tests and tools:
 * written at the readout rate even while the map is off screen (attributes no style depends on
 * cost no layout or paint); a large map writes them on paused frames only (TopologyView).
 */
export function paintNodeData(frame: Frame, parts: readonly (NodeParts | null)[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    if (!p) continue
    p.control.setAttribute('data-offset', String(frame.nodes[i * NODE_STRIDE + NODE.offset]))
    p.control.setAttribute('data-local', String(frame.nodes[i * NODE_STRIDE + NODE.local]))
  }
}

/**
 * Writes each node's clock reading, offset and offset arc (a small map's; a large map draws its
 * arcs with arcLayer.ts): the map's readout layer, called at the readout rate (frameLoop.ts).
 * Writes are skipped when the value is unchanged (a paused or free-running clock often shows the
 * same µs digits), so a quiet map costs no relayout.
 */
export function createNodePainter() {
  // the gauge angle each arc shows at `drawnRadius`: a path is built only when its angle moves
  // a step or the nodes change size
  let angles = new WeakMap<Element, number>()
  let drawnRadius = NaN

  return (frame: Frame, parts: readonly (NodeParts | null)[], radius: number) => {
    const nodes = frame.nodes
    const seconds = t('unit.s')
    const offsetLabel = t('node.offset')
    const ring = gaugeRing(radius)
    if (radius !== drawnRadius) {
      angles = new WeakMap()
      drawnRadius = radius
    }
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]
      if (!p) continue
      const local = nodes[i * NODE_STRIDE + NODE.local]
      const offset = nodes[i * NODE_STRIDE + NODE.offset]
      if (p.arc) {
        const angle = offsetArcAngle(offset, ring.outer)
        if (angles.get(p.arc) !== angle) {
          angles.set(p.arc, angle)
          p.arc.setAttribute('d', gaugePath(angle, ring))
        }
        writeAttr(p.arc, 'class', offset >= 0 ? 'node-arc ahead' : 'node-arc behind')
      }
      // a large map's nodes have no readouts (their clock is in the tooltip)
      if (p.local) writeText(p.local, `${formatClock(local)} ${seconds}`)
      if (p.offset) writeText(p.offset, `${offsetLabel} ${formatOffset(offset, t)}`)
    }
  }
}
