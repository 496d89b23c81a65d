import { useShallow } from 'zustand/react/shallow'
import { formatClock } from '../format/quantities'
import { sourceName, useLangStore, useT } from '../i18n'
import { cancelSeek, restartWorker } from '../sim/actions'
import { useBusyStore, type BusyState } from '../sim/busyStore'
import { frameStore } from '../store/frameStore'
import { useRunStore } from '../store/runStore'
import { STALL_MS } from '../sim/client'

const selectBusy = (s: BusyState) => ({ seek: s.seek, cancelled: s.cancelled, stalled: s.stalled })

/**
 * The worker busy for a while (busyStore.ts): `seek-progress` with a determinate bar and Cancel
 * while a seek or a link's replay runs, `seek-cancelled` where a cancelled one stopped, and
 * `worker-stalled` with a restart button when the worker stops answering.
 */
export function BusyBanners() {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const { seek, cancelled, stalled } = useBusyStore(useShallow(selectBusy))
  const run = useRunStore((s) => s.run)
  const done = seek && seek.to > seek.from ? (seek.at - seek.from) / (seek.to - seek.from) : 1
  return (
    <>
      {stalled && (
        <div className="banner banner-error" role="alert" data-testid="worker-stalled">
          <div className="banner-body">
            <strong>
              {stalled.loading
                ? t('stall.loading', {
                    s: STALL_MS / 1000,
                    name: sourceName(lang, stalled.loading.source, stalled.loading.name),
                  })
                : t('stall.running', {
                    s: STALL_MS / 1000,
                    name: run ? sourceName(lang, run.source, run.name) : '',
                    time: formatClock(frameStore.getState().frame?.now ?? 0),
                  })}
            </strong>
            <span className="banner-note">{t('stall.note')}</span>
          </div>
          <button
            type="button"
            className="btn"
            data-testid="worker-restart"
            onClick={restartWorker}
          >
            {t('stall.restart')}
          </button>
        </div>
      )}
      {seek && (
        <div
          className="banner banner-info"
          role="status"
          data-testid="seek-progress"
          data-at={seek.at}
          data-to={seek.to}
        >
          <div className="banner-body">
            <span>
              {t(seek.kind === 'load' ? 'seek.loading' : 'seek.seeking', {
                to: formatClock(seek.to),
              })}
            </span>
            <progress className="seek-bar" aria-label={t('seek.bar')} max={1} value={done} />
            <span>
              {t('seek.reached', {
                at: formatClock(seek.at),
                pct: Math.floor(done * 100),
              })}
            </span>
          </div>
          <button type="button" className="btn" data-testid="seek-cancel" onClick={cancelSeek}>
            {t('seek.cancel')}
          </button>
        </div>
      )}
      {cancelled && (
        <div className="banner banner-info" role="status" data-testid="seek-cancelled">
          <div className="banner-body">
            {t('seek.cancelled', { at: formatClock(cancelled.at), to: formatClock(cancelled.to) })}
          </div>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => useBusyStore.setState({ cancelled: null })}
          >
            {t('error.dismiss')}
          </button>
        </div>
      )}
    </>
  )
}
