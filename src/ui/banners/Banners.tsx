import { lazy, Suspense } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { VariantBanner } from '../consensus/VariantBanner'
import { useT, type Translate } from '../i18n'
import { dismissBanner, dismissWorkerNotice } from '../sim/actions'
import { LargeScenarioPrompt } from './LargeScenarioPrompt'
import { AutosaveNotice } from '../persist/AutosaveNotice'
import { RunNotice } from '../share/RunNotice'
import { useRunStore, type Banner, type RunState } from '../store/runStore'
import { useBusyStore, type BusyState } from '../sim/busyStore'

// rarely shown: loaded the first time the worker is busy for long (the initial JS budget)
const BusyBanners = lazy(() => import('./BusyBanners').then((m) => ({ default: m.BusyBanners })))
const selectBusy = (s: BusyState) => s.seek !== null || s.cancelled !== null || s.stalled !== null

const selectBanners = (s: RunState) => ({ banner: s.banner, notice: s.workerNotice })

const mb = (bytes: number) => Number((bytes / 1e6).toFixed(1))

function bannerText(b: Banner, t: Translate): { title: string; detail: string } {
  switch (b.kind) {
    case 'invalid':
      return { title: t('error.importTitle'), detail: b.detail }
    case 'unreadable':
      return { title: t('error.importTitle'), detail: t('error.unreadable') }
    case 'refused':
      return { title: t('error.commandRefused', { detail: b.detail }), detail: '' }
    case 'tooLarge':
      return {
        title: t('error.importTitle'),
        detail: t('error.fileTooLarge', { size: mb(b.size), max: mb(b.max) }),
      }
    case 'badLink':
      return { title: t('error.linkTitle'), detail: b.detail }
    case 'badSession':
      return { title: t('error.sessionTitle'), detail: b.detail }
    case 'badLesson':
      return { title: t('lessons.badTitle'), detail: b.detail }
  }
}

/** Rejected input (`error-banner`) and worker failures, above the stage (an empty row when none). */
export function Banners() {
  const t = useT()
  const { banner, notice } = useRunStore(useShallow(selectBanners))
  const text = banner && bannerText(banner, t)
  const busy = useBusyStore(selectBusy)
  return (
    <div className="banners">
      {busy && (
        <Suspense fallback={null}>
          <BusyBanners />
        </Suspense>
      )}
      <RunNotice />
      <LargeScenarioPrompt />
      <AutosaveNotice />
      <VariantBanner />
      {text && (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          <div className="banner-body">
            <strong>{text.title}</strong>
            {text.detail && <pre className="banner-detail">{text.detail}</pre>}
            {banner.kind !== 'refused' && (
              <span className="banner-note">
                {t(banner.kind === 'badSession' ? 'error.sessionFresh' : 'error.kept')}
              </span>
            )}
          </div>
          <button type="button" className="btn btn-quiet" onClick={dismissBanner}>
            {t('error.dismiss')}
          </button>
        </div>
      )}
      {notice && (
        <div className="banner banner-warning" role="alert" data-testid="worker-notice">
          <div className="banner-body">
            {notice.kind === 'recovered'
              ? t('worker.recovered', {
                  detail: notice.detail,
                  n: notice.inputs,
                  time: notice.time.toFixed(6),
                })
              : notice.kind === 'restarted'
                ? t('worker.restarted', { detail: notice.detail })
                : t('worker.gaveUp', { detail: notice.detail })}
            {notice.kind !== 'gaveUp' && notice.dropped && ' ' + t('worker.dropped')}
          </div>
          <button type="button" className="btn btn-quiet" onClick={dismissWorkerNotice}>
            {t('error.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
