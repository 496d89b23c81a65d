import type { BerkeleyState, EstimateStatus } from '../../../engine/protocols/berkeley/berkeley'
import { useStore } from 'zustand'
import { useT, type MessageKey } from '../../i18n'
import { columnUnit, formatDuration, numberIn, type TimeUnit } from '../format/units'
import { clockFeedStore } from '../history/clockFeedStore'

const STATUS_KEY: Record<EstimateStatus, MessageKey> = {
  used: 'clock.berkeley.used',
  outlier: 'clock.berkeley.outlier',
  noReply: 'clock.berkeley.noReply',
  slow: 'clock.berkeley.slow',
}

/**
 * Berkeley (Gusella & Zatti) for one node. The master: its last round's estimate of every
 * clock (Cristian-style, relative to its own), which readings the fault-tolerant average left
 * out as outliers, the average, and the signed adjustment it sent each node. Anyone else: the
 * last adjustment it received and applied.
 */
export function BerkeleyDetail({ state }: { state: BerkeleyState }) {
  const t = useT()
  const unit = (u: TimeUnit) => t(u.key)
  const outliers = useStore(clockFeedStore, (s) => s.notes?.outliers ?? null)
  const a = state.adjustment
  const mine = (
    <dl className="facts compact" data-testid="berkeley-role" data-master={state.isMaster}>
      <dt>{t('clock.berkeley.role')}</dt>
      <dd>{state.isMaster ? t('clock.berkeley.master') : t('clock.berkeley.slave')}</dd>
      <dt>{t('clock.berkeley.lastAdjustment')}</dt>
      <dd className="num">
        {a
          ? a.mode === 'none'
            ? t('clock.berkeley.notMoved', { by: formatDuration(a.by, unit, true) })
            : t(a.mode === 'step' ? 'clock.sync.stepped' : 'clock.sync.slewing', {
                by: formatDuration(a.by, unit, true),
              })
          : '—'}
      </dd>
    </dl>
  )
  const round = state.last
  if (!state.isMaster || !round) return mine
  const adjustment = new Map(round.adjustments.map((x) => [x.node, x.by]))
  const uo = columnUnit(round.estimates.map((e) => e.offset ?? NaN))
  const ur = columnUnit(round.estimates.map((e) => e.rtt ?? NaN))
  const ua = columnUnit(round.adjustments.map((x) => x.by))
  return (
    <div className="berkeley-detail">
      {mine}
      <h4>{t('clock.berkeley.roundTitle', { round: round.round })}</h4>
      <div className="table-scroll">
        <table className="peers-table" data-testid="berkeley-round">
          <thead>
            <tr>
              <th scope="col">{t('clock.table.node')}</th>
              <th scope="col" className="num" title={t('clock.berkeley.estimateHint')}>
                {t('clock.berkeley.estimate')} <span className="dim">{t(uo.key)}</span>
              </th>
              <th scope="col" className="num" title={t('clock.rttHint')}>
                {t('clock.rtt')} <span className="dim">{t(ur.key)}</span>
              </th>
              <th scope="col">{t('clock.peer.status')}</th>
              <th scope="col" className="num" title={t('clock.berkeley.sentHint')}>
                {t('clock.berkeley.sent')} <span className="dim">{t(ua.key)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {round.estimates.map((e) => (
              <tr key={e.node} data-testid={`berkeley-${e.node}`} data-status={e.status}>
                <th scope="row">{e.node}</th>
                <td className="num">{e.offset === null ? '—' : numberIn(e.offset, uo, true)}</td>
                <td className="num">{e.rtt === null ? '—' : numberIn(e.rtt, ur)}</td>
                <td className={`peer-status berkeley-${e.status}`}>{t(STATUS_KEY[e.status])}</td>
                <td className="num">
                  {adjustment.has(e.node) ? numberIn(adjustment.get(e.node)!, ua, true) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note" data-testid="berkeley-average" data-value={round.average}>
        {t('clock.berkeley.average', { average: formatDuration(round.average, unit, true) })}
      </p>
      <p
        className="inspector-note"
        data-testid="berkeley-outliers"
        data-round={outliers?.round ?? ''}
      >
        {outliers
          ? t('clock.berkeley.lastOutliers', {
              round: outliers.round,
              at: outliers.at.toFixed(1),
              nodes: outliers.nodes.join(', '),
            })
          : t('clock.berkeley.noOutliers')}
      </p>
    </div>
  )
}
