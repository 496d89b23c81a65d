import type { SyncSummary } from '../../../worker/clockSummary'
import type { Translate } from '../../i18n'
import { formatDuration, type TimeUnit } from '../format/units'

/** The sync column of the clock table: the algorithm's own state, in a few words. */
export function syncText(sync: SyncSummary | null, reference: boolean, t: Translate): string {
  const unit = (u: TimeUnit) => t(u.key)
  if (!sync) return reference ? t('clock.sync.reference') : t('clock.sync.none')
  if (isNtp(sync)) {
    if (sync.state === null) return t('clock.sync.ntpReference')
    const parts = [sync.state, t('clock.sync.stratum', { n: sync.stratum })]
    if (sync.noMajority) parts.push(t('clock.sync.noMajority'))
    return parts.join(' · ')
  }
  if (isCristian(sync)) {
    if (sync.server === null) return t('clock.sync.timeServer')
    return sync.rtt === null
      ? t('clock.sync.waiting')
      : t('clock.sync.lastRtt', { rtt: formatDuration(sync.rtt, unit) })
  }
  if (sync.algo === 'naive') return t('clock.sync.naive')
  return reference ? t('clock.sync.reference') : sync.algo
}

export function isNtp(s: SyncSummary): s is Extract<SyncSummary, { algo: 'ntp' }> {
  return s.algo === 'ntp'
}

export function isCristian(s: SyncSummary): s is Extract<SyncSummary, { algo: 'cristian' }> {
  return s.algo === 'cristian'
}
