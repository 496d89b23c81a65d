import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { MAX_CHART_NODES } from '../../worker/history'
import { useT } from '../i18n'
import { useRunStore } from '../store/runStore'
import { ChartLegend } from './charts/ChartLegend'
import { nodeColours } from '../palette'
import { TimeChart } from './charts/TimeChart'
import { onChartKey, ViewControls } from './charts/ViewControls'
import { algorithmOf } from './clockSync'
import { NaiveBanner } from './NaiveBanner'
import { QualityReadout } from './readouts/QualityReadout'
import { ClockTable } from './readouts/ClockTable'
import { useClockSelectionStore } from './clockSelectionStore'
import './clock.css'

/** The charted nodes (the first MAX_CHART_NODES) with their line colours. */
function useCharted() {
  const run = useRunStore((s) => s.run)
  return useMemo(() => {
    const nodes = run?.nodes.slice(0, MAX_CHART_NODES) ?? []
    const colours = nodeColours(nodes)
    return nodes.map((n, i) => ({ ...n, colour: colours[i] }))
  }, [run])
}

/** The two charts' heights when nothing constrains them (a narrow window's scrolling page). */
const NATURAL = { offset: 200, correction: 170 }

/**
 * Chart heights that fit the focus pane: the charts take what the pane leaves after the view's
 * other parts, so both are on screen without scrolling. Only where the workspace is sized to
 * the window (its `.focus-view` has a bounded height); elsewhere the natural heights.
 */
function useFittedHeights(section: RefObject<HTMLElement | null>, runId: number) {
  const [heights, setHeights] = useState(NATURAL)
  useEffect(() => {
    const el = section.current
    const box = el?.parentElement
    if (!el || !box || !box.classList.contains('focus-view')) return
    const wide = window.matchMedia('(min-width: 961px)')
    const fit = () => {
      if (!wide.matches) return setHeights(NATURAL)
      const charts = [...el.querySelectorAll<SVGSVGElement>('.chart-area > * > svg')]
      const drawn = charts.reduce((sum, svg) => sum + svg.getBoundingClientRect().height, 0)
      const room = box.clientHeight - (el.offsetHeight - drawn) - 4
      const offset = Math.round(Math.min(320, Math.max(120, room * 0.54)))
      const correction = Math.round(Math.min(280, Math.max(110, room - offset)))
      setHeights((h) =>
        Math.abs(h.offset - offset) < 2 && Math.abs(h.correction - correction) < 2
          ? h
          : { offset, correction },
      )
    }
    const ro = new ResizeObserver(fit)
    ro.observe(box)
    wide.addEventListener('change', fit)
    return () => {
      ro.disconnect()
      wide.removeEventListener('change', fit)
    }
  }, [section, runId])
  return heights
}

/**
 * Every node's offset from true time and its frequency correction over simulated time; the
 * naive rule's warning above them when that rule runs.
 */
export function OffsetChartView() {
  const t = useT()
  const run = useRunStore((s) => s.run)
  const selected = useClockSelectionStore((s) => s.node)
  const charted = useCharted()
  const section = useRef<HTMLElement>(null)
  const heights = useFittedHeights(section, run?.runId ?? -1)
  if (!run) return null
  return (
    <section
      className="clock-section"
      data-testid="clock-section"
      aria-labelledby="clock-title"
      ref={section}
    >
      <div className="clock-head">
        <h2 id="clock-title">{t('clock.title')}</h2>
        <ViewControls />
      </div>
      {algorithmOf(run) === 'naive' && <NaiveBanner />}
      <div
        className="chart-area"
        tabIndex={0}
        role="group"
        aria-label={t('clock.chart.areaLabel')}
        onKeyDown={onChartKey}
      >
        <TimeChart
          kind="offset"
          testId="offset-chart"
          title={t('clock.chart.offsetTitle')}
          nodes={charted}
          selected={selected}
          height={heights.offset}
        />
        <TimeChart
          kind="correction"
          testId="correction-chart"
          title={t('clock.chart.correctionTitle')}
          nodes={charted}
          selected={selected}
          height={heights.correction}
          timeLabel
        />
      </div>
      <ChartLegend nodes={charted} selected={selected} />
    </section>
  )
}

/** Precision beside accuracy, with why they differ for the running algorithm. */
export function PrecisionView() {
  const run = useRunStore((s) => s.run)
  if (!run) return null
  return <QualityReadout algorithm={algorithmOf(run)} />
}

/** One row per node: local reading, offset, skew. */
export function ClockTableView() {
  const run = useRunStore((s) => s.run)
  const selected = useClockSelectionStore((s) => s.node)
  const charted = useCharted()
  if (!run) return null
  return <ClockTable nodes={charted} total={run.nodes.length} selected={selected} />
}
