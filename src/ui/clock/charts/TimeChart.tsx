import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { Frame } from '../../../worker/wire'
import { repaint, schedulePaint, usePainter } from '../../frameLoop'
import { t as tNow, useT } from '../../i18n'
import { frameStore } from '../../store/frameStore'
import { clockFeedStore, history } from '../history/clockFeedStore'
import { releaseOffscreenPainter } from '../../offscreenPainter'
import { useElementSize } from '../../useElementSize'
import { attachTimeZoom } from '../../zoomController'
import {
  currentDomain,
  historySpan,
  paintChart,
  type ChartKind,
  type ChartParts,
} from './chartPainter'
import { timeViewStore } from './timeViewStore'
import { viewFor } from './viewport'

const MARGIN = { top: 8, right: 14, bottom: 22, left: 58 }
/** Room under the x axis for its label, on the chart that shows it. */
const TIME_LABEL = 16

interface Props {
  kind: ChartKind
  testId: string
  title: string
  nodes: readonly { id: string; colour: string; reference: boolean }[]
  selected: string | null
  height: number
  /** label the time axis (the lowest of stacked charts) */
  timeLabel?: boolean
}

/**
 * A clock chart over simulated time. React renders the skeleton (SVG axis groups, zero line,
 * band; a canvas over the plot area for the lines); the painter fills it in from the history
 * ring, at most at the readout rate while running (thinning a full history, 16 k samples per
 * line, costs a few milliseconds per chart) and not at all while scrolled out of view. Wheel
 * zooms and dragging pans (zoomController.ts), for both charts at once: the window lives in
 * `timeViewStore`.
 */
export function TimeChart({ kind, testId, title, nodes, selected, height, timeLabel }: Props) {
  const t = useT()
  const figure = useRef<HTMLElement>(null)
  const { width } = useElementSize(figure)
  const plotW = Math.max(0, width - MARGIN.left - MARGIN.right)
  const plotH = height - MARGIN.top - MARGIN.bottom - (timeLabel ? TIME_LABEL : 0)
  const xAxis = useRef<SVGGElement>(null)
  const yAxis = useRef<SVGGElement>(null)
  const zero = useRef<SVGLineElement>(null)
  const band = useRef<SVGRectElement>(null)
  const yLabel = useRef<SVGTextElement>(null)
  const overlay = useRef<SVGRectElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const series = useRef<(HTMLElement | null)[]>([])
  const count = nodes.length
  const lines = useMemo(
    () =>
      nodes.map((n) => ({ colour: n.colour, reference: n.reference, selected: n.id === selected })),
    [nodes, selected],
  )

  const paint = useCallback(
    (frame: Frame) => {
      if (plotW <= 0 || !figure.current || !xAxis.current || !yAxis.current || !canvas.current)
        return
      const parts: ChartParts = {
        figure: figure.current,
        xAxis: xAxis.current,
        yAxis: yAxis.current,
        zero: zero.current!,
        band: band.current,
        yLabel: yLabel.current!,
        canvas: canvas.current,
        series: series.current.slice(0, count),
      }
      paintChart(kind, parts, {
        ring: history.ring,
        frame,
        summary: clockFeedStore.getState().summary,
        lines,
        view: timeViewStore.getState().view,
        width: plotW,
        height: plotH,
        t: tNow,
      })
    },
    [kind, plotW, plotH, count, lines],
  )
  usePainter(paint, { visible: figure })

  useEffect(() => {
    // the canvas's paint worker goes with the chart (not on a development remount)
    const el = canvas.current
    return () => {
      if (el) releaseOffscreenPainter(el)
    }
  }, [])

  useEffect(() => {
    // a zoom or pan shows at once, not at the next readout slot
    const unsubscribe = [
      clockFeedStore.subscribe(schedulePaint),
      timeViewStore.subscribe(() => repaint(paint)),
    ]
    return () => unsubscribe.forEach((u) => u())
  }, [paint])

  useEffect(() => {
    const el = overlay.current
    if (!el || plotW <= 0) return
    return attachTimeZoom(el, {
      domain: () =>
        currentDomain(history.ring, frameStore.getState().frame, timeViewStore.getState().view),
      range: () => [0, plotW],
      move(x0, x1) {
        const { first, now } = historySpan(history.ring, frameStore.getState().frame)
        timeViewStore.setState({ view: viewFor(x0, x1, first, now) })
      },
    })
  }, [plotW])

  return (
    <figure className="clock-chart" ref={figure} data-testid={testId}>
      <figcaption className="clock-chart-title">{title}</figcaption>
      <div className="chart-plot">
        <svg width={width} height={height} role="img" aria-label={title}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {kind === 'offset' && <rect className="chart-band" ref={band} x={0} />}
            <line className="chart-zero" ref={zero} x1={0} />
            <g className="axis axis-x" ref={xAxis} transform={`translate(0,${plotH})`} />
            <g className="axis axis-y" ref={yAxis} />
            <text
              className="axis-label"
              ref={yLabel}
              transform="rotate(-90)"
              x={-plotH / 2}
              y={-46}
              textAnchor="middle"
            />
            {timeLabel && (
              <text className="axis-label" x={plotW} y={plotH + 34} textAnchor="end">
                {t('clock.chart.timeAxis')}
              </text>
            )}
            <rect className="chart-zoom" ref={overlay} width={plotW} height={plotH} />
          </g>
        </svg>
        {/* above the band and the zero line, under nothing: gestures pass through to .chart-zoom */}
        <canvas
          ref={canvas}
          className="chart-canvas"
          style={{ left: MARGIN.left, top: MARGIN.top, width: plotW, height: plotH }}
          aria-hidden="true"
        >
          {nodes.map((node, i) => (
            <span
              key={node.id}
              ref={(el) => {
                series.current[i] = el
              }}
              data-testid={`${testId}-line-${node.id}`}
            />
          ))}
        </canvas>
      </div>
    </figure>
  )
}
