import { useEffect, useMemo } from 'react'
import { MAX_CHART_NODES } from '../../worker/history'
import { useT } from '../i18n'
import { useRunStore } from '../store/runStore'
import { ChartLegend } from './charts/ChartLegend'
import { nodeColours } from './charts/nodeColours'
import { TimeChart } from './charts/TimeChart'
import { onChartKey, ViewControls } from './charts/ViewControls'
import { timeViewStore } from './charts/viewport'
import { NodeInspector } from './inspector/NodeInspector'
import { NaiveBanner } from './NaiveBanner'
import { QualityReadout } from './readouts/QualityReadout'
import { ClockTable } from './readouts/ClockTable'
import { defaultSelection, useClockSelection } from './selection'
import './clock.css'

/** Protocols that discipline clocks (consensus protocols run on the clocks but leave them alone). */
const CLOCK_SYNC = ['ntp', 'sntp', 'cristian', 'berkeley', 'naive']

/**
 * Clock synchronisation, seen from the clocks: every node's offset from true time and its
 * frequency correction over simulated time, precision beside accuracy, a per-node readout, and
 * the inspector for one node's algorithm state and live perturbations.
 */
export function ClockSection() {
  const t = useT()
  const run = useRunStore((s) => s.run)
  const selected = useClockSelection((s) => s.node)

  useEffect(() => {
    if (!run) return
    useClockSelection.setState((s) => ({ node: defaultSelection(run, s.node), server: null }))
    timeViewStore.setState({ view: { mode: 'all' } })
  }, [run])

  const charted = useMemo(() => {
    const nodes = run?.nodes.slice(0, MAX_CHART_NODES) ?? []
    const colours = nodeColours(nodes)
    return nodes.map((n, i) => ({ ...n, colour: colours[i] }))
  }, [run])

  if (!run) return null
  const algorithm = run.protocols.find((p) => CLOCK_SYNC.includes(p)) ?? null

  return (
    <section className="clock-section" data-testid="clock-section" aria-labelledby="clock-title">
      <div className="clock-head">
        <h2 id="clock-title">{t('clock.title')}</h2>
        <ViewControls />
      </div>
      {algorithm === 'naive' && <NaiveBanner />}
      <div className="clock-grid">
        <div className="clock-main">
          <QualityReadout algorithm={algorithm} />
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
              height={200}
            />
            <TimeChart
              kind="correction"
              testId="correction-chart"
              title={t('clock.chart.correctionTitle')}
              nodes={charted}
              selected={selected}
              height={170}
              timeLabel
            />
          </div>
          <ChartLegend nodes={charted} selected={selected} />
          <ClockTable nodes={charted} total={run.nodes.length} selected={selected} />
        </div>
        <NodeInspector run={run} algorithm={algorithm} />
      </div>
    </section>
  )
}
