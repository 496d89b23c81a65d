import { NODE, NODE_STRIDE, type Frame } from '../../worker/wire'
import { formatClock, formatOffset } from '../format/quantities'
import { t } from '../i18n'
import { offsetArcPath } from './geometry'
import type { NodeParts } from './NodeGlyph'

/**
 * Writes each node's clock reading, offset and offset arc: the map's readout layer, called at
 * the readout rate (frameLoop.ts). Writes are skipped when the value is unchanged (a paused or
 * free-running clock often shows the same µs digits), so a quiet map costs no relayout.
 */
/**
 * The `node-<id>` element's data-offset and data-local, at full precision, for tests and tools:
 * written at the readout rate even while the map is off screen (attributes no style depends on
 * cost no layout or paint).
 */
export function paintNodeData(frame: Frame, parts: readonly (NodeParts | null)[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    if (!p) continue
    p.control.setAttribute('data-offset', String(frame.nodes[i * NODE_STRIDE + NODE.offset]))
    p.control.setAttribute('data-local', String(frame.nodes[i * NODE_STRIDE + NODE.local]))
  }
}

export function createNodePainter() {
  const written = new WeakMap<Element, string>()

  const put = (el: Element, name: string, value: string) => {
    const key = `${name}=${value}`
    if (written.get(el) === key) return
    written.set(el, key)
    el.setAttribute(name, value)
  }
  const text = (el: Element | null, value: string) => {
    if (!el || el.textContent === value) return
    el.textContent = value
  }

  return (frame: Frame, parts: readonly (NodeParts | null)[], radius: number) => {
    const nodes = frame.nodes
    const seconds = t('unit.s')
    const offsetLabel = t('node.offset')
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]
      if (!p) continue
      const local = nodes[i * NODE_STRIDE + NODE.local]
      const offset = nodes[i * NODE_STRIDE + NODE.offset]
      put(p.arc, 'd', offsetArcPath(offset, radius))
      put(p.arc, 'class', offset >= 0 ? 'node-arc ahead' : 'node-arc behind')
      text(p.local, `${formatClock(local)} ${seconds}`)
      text(p.offset, `${offsetLabel} ${formatOffset(offset, t)}`)
    }
  }
}
