import { useStore } from 'zustand'
import { useT } from '../../i18n'
import { frameStore } from '../../store/frameStore'
import { history } from '../history/clockFeedStore'
import { historySpan } from './chartPainter'
import { timeViewStore, type TimeView } from './timeViewStore'
import { panView, zoomView } from './viewport'

const selectMode = (s: { view: TimeView }) => s.view.mode

function change(next: (view: TimeView, first: number, now: number) => TimeView): void {
  const { first, now } = historySpan(history.ring, frameStore.getState().frame)
  timeViewStore.setState({ view: next(timeViewStore.getState().view, first, now) })
}

/**
 * Buttons for the charts' time window (the same moves as wheel and drag, for keyboards): whole
 * run, zoom in/out, earlier/later. Arrow keys and +/− work on the chart area too (ClockCharts).
 */
export function ViewControls() {
  const t = useT()
  const mode = useStore(timeViewStore, selectMode)
  return (
    <div className="view-controls" role="group" aria-label={t('clock.view.label')}>
      <button
        type="button"
        className="btn btn-small"
        data-testid="chart-all"
        aria-pressed={mode === 'all'}
        onClick={() => timeViewStore.setState({ view: { mode: 'all' } })}
      >
        {t('clock.view.all')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => change((v, f, n) => zoomView(v, 0.5, f, n))}
      >
        {t('clock.view.zoomIn')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => change((v, f, n) => zoomView(v, 2, f, n))}
      >
        {t('clock.view.zoomOut')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => change((v, f, n) => panView(v, -0.5, f, n))}
      >
        {t('clock.view.earlier')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={mode !== 'fixed'}
        onClick={() => change((v, f, n) => panView(v, 0.5, f, n))}
      >
        {t('clock.view.later')}
      </button>
      <span className="view-hint">{t('clock.view.hint')}</span>
    </div>
  )
}

/** Keyboard moves on the chart area: ← → pan, + − zoom, Home whole run. */
export function onChartKey(e: { key: string; preventDefault(): void }): void {
  const moves: Record<string, (v: TimeView, f: number, n: number) => TimeView> = {
    ArrowLeft: (v, f, n) => panView(v, -0.25, f, n),
    ArrowRight: (v, f, n) => panView(v, 0.25, f, n),
    '+': (v, f, n) => zoomView(v, 0.5, f, n),
    '=': (v, f, n) => zoomView(v, 0.5, f, n),
    '-': (v, f, n) => zoomView(v, 2, f, n),
    Home: () => ({ mode: 'all' }),
  }
  const move = moves[e.key]
  if (!move) return
  e.preventDefault()
  change(move)
}
