import { useT } from '../i18n'
import { useAutosaveStore } from './autosaveStore'

/**
 * `autosave-failed`: the browser refused to store the session (storage full): what is on screen
 * would not come back after a reload. Shown until a save succeeds again or the user closes it.
 */
export function AutosaveNotice() {
  const t = useT()
  const show = useAutosaveStore((s) => s.failed && !s.dismissed)
  if (!show) return null
  return (
    <div className="banner banner-warning" role="alert" data-testid="autosave-failed">
      <div className="banner-body">
        <strong>{t('session.saveFailedTitle')}</strong> {t('session.saveFailed')}
      </div>
      <button
        type="button"
        className="btn btn-quiet"
        onClick={() => useAutosaveStore.setState({ dismissed: true })}
      >
        {t('error.dismiss')}
      </button>
    </div>
  )
}
