import type { Inspection } from '../../worker/wire'
import { VECTOR_MAX_NODES } from '../../engine'
import { formatDuration, type TimeUnit } from '../clock/format/units'
import { useT } from '../i18n'

/**
 * The node inspector's logical time: the node's Lamport, vector and HLC values now, and the
 * clock-error bound its clock-sync algorithm reports (what TrueTime's ε "auto" uses) beside the
 * true error only the simulator knows.
 */
export function LogicalDetail({ inspection, nodes }: { inspection: Inspection; nodes: string[] }) {
  const t = useT()
  const unit = (u: TimeUnit) => t(u.key)
  const { lamport, hlc, vector } = inspection.logical
  const bound = inspection.errorBound
  return (
    <section className="inspector-logical" data-testid="inspector-logical">
      <h4>{t('logical.title')}</h4>
      <p className="inspector-hint">{t('logical.hint')}</p>
      <dl className="facts compact">
        <dt>{t('logical.lamport')}</dt>
        <dd data-testid="logical-lamport">{lamport}</dd>
        <dt>{t('logical.vector')}</dt>
        <dd data-testid="logical-vector">
          {vector
            ? `[${vector.map((v, i) => `${nodes[i]}:${v}`).join(', ')}]`
            : t('logical.vectorOff', { max: VECTOR_MAX_NODES })}
        </dd>
        <dt>{t('logical.hlc')}</dt>
        <dd data-testid="logical-hlc">
          ({hlc.l.toFixed(6)}, {hlc.c}){' '}
          <span className="muted">
            {t('logical.hlcAhead', { ahead: formatDuration(hlc.l - inspection.local, unit, true) })}
          </span>
        </dd>
        <dt title={t('logical.errorBoundHint')}>{t('logical.errorBound')}</dt>
        <dd data-testid="logical-error-bound" data-bound={bound ?? ''}>
          {bound === null ? t('logical.errorBoundUnknown') : `± ${formatDuration(bound, unit)}`}{' '}
          <span className="muted">
            {t('logical.errorBoundActual', {
              actual: formatDuration(Math.abs(inspection.offset), unit),
            })}
          </span>
        </dd>
      </dl>
    </section>
  )
}
