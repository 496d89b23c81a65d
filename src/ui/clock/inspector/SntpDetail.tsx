import type { SntpState } from '../../../engine/protocols/sntp/sntp'
import { useT } from '../../i18n'
import { formatDuration, type TimeUnit } from '../format/units'
import { ExchangeDiagram } from './ExchangeDiagram'

/**
 * SNTP (RFC 4330) for one node: NTP's exchange and arithmetic with one server, and every
 * answer applied at once (stepped beyond the step threshold, else slewed): no filter, no
 * selection, no frequency correction.
 */
export function SntpDetail({ node, state }: { node: string; state: SntpState }) {
  const t = useT()
  const unit = (u: TimeUnit) => t(u.key)
  if (!state.server) return <p className="inspector-note">{t('clock.sntp.server')}</p>
  const c = state.correction
  return (
    <div className="sntp-detail">
      <dl className="facts compact" data-testid="sntp-state">
        <dt>{t('clock.cristian.timeServer')}</dt>
        <dd>{state.server}</dd>
        <dt>{t('clock.sntp.polls')}</dt>
        <dd className="num">{state.polls}</dd>
        <dt>{t('clock.sntp.lastCorrection')}</dt>
        <dd className="num">
          {c
            ? t(c.mode === 'step' ? 'clock.sync.stepped' : 'clock.sync.slewing', {
                by: formatDuration(c.by, unit, true),
              })
            : '—'}
        </dd>
      </dl>
      <p className="table-note">{t('clock.sntp.note')}</p>
      {state.last ? (
        <ExchangeDiagram exchange={state.last} client={node} />
      ) : (
        <p className="inspector-note">{t('clock.exchange.none')}</p>
      )}
    </div>
  )
}
