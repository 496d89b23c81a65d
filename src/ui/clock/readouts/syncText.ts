import type { SyncSummary } from '../../../worker/clockSummary'
import type { Translate } from '../../i18n'
import { formatDuration, type TimeUnit } from '../format/units'

/** The sync column of the clock table: the algorithm's own state, in a few words. */
export function syncText(sync: SyncSummary | null, reference: boolean, t: Translate): string {
  const unit = (u: TimeUnit) => t(u.key)
  const d = (x: number) => formatDuration(x, unit, true)
  if (!sync) return reference ? t('clock.sync.reference') : t('clock.sync.none')
  switch (sync.algo) {
    case 'ntp': {
      if (sync.state === null) return t('clock.sync.ntpReference')
      const parts = [t(`ntp.state.${sync.state}`), t('clock.sync.stratum', { n: sync.stratum })]
      if (sync.noMajority) parts.push(t('clock.sync.noMajority'))
      return parts.join(' · ')
    }
    case 'chrony': {
      if (sync.stratum === null) return t('clock.sync.ntpReference')
      const parts = [t('protocol.chrony'), t('clock.sync.stratum', { n: sync.stratum })]
      if (sync.noMajority) parts.push(t('clock.sync.noMajority'))
      return parts.join(' · ')
    }
    case 'cristian':
      if (sync.server === null) return t('clock.sync.timeServer')
      return sync.rtt === null
        ? t('clock.sync.waiting')
        : t('clock.sync.lastRtt', { rtt: formatDuration(sync.rtt, unit) })
    case 'sntp':
      if (sync.server === null) return t('clock.sync.timeServer')
      if (!sync.correction) return t('clock.sync.waiting')
      return sync.correction.mode === 'step'
        ? t('clock.sync.stepped', { by: d(sync.correction.by) })
        : t('clock.sync.slewing', { by: d(sync.correction.by) })
    case 'berkeley': {
      if (sync.master) return t('clock.sync.master', { round: sync.round })
      const a = sync.adjustment
      if (!a) return t('clock.sync.slave')
      return `${t('clock.sync.slave')} · ${t('clock.sync.adjusted', { by: d(a.by) })}`
    }
    case 'naive':
      if (sync.server === null) return reference ? t('clock.sync.reference') : t('clock.sync.naive')
      return sync.step === null
        ? t('clock.sync.naive')
        : `${t('clock.sync.naive')} · ${t('clock.sync.stepped', { by: d(sync.step) })}`
  }
}
