import type { CristianState } from '../../../engine/protocols/cristian/cristian'
import { useT } from '../../i18n'
import { formatDuration, type TimeUnit } from '../format/units'

/**
 * Cristian's algorithm for one node: its time server, the sample it last applied (lowest RTT of
 * a burst; the clock was stepped by its offset) and the burst in progress.
 */
export function CristianDetail({ state }: { state: CristianState }) {
  const t = useT()
  const unit = (u: TimeUnit) => t(u.key)
  if (!state.server) return <p className="inspector-note">{t('clock.cristian.server')}</p>
  const last = state.last
  return (
    <div className="cristian-detail">
      <dl className="facts compact" data-testid="cristian-state">
        <dt>{t('clock.cristian.timeServer')}</dt>
        <dd>{state.server}</dd>
        <dt>{t('clock.cristian.lastRtt')}</dt>
        <dd className="num" data-testid="cristian-rtt" data-value={last?.rtt ?? ''}>
          {last ? formatDuration(last.rtt, unit) : '—'}
        </dd>
        <dt>{t('clock.cristian.lastStep')}</dt>
        <dd className="num">{last ? formatDuration(last.offset, unit, true) : '—'}</dd>
        <dt>{t('clock.cristian.errorBound')}</dt>
        <dd className="num">{last ? formatDuration(last.rtt / 2, unit) : '—'}</dd>
        <dt>{t('clock.cristian.burst')}</dt>
        <dd className="num">
          {state.samples.length > 0 || state.pending
            ? state.samples.map((s) => formatDuration(s.rtt, unit)).join(', ') || '…'
            : '—'}
        </dd>
      </dl>
      <p className="table-note">{t('clock.cristian.note')}</p>
    </div>
  )
}
