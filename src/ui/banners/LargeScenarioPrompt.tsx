import { useT } from '../i18n'
import { keepCurrentRun, loadLargeAnyway } from '../sim/actions'
import { useRunStore } from '../store/runStore'

const count = (n: number) => Math.round(n).toLocaleString('en-US')

/**
 * `large-scenario`: a valid scenario past what the browser handles comfortably (UI_LIMITS: nodes,
 * message rate, NTP peer states, talking pairs) is not loaded until the user says so; the run on
 * screen goes on meanwhile. The CLI runs such scenarios (docs/cli.md).
 */
export function LargeScenarioPrompt() {
  const t = useT()
  const large = useRunStore((s) => s.large)
  if (!large) return null
  return (
    <div
      className="banner banner-warning"
      role="alertdialog"
      aria-labelledby="large-title"
      data-testid="large-scenario"
    >
      <div className="banner-body">
        <strong id="large-title">{t('large.title')}</strong>
        <ul className="banner-list">
          {large.over.map((k) => (
            <li key={k} data-over={k}>
              {t(`large.${k}`, {
                n: count(large.estimate[k]),
                limit: count(large.limits[k] ?? 0),
              })}
            </li>
          ))}
        </ul>
        <span className="banner-note">{t('large.note')}</span>
      </div>
      <button
        type="button"
        className="btn"
        data-testid="large-scenario-load"
        onClick={loadLargeAnyway}
      >
        {t('large.load')}
      </button>
      <button
        type="button"
        className="btn btn-quiet"
        data-testid="large-scenario-keep"
        onClick={keepCurrentRun}
        autoFocus
      >
        {t('large.keep')}
      </button>
    </div>
  )
}
