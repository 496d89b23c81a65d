import { NODE, NODE_STRIDE, type Frame } from '../../worker/wire'
import { writeAttr } from '../domWrites'
import { gaugeRing, gaugeShape, gaugeStart, offsetArcAngle } from './geometry'
import type { NodePlacement } from './layout'

/** Where a large map's nodes sit (in the layout they were placed in) and which are crashed. */
export interface ArcScene {
  nodes: readonly NodePlacement[]
  radius: number
  crashed: readonly boolean[]
}

/**
 * A large map's offset arcs (level of detail, docs/ui-layers.md): four paths in an SVG of its
 * own over the node glyphs, each holding every arc of its colour. As a path in each of 1 000
 * glyphs, the few dozen arcs that move a step at each readout made the browser repaint and
 * re-layerize the whole 5 000-element map, ~70 ms of the main thread a second; a canvas instead
 * rasterized on the main thread (software compositing) and cost more. The paths are rebuilt
 * only when an arc moves a step or the scene changes. Returns the number of arcs drawn, or
 * null when nothing changed.
 */
export function createArcLayer() {
  let angles = new Float64Array(0)
  let drawnScene: ArcScene | null = null
  // each angle's shape, built once for the nodes' size (angles come in steps: a few hundred)
  let shapes = new Map<number, string>()
  let shapesRadius = NaN

  /** `paths`: arcs ahead, behind, ahead of crashed nodes, behind of crashed nodes */
  return (frame: Frame, scene: ArcScene, paths: ArrayLike<Element>): number | null => {
    const n = scene.nodes.length
    const ring = gaugeRing(scene.radius)
    let moved = scene !== drawnScene || angles.length !== n
    if (angles.length !== n) angles = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const angle = offsetArcAngle(frame.nodes[i * NODE_STRIDE + NODE.offset] ?? 0, ring.outer)
      if (angle !== angles[i]) {
        angles[i] = angle
        moved = true
      }
    }
    if (!moved) return null
    drawnScene = scene
    if (scene.radius !== shapesRadius) {
      shapes = new Map()
      shapesRadius = scene.radius
    }
    const d = ['', '', '', '']
    let drawn = 0
    for (let i = 0; i < n; i++) {
      const a = angles[i]
      if (a === 0) continue
      const { x, y } = scene.nodes[i]
      let shape = shapes.get(a)
      if (shape === undefined) shapes.set(a, (shape = gaugeShape(a, ring)))
      d[(a > 0 ? 0 : 1) + (scene.crashed[i] ? 2 : 0)] += gaugeStart(x, y, ring) + shape
      drawn++
    }
    d.forEach((path, k) => writeAttr(paths[k], 'd', path))
    return drawn
  }
}
