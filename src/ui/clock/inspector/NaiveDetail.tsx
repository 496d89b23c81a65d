import type { NaiveState } from '../../../engine/protocols/naive/naive'
import { formatClock } from '../../format/quantities'
import { useT } from '../../i18n'
import { formatDuration, type TimeUnit } from '../format/units'

/**
 * The seed tutorial's rule on one node, with its last round's numbers: the local reading t, the
 * reference's t_ref, Δt = t − t_ref, the step the rule took (+Δt) and the one it should have
 * taken (−Δt).
 */
export function NaiveDetail({ state }: { state: NaiveState }) {
  const t = useT()
  const unit = (u: TimeUnit) => t(u.key)
  const d = (x: number) => formatDuration(x, unit, true)
  if (!state.server) return <p className="inspector-note">{t('clock.naive.server')}</p>
  const last = state.last
  return (
    <div className="naive-detail" data-testid="naive-state" data-rounds={state.rounds}>
      <p className="inspector-note">
        <strong>{t('clock.naive.label')}</strong> {t('clock.naive.rounds', { n: state.rounds })}
        {state.diverged && ` · ${t('clock.naive.diverged')}`}
      </p>
      {last && (
        <p className="formula" data-testid="naive-round" data-step={last.step}>
          t = {formatClock(last.local)}, t_ref = {formatClock(last.reference)}
          <br />
          Δt = t − t_ref = {d(last.step)}
          <br />
          {t('clock.naive.took', { step: d(last.step) })}
          <br />
          {t('clock.naive.should', { step: d(-last.step) })}
        </p>
      )}
    </div>
  )
}
