import { axisBottom, axisLeft } from 'd3-axis'
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { select } from 'd3-selection'
import { NODE, NODE_STRIDE, type Frame } from '../../../worker/wire'
import type { NodeClockSummary } from '../../../worker/clockSummary'
import { writeAttr, writeText } from '../../domWrites'
import { offscreenPainter } from '../../offscreenPainter'
import type { Translate } from '../../i18n'
import { timeUnitFor } from '../format/units'
import { clockQuality, CRASHED } from '../quality'
import type { HistoryRing } from '../history/ring'
import { columnsFor, extent } from './decimate'
import { chartDrawer, type ChartUpdate, type SceneStyle } from './chartScene'
import { needsRedraw, type Drawn } from './redraw'
import { ThinnedLines } from './thinnedLines'
import type { TimeView } from './timeViewStore'
import { timeDomain } from './viewport'

/**
 * Draws one clock chart into parts React created: the lines on a canvas over the plot area (a
 * rebuilt SVG path per line, parsed again by the browser at every redraw, was most of the
 * default page's script), and in SVG the axes, the zero line (true time, or no correction) and,
 * on the offset chart, the band of the current accuracy. Pure drawing: what to draw comes in
 * `ChartInput`, so the component decides when.
 */
export type ChartKind = 'offset' | 'correction'

export interface ChartParts {
  figure: HTMLElement
  xAxis: SVGGElement
  yAxis: SVGGElement
  zero: SVGLineElement
  band: SVGRectElement | null
  yLabel: SVGTextElement
  /** the lines' layer: the plot area, in CSS pixels `width` × `height` of the input */
  canvas: HTMLCanvasElement
  /** per line, what tests and tools read: its newest value (`data-last`), points drawn (`data-points`) */
  series: (HTMLElement | null)[]
}

/** How a node's line looks (the colour from palette.ts). */
interface LineStyle {
  colour: string
  reference: boolean
  selected: boolean
}

export interface ChartInput {
  ring: HistoryRing
  frame: Frame | null
  summary: NodeClockSummary[] | null
  /** one per charted node */
  lines: readonly LineStyle[]
  view: TimeView
  /** plot area in pixels (inside the margins) */
  width: number
  height: number
  t: Translate
}

/** The value the node shows now, beyond the last sample (NaN: none). */
function liveValue(kind: ChartKind, input: ChartInput, i: number): number {
  const { frame, summary } = input
  if (!frame) return NaN
  if (frame.nodes[i * NODE_STRIDE + NODE.status] === CRASHED) return NaN
  if (kind === 'offset') return frame.nodes[i * NODE_STRIDE + NODE.offset]
  return summary?.[i]?.correctionPpm ?? NaN
}

export function paintChart(kind: ChartKind, parts: ChartParts, input: ChartInput): void {
  const { ring, frame, width, height, t } = input
  const n = ring.size
  const lastT = n > 0 ? ring.time(n - 1) : 0
  const { first, now } = historySpan(ring, frame)
  const [x0, x1] = timeDomain(input.view, first, now)
  const x = scaleLinear().domain([x0, x1]).range([0, width])
  const i0 = Math.max(0, ring.lowerBound(x0) - 1)
  const i1 = Math.min(n, ring.lowerBound(x1) + 1)
  const tail = frame !== null && frame.now > lastT && frame.now >= x0 && frame.now <= x1

  const width0 = Math.min(ring.width, input.lines.length)
  // each line's newest value: the node's now past the last sample, else that sample
  const newest: number[] = []
  for (let i = 0; i < width0; i++)
    newest.push(
      tail
        ? liveValue(kind, input, i)
        : n > 0
          ? kind === 'offset'
            ? ring.offset(n - 1, i)
            : ring.correction(n - 1, i)
          : NaN,
    )
  const accuracy = kind === 'offset' && frame ? clockQuality(frame).accuracy : 0
  const state: Drawn = {
    x0,
    x1,
    width,
    height,
    view: input.view,
    label: t('clock.chart.timeAxis'),
    newest,
    now: tail ? frame.now : lastT,
    accuracy,
    look: lookKey(input.lines),
  }
  const prev = lastDrawn.get(parts.figure)
  // a paused frame is always drawn exactly
  if (frame?.running && prev && !needsRedraw(prev.state, state, prev.y)) return

  // the columns' width in simulated time (rounded: a sliding window's span differs in the last bits)
  const perSecond = Number((columnsFor(width, width0) / (x1 - x0)).toPrecision(9))
  let painted = paintedLines.get(parts.canvas)
  if (!painted)
    paintedLines.set(parts.canvas, (painted = { thinned: new ThinnedLines(), look: '' }))
  const { thinned } = painted
  thinned.thin(ring, kind, width0, perSecond, i0, i1)
  // y extent over what is drawn (the thinned points keep every column's extremes), always
  // including zero and, on the offset chart, the accuracy band
  let lo = 0
  let hi = 0
  // per line, the points it draws
  const drawn: number[] = []
  for (let i = 0; i < width0; i++) {
    const [a, b, points] = extent(thinned.lines[i].v, thinned.from[i])
    const [ha, hb, headPoints] = extent(thinned.heads[i].v)
    lo = Math.min(lo, a, ha)
    hi = Math.max(hi, b, hb)
    // the live value past the last sample counts too (NaN when there is none)
    const v = tail ? newest[i] : NaN
    drawn.push(headPoints + points + (Number.isNaN(v) ? 0 : 1))
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  lo = Math.min(lo, -accuracy)
  hi = Math.max(hi, accuracy)
  const unit = kind === 'offset' ? timeUnitFor(Math.max(-lo, hi)) : { key: null, factor: 1 }
  const f = unit.factor
  const pad = (hi - lo) * 0.06 || (kind === 'offset' ? 1e-6 : 1)
  const y = scaleLinear()
    .domain([(lo - pad) * f, (hi + pad) * f])
    .range([height, 0])
    .nice(Math.max(2, Math.round(height / 36)))

  const [d0, d1] = y.domain()
  const update: ChartUpdate = {
    width,
    height,
    dpr: window.devicePixelRatio || 1,
    x0,
    kx: width / (x1 - x0),
    y0: d0 / f,
    ky: (-height / (d1 - d0)) * f,
    // the lines' looks go when they change
    styles: painted.look === state.look ? null : sceneStyles(input.lines, width0),
    ...thinned.delta(),
    tail: tail ? { t: frame.now, v: Float64Array.from(newest) } : null,
  }
  // copied, not transferred: a few points per line (detaching buffers cost more)
  linePainter(parts.canvas).send(update)
  painted.look = state.look
  thinned.close()
  for (let i = 0; i < parts.series.length; i++) {
    const el = parts.series[i]
    if (!el) continue
    writeAttr(el, 'data-points', String(drawn[i] ?? 0))
    // the newest value, for tests and tools
    if (i < width0) writeAttr(el, 'data-last', String(newest[i]))
  }

  // An axis is redrawn only when its scale changed (the y axis mostly keeps its nice domain
  // while the run plays); its `data-domain` says which scale it shows.
  if (writeAttr(parts.xAxis, 'data-domain', scaleKey(x)))
    select(parts.xAxis).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(width / 90)))
        .tickSizeOuter(0),
    )
  if (writeAttr(parts.yAxis, 'data-domain', scaleKey(y)))
    select(parts.yAxis).call(
      axisLeft(y)
        .ticks(Math.max(2, Math.round(height / 36)))
        .tickSizeOuter(0),
    )
  const y0 = String(y(0))
  writeAttr(parts.zero, 'x2', String(width))
  writeAttr(parts.zero, 'y1', y0)
  writeAttr(parts.zero, 'y2', y0)
  if (parts.band) {
    const top = y(accuracy * f)
    writeAttr(parts.band, 'y', String(top))
    writeAttr(parts.band, 'width', String(width))
    writeAttr(parts.band, 'height', String(Math.max(0, y(-accuracy * f) - top)))
  }
  const label = unit.key
    ? t('clock.chart.offsetAxis', { unit: t(unit.key) })
    : t('clock.chart.correctionAxis')
  writeText(parts.yLabel, label)
  const fig = parts.figure
  writeAttr(fig, 'data-samples', String(n))
  writeAttr(fig, 'data-unit', unit.key ?? 'ppm')
  writeAttr(fig, 'data-x0', String(x0))
  writeAttr(fig, 'data-x1', String(x1))
  writeAttr(fig, 'data-now', String(state.now))
  lastDrawn.set(fig, { state, y: (v) => y(v * f) })
}

/** Line widths in CSS pixels; a reference clock's line is thin and dashed. */
const LINE_WIDTH = { plain: 1.5, reference: 1, selected: 3 }
const REFERENCE_DASH = [4, 3]

/** How the first `count` lines look, the selected one last (on top). */
function sceneStyles(lines: readonly LineStyle[], count: number): SceneStyle[] {
  const styles = lines.slice(0, count).map((style, line) => ({
    line,
    colour: style.colour,
    width: style.selected
      ? LINE_WIDTH.selected
      : style.reference
        ? LINE_WIDTH.reference
        : LINE_WIDTH.plain,
    dash: style.reference && !style.selected ? REFERENCE_DASH : [],
  }))
  return styles.sort((a, b) => Number(lines[a.line].selected) - Number(lines[b.line].selected))
}

/** The canvas's painter: its own worker where the canvas can be handed over (offscreenPainter.ts). */
const linePainter = (canvas: HTMLCanvasElement) =>
  offscreenPainter<ChartUpdate>(
    canvas,
    () => new Worker(new URL('./chartPaint.worker.ts', import.meta.url), { type: 'module' }),
    chartDrawer,
  )

/** What the lines look like, as one string: a new selection or palette redraws the chart. */
const lookKey = (lines: readonly LineStyle[]) =>
  lines.map((l) => `${l.colour}${l.reference ? 'r' : ''}${l.selected ? 's' : ''}`).join()

/**
 * Each chart's lines as its painter has them, by canvas (a painter lives as long as its canvas):
 * the thinned lines whose whole columns it was sent, and the look it was last sent.
 */
const paintedLines = new WeakMap<HTMLCanvasElement, { thinned: ThinnedLines; look: string }>()

/** What each chart (by its figure) last drew, and where a value lands on it. */
const lastDrawn = new WeakMap<Element, { state: Drawn; y: (v: number) => number }>()

/** What an axis shows: its scale's domain and pixel range (the tick count follows the range). */
const scaleKey = (s: ScaleLinear<number, number>) => `${s.domain().join()} ${s.range().join()}`

/** The x domain the chart would draw now (for zoom gestures, which start from it). */
export function currentDomain(
  ring: HistoryRing,
  frame: Frame | null,
  view: TimeView,
): [number, number] {
  const { first, now } = historySpan(ring, frame)
  return timeDomain(view, first, now)
}

/** The history's first time and the present (the newer of the last sample and the frame). */
export function historySpan(
  ring: HistoryRing,
  frame: Frame | null,
): { first: number; now: number } {
  const n = ring.size
  const lastT = n > 0 ? ring.time(n - 1) : 0
  const now = Math.max(frame?.now ?? 0, lastT)
  return { first: n > 0 ? ring.time(0) : now, now }
}
