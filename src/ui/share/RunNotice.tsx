import { formatClock } from '../format/quantities'
import { useT } from '../i18n'
import { showRunNotice, useRunNoticeStore } from './runNoticeStore'

/** "Opened a shared run / restored your session, paused at t": why the run is not playing. */
export function RunNotice() {
  const t = useT()
  const notice = useRunNoticeStore((s) => s.notice)
  if (!notice) return null
  const at = formatClock(notice.t)
  return (
    <div className="banner banner-info" role="status" data-testid="run-notice">
      <div className="banner-body">
        {notice.kind === 'opened' ? t('share.opened', { t: at }) : t('session.restored', { t: at })}
      </div>
      <button type="button" className="btn btn-quiet" onClick={() => showRunNotice(null)}>
        {t('error.dismiss')}
      </button>
    </div>
  )
}
