import { axisBottom } from 'd3-axis'
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { select } from 'd3-selection'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { Frame } from '../../worker/wire'
import { MAX_ARROWS, WINDOW_SECONDS } from '../../worker/spacetime'
import { fitCanvas } from '../fitCanvas'
import { repaint, schedulePaint, usePainter } from '../frameLoop'
import { t as tNow, useT } from '../i18n'
import { frameStore } from '../store/frameStore'
import { useRunStore } from '../store/runStore'
import { categoricalColour } from '../palette'
import { useElementSize } from '../useElementSize'
import { attachTimeZoom } from '../zoomController'
import { HoverCard } from './HoverCard'
import { hitTest, type HoverTarget } from './hover'
import { clampFirstLane, LANE_LIMIT, lanePositions } from './geometry'
import { useClockSelectionStore } from '../clock/clockSelectionStore'
import { paintSpacetime } from './painter'
import { SpacetimeLegend } from './SpacetimeLegend'
import {
  diagramViewStore,
  follow,
  MAX_SPAN,
  MIN_SPAN,
  shownRange,
  viewDomain,
  type DiagramView,
} from './diagramViewStore'
import { spacetimeWindow } from './spacetimeWindow'
import { arrowOf } from './spacetimeData'
import { useStepStore } from '../step/stepStore'
import { LogicalTools } from '../logical/LogicalTools'
import { logicalViewStore, reportFacts } from '../logical/logicalStore'
import { eventAt, paintLogical } from '../logical/logicalPainter'
import './spacetime.css'
import { writeText } from '../domWrites'

/** Room left of the lanes for node names, right of them for the last arrowheads, below for the axis. */
const GUTTER = 56
const PAD_RIGHT = 14
const PAD_TOP = 26
const AXIS = 34

const laneHeight = (n: number) => (n <= 8 ? 44 : Math.max(14, Math.min(44, 420 / n)))

const currentNow = () => frameStore.getState().frame?.now ?? spacetimeWindow().now

const selectFollowing = (s: DiagramView) => s.following
const selectTicks = (s: DiagramView) => s.localTicks
const selectFirstLane = (s: DiagramView) => s.firstLane

/**
 * The space-time (Lamport) diagram: a line per node over true time, every message an arrow from
 * its send to its receipt. Painted on a canvas from the worker's window of recent records
 * (spacetimeWindow.ts) and the frame's messages in flight; wheel and drag (zoomController.ts) set the
 * shown stretch (diagramViewStore.ts), which follows the live moment until the user pans back.
 */
export function SpacetimeView() {
  const t = useT()
  const run = useRunStore((s) => s.run)
  const following = useStore(diagramViewStore, selectFollowing)
  const localTicks = useStore(diagramViewStore, selectTicks)
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const axisRef = useRef<SVGGElement>(null)
  const layer = useRef<HTMLDivElement>(null)
  const note = useRef<HTMLSpanElement>(null)
  const empty = useRef<HTMLParagraphElement>(null)
  const scale = useRef<ScaleLinear<number, number> | null>(null)
  const [hover, setHover] = useState<{ target: HoverTarget; x: number; y: number } | null>(null)
  const hoverRef = useRef<HoverTarget | null>(null)
  const { width } = useElementSize(box)
  const n = run?.nodes.length ?? 0
  // past LANE_LIMIT nodes, a window of lanes (paged, and moved to the selected node)
  const shown = Math.min(n, LANE_LIMIT)
  const firstLane = clampFirstLane(useStore(diagramViewStore, selectFirstLane), n, shown)
  const rowH = laneHeight(shown)
  const height = PAD_TOP + shown * rowH + AXIS
  const laneY = useMemo(
    () => lanePositions(n, firstLane, shown, rowH, PAD_TOP),
    [n, firstLane, shown, rowH],
  )
  const selectedNode = useClockSelectionStore((s) => s.node)
  useEffect(() => {
    // the selected node's lane comes into view (the inspector, the clock table, a legend)
    const i = run?.nodes.findIndex((node) => node.id === selectedNode) ?? -1
    const first = diagramViewStore.getState().firstLane
    if (i >= 0 && (i < first || i >= first + shown))
      diagramViewStore.setState({ firstLane: clampFirstLane(i - shown / 2, n, shown) })
  }, [run, selectedNode, n, shown])
  const pageLanes = (by: number) =>
    diagramViewStore.setState({ firstLane: clampFirstLane(firstLane + by, n, shown) })

  const cost = useRef({ ms: 0, at: -Infinity, retry: 0 })
  const paint = useCallback(
    (frame: Frame | null) => {
      const el = canvas.current
      if (!el || width === 0 || !run) return
      const started = performance.now()
      // A busy view can cost several ms to draw: then repaint at most every 4 × that, so the
      // diagram never takes more than about a quarter of the main thread. A skipped paint is
      // made up later (a paused run sends no more frames to trigger one).
      const c = cost.current
      const wait = c.at + 4 * c.ms - started
      if (wait > 0) {
        if (!c.retry)
          c.retry = window.setTimeout(() => {
            c.retry = 0
            schedulePaint()
          }, wait)
        return
      }
      c.at = started
      const data = spacetimeWindow()
      const v = diagramViewStore.getState()
      const now = frame?.now ?? data.now
      const [from, to] = viewDomain(v, now)
      const x = scaleLinear()
        .domain([from, to])
        .range([GUTTER, width - PAD_RIGHT])
      scale.current = x
      const count = Math.max(2, Math.floor((width - GUTTER) / 90))
      const grid = x.ticks(count)
      const ctx = el.getContext('2d')
      if (!ctx) return
      // the canvas covers the lanes; the axis below is SVG
      const plotHeight = height - AXIS
      fitCanvas(el, ctx, width, plotHeight)
      const runKinds = useRunStore.getState().kinds
      const windowColours = data.kinds.map((k, i) => {
        const j = runKinds.indexOf(k)
        return categoricalColour(j >= 0 ? j : i)
      })
      const frameColours = runKinds.map((_, i) => categoricalColour(i))
      const hl = hoverRef.current
      // the message the last Step delivered, sent or lost (hovering another one shows that one)
      const stepped = useStepStore.getState().summary?.message ?? null
      const stepArrow = stepped === null ? null : arrowOf(data, stepped)
      const counts = paintSpacetime({
        ctx,
        width,
        height: plotHeight,
        x,
        laneY,
        data,
        frame: frame && frame.runId === data.runId ? frame : null,
        windowColours,
        frameColours,
        tickStep: v.localTicks && grid.length > 1 ? grid[1] - grid[0] : null,
        gridTicks: grid,
        highlight: hl?.kind === 'arrow' && hl.index >= data.first ? hl.index : stepArrow,
      })
      // logical stamps and the selected event's causal past and future, drawn over the arrows
      const logical = paintLogical(ctx, data, x, laneY, logicalViewStore.getState())
      reportFacts(logical)
      if (axisRef.current)
        select(axisRef.current).call(
          axisBottom(x)
            .ticks(count)
            .tickFormat((d) => String(Number((+d).toFixed(6)))),
        )
      shownRange.from = from
      shownRange.to = to
      const l = layer.current!
      l.dataset.arrows = String(counts.arrows)
      l.dataset.drops = String(counts.drops)
      l.dataset.inFlight = String(counts.inFlight)
      l.dataset.marks = String(counts.marks)
      l.dataset.stampsShown = String(logical.labelled)
      l.dataset.causalPast = String(logical.selection?.past ?? '')
      l.dataset.causalFuture = String(logical.selection?.future ?? '')
      l.dataset.causalConcurrent = String(logical.selection?.concurrent ?? '')
      l.dataset.stepMessage = stepArrow === null ? '' : String(stepped)
      l.dataset.from = String(from)
      l.dataset.to = String(to)
      l.dataset.windowStart = String(data.windowStart)
      // what this paint cost (ms): for performance checks in a real browser
      c.ms = performance.now() - started
      l.dataset.paintMs = c.ms.toFixed(2)
      if (empty.current) empty.current.hidden = counts.arrows + counts.inFlight + counts.marks > 0
      writeText(
        note.current,
        data.windowStart > 0
          ? tNow(data.limitedByCount ? 'spacetime.windowCapped' : 'spacetime.windowFrom', {
              from: data.windowStart.toFixed(2),
            })
          : '',
      )
    },
    [run, width, height, laneY],
  )
  const paintFrame = useCallback((frame: Frame) => paint(frame), [paint])
  usePainter(paintFrame, { rate: 'frame', visible: box })
  useEffect(() => {
    // paused runs get no frames: repaint for the view's own changes
    const stop = diagramViewStore.subscribe(() => repaint(paintFrame))
    const stopLogical = logicalViewStore.subscribe(() => repaint(paintFrame))
    const stopStep = useStepStore.subscribe(() => repaint(paintFrame))
    return () => {
      stop()
      stopLogical()
      stopStep()
    }
  }, [paintFrame])

  useEffect(() => {
    const el = layer.current
    if (!el || width === 0) return
    return attachTimeZoom(el, {
      domain: () => viewDomain(diagramViewStore.getState(), currentNow()),
      range: () => [GUTTER, width - PAD_RIGHT],
      move(a, b, source) {
        const v = diagramViewStore.getState()
        const now = currentNow()
        const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, b - a))
        // a wheel while following zooms about the live edge
        if (source === 'wheel' && v.following) diagramViewStore.setState({ span })
        else {
          const end = Math.min(b, now)
          diagramViewStore.setState({ span, end, following: end >= now && v.following })
        }
      },
    })
  }, [width])

  const onMove = useCallback(
    (e: React.PointerEvent<HTMLDivElement>) => {
      const x = scale.current
      if (!x || e.buttons) return
      const r = e.currentTarget.getBoundingClientRect()
      const px = e.clientX - r.left
      const py = e.clientY - r.top
      const target = hitTest(spacetimeWindow(), x, laneY, height - AXIS, px, py)
      const prev = hoverRef.current
      hoverRef.current = target
      const same =
        prev === target ||
        (prev?.kind === 'arrow' && target?.kind === 'arrow' && prev.index === target.index) ||
        (prev?.kind === 'mark' && target?.kind === 'mark' && prev.mark === target.mark)
      if (!same) {
        setHover(target ? { target, x: px, y: py } : null)
        schedulePaint()
      }
    },
    [laneY, height],
  )
  // a click on an event (an arrow's end) selects it; elsewhere clears the selection
  const onClick = useCallback(
    (e: React.MouseEvent<HTMLDivElement>) => {
      const x = scale.current
      if (!x) return
      const r = e.currentTarget.getBoundingClientRect()
      const hit = eventAt(spacetimeWindow(), x, laneY, e.clientX - r.left, e.clientY - r.top)
      logicalViewStore.setState({ selected: hit })
    },
    [laneY],
  )
  const onLeave = useCallback(() => {
    hoverRef.current = null
    setHover(null)
    schedulePaint()
  }, [])

  return (
    <section className="panel spacetime" aria-labelledby="spacetime-title">
      <div className="spacetime-head">
        <h2 id="spacetime-title">{t('spacetime.title')}</h2>
        <span className="spacetime-note">
          {t('spacetime.window', {
            seconds: WINDOW_SECONDS,
            max: MAX_ARROWS.toLocaleString('en-US'),
          })}{' '}
          <span ref={note} />
        </span>
        <div className="spacetime-tools">
          <label className="checkbox" title={t('spacetime.localTicksHint')}>
            <input
              type="checkbox"
              data-testid="spacetime-local-ticks"
              checked={localTicks}
              onChange={(e) => diagramViewStore.setState({ localTicks: e.target.checked })}
            />
            <span>{t('spacetime.localTicks')}</span>
          </label>
          <button
            type="button"
            className="btn"
            data-testid="spacetime-follow"
            aria-pressed={following}
            title={t('spacetime.followHint')}
            onClick={follow}
          >
            {t('spacetime.follow')}
          </button>
        </div>
      </div>
      <p className="spacetime-hint">{t('spacetime.hint')}</p>
      <LogicalTools />
      {n > shown && (
        <div className="spacetime-lanes" role="group" aria-label={t('spacetime.lanesLabel')}>
          <button
            type="button"
            className="btn"
            data-testid="spacetime-lanes-prev"
            disabled={firstLane === 0}
            onClick={() => pageLanes(-shown)}
          >
            {t('spacetime.lanesPrev', { count: shown })}
          </button>
          <span data-testid="spacetime-lanes" data-first={firstLane} data-shown={shown}>
            {t('spacetime.lanes', { from: firstLane + 1, to: firstLane + shown, total: n })}
          </span>
          <button
            type="button"
            className="btn"
            data-testid="spacetime-lanes-next"
            disabled={firstLane + shown >= n}
            onClick={() => pageLanes(shown)}
          >
            {t('spacetime.lanesNext', { count: shown })}
          </button>
          <span className="spacetime-lanes-hint">{t('spacetime.lanesHint')}</span>
        </div>
      )}
      <div className="spacetime-body" ref={box} style={{ height }}>
        <canvas
          ref={canvas}
          className="spacetime-canvas"
          style={{ width, height: height - AXIS }}
        />
        <svg className="spacetime-overlay" width={width} height={height} aria-hidden="true">
          {run?.nodes.slice(firstLane, firstLane + shown).map((node, i) => (
            <text
              key={node.id}
              x={GUTTER - 10}
              y={laneY[firstLane + i]}
              className="st-lane-label"
              dominantBaseline="middle"
            >
              {node.id}
            </text>
          ))}
          <g ref={axisRef} className="st-axis" transform={`translate(0,${height - AXIS})`} />
          <text x={width - PAD_RIGHT} y={height - 2} className="st-axis-label">
            {t('spacetime.axis')}
          </text>
        </svg>
        <div
          ref={layer}
          className="spacetime-layer"
          data-testid="spacetime"
          data-following={following}
          role="img"
          aria-label={t('spacetime.label')}
          onPointerMove={onMove}
          onClick={onClick}
          onPointerLeave={onLeave}
          style={{ height: height - AXIS }}
        />
        <p className="spacetime-empty" ref={empty}>
          {run ? t('spacetime.empty') : t('spacetime.starting')}
        </p>
        {hover && run && (
          <HoverCard
            target={hover.target}
            data={spacetimeWindow()}
            run={run}
            left={Math.min(hover.x + 14, Math.max(0, width - 340))}
            top={hover.y + 14}
          />
        )}
      </div>
      <SpacetimeLegend />
    </section>
  )
}
