import { useStore } from 'zustand'
import { useT } from '../i18n'
import { useRunStore } from '../store/runStore'
import { CAUSAL_COLOURS } from './logicalPainter'
import {
  STAMP_MODES,
  logicalFactsStore,
  logicalViewStore,
  type LogicalPaintFacts,
  type LogicalView,
  type StampMode,
} from './logicalStore'

const selectStamps = (s: LogicalView) => s.stamps
const selectSelected = (s: LogicalView) => s.selected
const selectFacts = (s: LogicalPaintFacts) => s

/**
 * The space-time diagram's logical-time toolbar: which stamps to write beside events, and the
 * selected event with a legend for its causal past, future and concurrent events (counted by
 * the painter, logicalFactsStore).
 */
export function LogicalTools() {
  const t = useT()
  const stamps = useStore(logicalViewStore, selectStamps)
  const selected = useStore(logicalViewStore, selectSelected)
  const run = useRunStore((s) => s.run)
  const facts = useStore(logicalFactsStore, selectFacts)
  const counts = facts.selection
  return (
    <div className="logical-tools" data-testid="logical-tools">
      <label className="picker" title={t('logical.showHint')}>
        <span className="picker-label">{t('logical.show')}</span>
        <select
          data-testid="spacetime-stamps"
          value={stamps}
          onChange={(e) => logicalViewStore.setState({ stamps: e.target.value as StampMode })}
        >
          {STAMP_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`logical.show.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {stamps !== 'none' && !facts.labelled && facts.events > 0 && (
        <span className="muted">{t('logical.tooMany')}</span>
      )}
      {selected && run && counts ? (
        <span className="logical-selection" data-testid="causal-summary">
          {t('logical.selected', {
            node: run.nodes[selected.node]?.id ?? '?',
            past: counts.past,
            future: counts.future,
            concurrent: counts.concurrent,
          })}{' '}
          <span className="swatch" style={{ background: CAUSAL_COLOURS.past }} />
          {t('logical.legend.past')}{' '}
          <span className="swatch" style={{ background: CAUSAL_COLOURS.future }} />
          {t('logical.legend.future')}{' '}
          <span className="swatch ring" style={{ borderColor: CAUSAL_COLOURS.concurrent }} />
          {t('logical.legend.concurrent')}{' '}
          <button
            type="button"
            className="btn"
            data-testid="causal-clear"
            onClick={() => logicalViewStore.setState({ selected: null })}
          >
            {t('logical.clear')}
          </button>
        </span>
      ) : (
        <span className="logical-selection muted">{t('logical.select')}</span>
      )}
    </div>
  )
}
