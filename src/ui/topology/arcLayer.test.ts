import { describe, expect, it } from 'vitest'
import { NODE, NODE_STRIDE, type Frame } from '../../worker/wire'
import { createArcLayer, type ArcScene } from './arcLayer'
import { gaugePath, gaugeRing, offsetArcAngle } from './geometry'

/** The layer's four paths, recording what is written into them. */
function fakePaths() {
  const d: Record<string, string> = {}
  let writes = 0
  const path = (key: string) => ({
    setAttribute: (name: string, value: string) => {
      expect(name).toBe('d')
      d[key] = value
      writes++
    },
  })
  // in the layer's order
  const paths = ['ahead', 'behind', 'aheadCrashed', 'behindCrashed'].map(
    path,
  ) as unknown as Element[]
  return { paths, d, writes: () => writes }
}

const frameOf = (offsets: number[]) => {
  const nodes = new Float64Array(offsets.length * NODE_STRIDE)
  offsets.forEach((o, i) => (nodes[i * NODE_STRIDE + NODE.offset] = o))
  return { nodes } as unknown as Frame
}

const sceneOf = (n: number, crashed: boolean[] = []): ArcScene => ({
  nodes: Array.from({ length: n }, (_, i) => ({ x: 10 * i, y: 5, out: { x: 0, y: -1 } })),
  radius: 4,
  crashed,
})

const sectors = (d: string | undefined) => d?.match(/M/g)?.length ?? 0

describe('arc layer', () => {
  it('draws each node off true time once, in the path of its sign, round its place', () => {
    const { paths, d } = fakePaths()
    expect(createArcLayer()(frameOf([0.002, -0.001, 0, 0.0005]), sceneOf(4), paths)).toBe(3)
    expect([sectors(d.ahead), sectors(d.behind), sectors(d.aheadCrashed)]).toEqual([2, 1, 0])
    const ring = gaugeRing(4)
    expect(d.behind).toBe(gaugePath(offsetArcAngle(-0.001, ring.outer), ring, 10, 5))
  })

  it('rewrites the paths only when an arc moves a step or the scene changes', () => {
    const { paths, writes } = fakePaths()
    const paint = createArcLayer()
    const scene = sceneOf(2)
    paint(frameOf([0.002, -0.001]), scene, paths)
    const first = writes()
    expect(paint(frameOf([0.002, -0.001]), scene, paths)).toBeNull()
    // a change smaller than the gauge's step at this size draws nothing either
    const ring = gaugeRing(scene.radius)
    const near = 0.002 * (1 + 1e-9)
    expect(offsetArcAngle(near, ring.outer)).toBe(offsetArcAngle(0.002, ring.outer))
    expect(paint(frameOf([near, -0.001]), scene, paths)).toBeNull()
    expect(writes()).toBe(first)
    // one arc moved: only its path is written again
    expect(paint(frameOf([0.02, -0.001]), scene, paths)).toBe(2)
    expect(writes()).toBe(first + 1)
    // a node crashed (a new scene): its arc moves to the faint path
    expect(paint(frameOf([0.02, -0.001]), sceneOf(2, [true, false]), paths)).toBe(2)
    expect(writes()).toBe(first + 3)
  })

  it("puts a crashed node's arc in the faint path of its sign", () => {
    const { paths, d } = fakePaths()
    createArcLayer()(frameOf([0.002, -0.002]), sceneOf(2, [true, true]), paths)
    expect([d.ahead, d.behind].map(sectors)).toEqual([0, 0])
    expect([d.aheadCrashed, d.behindCrashed].map(sectors)).toEqual([1, 1])
  })
})

describe('gauge path', () => {
  const ring = { inner: 5, outer: 8 }
  it('is the ring sector from 12 o’clock, clockwise ahead and anticlockwise behind', () => {
    // a quarter turn: the outer rim to 3 o'clock (18, 20), in to (15, 20), back to (10, 15)
    expect(gaugePath(Math.PI / 2, ring, 10, 20)).toBe('M10,12a8,8,0,0,1,8,8l-3,0a5,5,0,0,0,-5,-5z')
    // behind: the mirror image, to 9 o'clock
    expect(gaugePath(-Math.PI / 2, ring, 10, 20)).toBe('M10,12a8,8,0,0,0,-8,8l3,0a5,5,0,0,1,5,-5z')
    expect(gaugePath(0, ring, 10, 20)).toBe('')
  })
})
