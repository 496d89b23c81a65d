import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { Frame } from '../../worker/wire'
import { usePainter } from '../frameLoop'
import { ConsensusOverlay } from '../consensus/ConsensusOverlay'
import { useT } from '../i18n'
import { activateNode, openNodeMenu } from '../perturb/actions'
import { AnnotationLayer, MapCaption } from './AnnotationLayer'
import { Arrowhead } from './Arrowhead'
import { GroupHalos } from '../perturb/GroupHalos'
import { LinkLayer } from '../perturb/LinkLayer'
import { createLinkMerger } from '../perturb/linkMerger'
import { groupName } from '../perturb/partition'
import { usePerturbStore, type PerturbState } from '../perturb/perturbStore'
import { useClockSelectionStore } from '../clock/clockSelectionStore'
import { clockFeedStore } from '../clock/history/clockFeedStore'
import { ASKS } from '../perturb/menuModel'
import { TOOL_ASKS, isValueTool, nodeHint } from '../tools/toolModel'
import { StepCaption } from '../step/StepCaption'
import { frameStore } from '../store/frameStore'
import { useRunStore, type RunState } from '../store/runStore'
import { useElementSize } from '../useElementSize'
import { curvePath, linkCurve, type LinkCurve } from './geometry'
import { layoutTopology, ringTransform, type TopologyLayout } from './layout'
import { createArcLayer, type ArcScene } from './arcLayer'
import { usePresenterStore } from '../workspace/presenterStore'
import type { MapObstacles } from './flightLabels'
import { createMessageLayer, type MessageLayer } from './messageLayer'
import { releaseOffscreenPainter } from '../offscreenPainter'
import { boxesIn, nodeDiscs } from './obstacles'
import { NodeGlyph, type NodeParts } from './NodeGlyph'
import { createNodePainter, paintNodeData } from './nodePainter'

const OBSTACLES_MS = 500
const NO_LINKS: [number, number][] = []
/** How far (as a fraction of the ring's radii) a large map's nodes are carried, not re-placed. */
const NODES_CARRIED = 0.1

/**
 * A dense mesh is faint, so its ink stays about that of a few thousand links: every pair of 200
 * nodes (39 800 curves) at full strength is a solid disc, faint it shows where traffic runs.
 */
const meshOpacity = (links: number): number =>
  Math.min(0.6, Math.max(0.08, 3000 / Math.max(1, links)))

const selectView = (s: RunState) => ({ run: s.run, statuses: s.statuses, links: s.links })
const selectTool = (s: PerturbState) => ({ draft: s.draft, tool: s.tool, values: s.toolValues })

/**
 * The map, in layers by how often they change (docs/ui-layers.md):
 * 1. static SVG (React): links — the pairs the protocols use from the start, more as traffic
 *    reveals them; each direction can be cut, see perturb/LinkLayer.tsx — and node glyphs,
 *    re-rendered only when the topology, a status or the selection changes;
 * 2. annotations (SVG group above links and nodes, below messages: the consensus overlay, and
 *    what a lesson step or a fault wants seen);
 * 3. messages in flight on a canvas (messageLayer.ts), sent at each frame and drawn at every
 *    display refresh by a worker of its own (messagePaint.worker.ts);
 * 4. clock readouts and offset arcs, written at the readout rate (nodePainter.ts; a large
 *    map's arcs in an SVG over the glyphs, arcLayer.ts).
 * Level of detail by node count (layout.ts): up to a few dozen nodes every link is its own
 * control with an arrowhead and every node has readouts; beyond, the links are one faint path,
 * the offset arcs four paths, messages are points and a node's name and clock are in its tooltip.
 * Nothing is painted while the map is scrolled out of view.
 */
export function TopologyView() {
  const t = useT()
  const { run, statuses, links: learned } = useRunStore(useShallow(selectView))
  const { draft, tool, values } = usePerturbStore(useShallow(selectTool))
  const selected = useClockSelectionStore((s) => (tool === 'inspect' ? s.node : null))
  const box = useRef<HTMLDivElement>(null)
  const { width, height } = useElementSize(box)
  const canvas = useRef<HTMLCanvasElement>(null)
  const parts = useRef<(NodeParts | null)[]>([])

  // presenter mode's readouts are 16 px instead of 13 (workspace.css)
  const textScale = usePresenterStore((s) => (s.on ? 16 / 13 : 1))
  const layout = useMemo(
    () => (run && width > 0 ? layoutTopology(run.nodes, width, height, textScale) : null),
    [run, width, height, textScale],
  )
  const n = run?.nodes.length ?? 0
  const merge = useMemo(createLinkMerger, [])
  const links = useMemo(() => merge(run?.links ?? NO_LINKS, learned, n), [merge, run, learned, n])
  const ids = useMemo(() => run?.nodes.map((node) => node.id) ?? [], [run])

  const curves = useMemo(() => {
    const cache = new Map<number, LinkCurve>()
    return (from: number, to: number): LinkCurve | null => {
      if (!layout || from === to) return null
      const key = from * n + to
      let c = cache.get(key)
      if (!c) {
        c = linkCurve(layout.nodes[from], layout.nodes[to], layout.radius + 2)
        cache.set(key, c)
      }
      return c
    }
  }, [layout, n])

  // Tens of thousands of curves at 200 nodes, built when the links change, not every render:
  // links only grow within a run, so a batch of new ones appends its curves to the path built
  // so far. The path stays in the coordinates of the box it was first built for (`base`, its
  // SVG keeps that size); when the map's box changes size (a legend row appears, the window is
  // resized) a CSS transform on that SVG carries it onto the new layout — rebuilding was a
  // 100–400 ms task each time, and a transform on the path itself still laid out and
  // repainted every curve, where a CSS one only moves its composited layer. A new run starts over.
  const built = useRef<{
    run: typeof run
    base: TopologyLayout | null
    size: { width: number; height: number }
    count: number
    d: string
  }>({ run: null, base: null, size: { width: 0, height: 0 }, count: 0, d: '' })
  const bundle = useMemo(() => {
    if (!layout || layout.detailed) return null
    const b = built.current
    if (b.run !== run || !b.base || links.length < b.count)
      Object.assign(b, { run, base: layout, size: { width, height }, count: 0, d: '' })
    const base = b.base!
    for (; b.count < links.length; b.count++) {
      const [from, to] = links[b.count]
      if (from !== to)
        b.d += curvePath(linkCurve(base.nodes[from], base.nodes[to], base.radius + 2))
    }
    const transform = base === layout ? undefined : ringTransform(base.ring, layout.ring)
    return { d: b.d, size: b.size, transform }
  }, [run, layout, links, width, height])

  // The same for a large map's nodes: placed where this run first laid them out, and carried by
  // the mesh's transform while the box changes only a little. A legend row appearing when a
  // message kind is first seen re-placed 200 glyphs, a long task of ~100 ms of layout and paint.
  // A larger change (a window resized, presenter mode) places them afresh: a transform that
  // far would visibly stretch the discs.
  const placedAt = useRef<{ run: typeof run; base: TopologyLayout | null }>({
    run: null,
    base: null,
  })
  const glyphs = useMemo(() => {
    if (!layout || layout.detailed) return { layout, transform: undefined }
    const p = placedAt.current
    const near = (a: number, b: number) => Math.abs(a / b - 1) < NODES_CARRIED
    if (
      p.run !== run ||
      !p.base ||
      p.base.nodes.length !== layout.nodes.length ||
      !near(layout.ring.rx, p.base.ring.rx) ||
      !near(layout.ring.ry, p.base.ring.ry)
    )
      Object.assign(p, { run, base: layout })
    const base = p.base!
    return {
      layout: base,
      transform: base === layout ? undefined : ringTransform(base.ring, layout.ring),
    }
  }, [run, layout])
  const placed = glyphs.layout

  // a large map's offset arcs, four paths in an SVG of their own over the glyphs (arcLayer.ts)
  const paintArcs = useMemo(createArcLayer, [])
  const arcScene = useMemo(
    (): ArcScene | null =>
      placed && !placed.detailed
        ? {
            nodes: placed.nodes,
            radius: placed.radius,
            crashed: placed.nodes.map((_, i) => statuses[i] === 'crashed'),
          }
        : null,
    [placed, statuses],
  )
  const arcsSvg = useRef<SVGSVGElement>(null)

  const paintNodes = useMemo(createNodePainter, [])
  const register = useCallback((index: number, p: NodeParts | null) => {
    parts.current[index] = p
  }, [])

  // What message labels keep clear of: nodes, clock readouts and map marks, measured from the
  // DOM at most twice a second (readouts change width as their digits do; layout is not per frame).
  const svg = useRef<SVGSVGElement>(null)
  const obstacles = useMemo(() => {
    let cached: MapObstacles | null = null
    let at = -Infinity
    return (): MapObstacles => {
      const now = performance.now()
      if (!cached || now - at > OBSTACLES_MS) {
        at = now
        const rects = svg.current ? boxesIn(svg.current, '.node-readout, .map-mark-box') : []
        cached = { circles: layout ? nodeDiscs(layout) : [], rects }
      }
      return cached
    }
  }, [layout])

  // the message canvas's layer lives as long as the canvas (a worker may paint it)
  const messageLayer = useRef<MessageLayer | null>(null)
  useEffect(() => {
    const el = canvas.current!
    messageLayer.current = createMessageLayer(el)
    return () => {
      messageLayer.current = null
      releaseOffscreenPainter(el)
    }
  }, [])
  useEffect(() => messageLayer.current?.resize(width, height), [width, height])
  useEffect(() => {
    if (layout) messageLayer.current?.layout(layout)
  }, [layout])
  const runId = run?.runId
  // Message ids restart with every run: drop the old dots rather than reuse them.
  useEffect(() => () => messageLayer.current?.clear(), [runId])

  const paintReadouts = useCallback(
    (frame: Frame) => {
      if (!placed) return
      paintNodes(frame, parts.current, placed.radius)
      const arcs = arcsSvg.current
      if (arcScene && arcs) {
        const drawn = paintArcs(frame, arcScene, arcs.querySelectorAll('path'))
        if (drawn !== null) arcs.setAttribute('data-arcs', String(drawn))
      }
      messageLayer.current?.keepClear(obstacles)
    },
    [placed, paintNodes, obstacles, arcScene, paintArcs],
  )
  usePainter(paintReadouts, { visible: box })
  // for tests and tools; on a large map only on paused frames (2 000 attributes 5 times a second
  // at 1 000 nodes cost more script than the map's drawing)
  const paintData = useCallback(
    (frame: Frame) => {
      if (!frame.running || layout?.detailed) paintNodeData(frame, parts.current)
    },
    [layout],
  )
  usePainter(paintData)

  const paintMessages = useCallback(
    (frame: Frame) => {
      if (!layout) return
      const { kinds } = useRunStore.getState()
      messageLayer.current?.frame(frame, frameStore.getState().receivedAt, kinds, curves)
    },
    [layout, curves],
  )
  usePainter(paintMessages, { rate: 'arrival', visible: box })

  // What a click does under the chosen tool, said on each node (null: the node's own hint).
  const amount = isValueTool(tool) ? `${values[tool]} ${t(ASKS[TOOL_ASKS[tool]].unit)}` : ''
  // which nodes lie, as a string (summaries arrive often; re-render only when this changes)
  const liars = useStore(clockFeedStore, (s) =>
    tool === 'falseticker' ? (s.summary?.map((x) => (x.lie !== 0 ? '1' : '0')).join('') ?? '') : '',
  )
  // computed when what they say changes, not when the nodes move (1 000 of them at 1 000 nodes)
  const hints = useMemo(
    () =>
      run?.nodes.map(({ id }, index): string | undefined => {
        if (draft)
          return t('node.assignHint', {
            id,
            group: groupName(draft.assign[index]),
            brush: groupName(draft.brush),
          })
        const node = {
          id,
          index,
          status: statuses[index] ?? 'up',
          lying: liars[index] === '1',
          selected: id === selected,
        }
        return nodeHint(tool, node, amount, t) ?? undefined
      }) ?? [],
    [run, draft, statuses, liars, selected, tool, amount, t],
  )

  // The glyphs as elements, made again only when what they show changes; where each one sits
  // is written into its registered group after render. Moving 1 000 nodes (the map's box grew
  // when a notice went) then renders none of them: rendered again, they were a 30–55 ms task.
  const ready = placed !== null
  const radius = placed?.radius ?? 0
  const detailed = placed?.detailed ?? false
  // the side each readout goes (a large map has none)
  const sides = useMemo(() => (placed?.detailed ? placed.nodes.map((p) => p.out) : null), [placed])
  const nodeGlyphs = useMemo(
    () =>
      ready &&
      run?.nodes.map((node, i) => (
        <NodeGlyph
          key={`${run.runId}:${node.id}`}
          index={i}
          id={node.id}
          reference={node.reference}
          status={statuses[i] ?? 'up'}
          outX={sides?.[i].x ?? 0}
          outY={sides?.[i].y ?? 0}
          textScale={textScale}
          r={radius}
          detailed={detailed}
          register={register}
          onToggle={activateNode}
          onMenu={openNodeMenu}
          hint={hints[i]}
          selected={node.id === selected}
        />
      )),
    [ready, run, statuses, sides, textScale, radius, detailed, register, hints, selected],
  )
  // (a glyph made again keeps its group and its place; a new run's glyphs come with a new layout)
  useLayoutEffect(() => {
    placed?.nodes.forEach((p, i) =>
      parts.current[i]?.root.setAttribute(
        'transform',
        `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
      ),
    )
  }, [placed])

  return (
    <div className="topology" ref={box}>
      {!run && <p className="empty-state">{t('topology.starting')}</p>}
      {bundle && (
        // Hundreds of links: one faint path, no arrowheads, no per-link highlighting, in an
        // SVG of its own under the map (its own composited layer): a readout or an offset arc
        // that changes re-rasters only the map above, never this mesh — drawn into every tile
        // it crosses, it cost 0.8 s of raster a second at 200 nodes.
        <svg
          className="topology-links"
          width={bundle.size.width}
          height={bundle.size.height}
          viewBox={`0 0 ${bundle.size.width} ${bundle.size.height}`}
          style={{ transform: bundle.transform }}
          aria-hidden="true"
        >
          <path
            className="link link-bundle"
            d={bundle.d}
            style={{ opacity: meshOpacity(links.length) }}
          />
        </svg>
      )}
      <svg
        ref={svg}
        className="topology-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t('topology.label')}
      >
        <defs>
          <Arrowhead id="arrow" className="link-arrow" />
          <Arrowhead id="arrow-cut" className="link-arrow-cut" />
        </defs>
        {layout && layout.detailed && <LinkLayer links={links} ids={ids} curve={curves} />}
        <g transform={glyphs.transform}>
          {placed && <GroupHalos places={placed.nodes} r={placed.radius} />}
        </g>
        <g className="nodes" transform={glyphs.transform}>
          {nodeGlyphs}
        </g>
        {/* annotation layer: above links and nodes, below the message canvas */}
        {layout && <ConsensusOverlay layout={layout} />}
        {layout && layout.detailed && (
          <AnnotationLayer layout={layout} curve={curves} width={width} height={height} />
        )}
      </svg>
      {arcScene && (
        <svg
          ref={arcsSvg}
          className="topology-arcs"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          data-testid="offset-arcs"
          aria-hidden="true"
        >
          <g transform={glyphs.transform}>
            {/* in the order arcLayer.ts fills them */}
            <path className="node-arc ahead" />
            <path className="node-arc behind" />
            <path className="node-arc ahead arc-crashed" />
            <path className="node-arc behind arc-crashed" />
          </g>
        </svg>
      )}
      <canvas
        className="topology-messages"
        ref={canvas}
        style={{ width, height }}
        data-testid="messages"
        aria-hidden="true"
      />
      <MapCaption />
      <StepCaption />
      {run && links.length === 0 && <p className="topology-note">{t('topology.noMessages')}</p>}
    </div>
  )
}
