import { useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { presets } from '../../engine/scenario/presets'
import { presetText, setLang, useLangStore, useT } from '../i18n'
import { LessonsButton } from '../lessons/LessonsButton'
import { discardRun } from '../perturb/actions'
import { importScenarioFile, loadPreset } from '../sim/actions'
import { useRunStore, type RunState } from '../store/runStore'
import { setPresenter, usePresenterStore } from '../workspace/presenterStore'

const selectSource = (s: RunState) => ({ source: s.run?.source ?? null })
const IMPORTED = '__file__'

/** Title, scenario picker, JSON import and the language switch. */
export function Header() {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const { source } = useRunStore(useShallow(selectSource))
  const fileInput = useRef<HTMLInputElement>(null)
  const present = usePresenterStore((p) => p.on)
  const value = source === null ? '' : source.kind === 'preset' ? source.id : IMPORTED
  const current = source?.kind === 'preset' ? presetText(lang, source.id, '') : null
  // Keyboard browsing (arrows, type-ahead) only shows a scenario; Enter opens it. A closed
  // <select> fires `change` on every arrow key, so a change right after a key press is browsing.
  const [browsing, setBrowsing] = useState<string | null>(null)
  const keyed = useRef(false)
  const open = (id: string) => {
    setBrowsing(null)
    if (id === value) return
    const name = presetText(lang, id, id).name
    discardRun(name, () => loadPreset(id))
  }

  return (
    <header className="app-header">
      <div className="brand">
        <svg viewBox="0 0 32 32" className="brand-mark" aria-hidden="true">
          <circle cx="16" cy="16" r="13" />
          <path d="M16 8v8l6 4" />
        </svg>
        <div>
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </div>

      <div className="header-tools">
        <LessonsButton />
        <label className="picker">
          <span className="picker-label">{t('header.scenario')}</span>
          <select
            data-testid="scenario-picker"
            value={browsing ?? value}
            title={current?.blurb || t('header.scenarioHint')}
            aria-describedby={browsing === null ? undefined : 'picker-enter'}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && browsing !== null) {
                e.preventDefault()
                open(browsing)
              } else if (e.key === 'Escape' && browsing !== null) {
                e.preventDefault()
                setBrowsing(null)
              } else if (e.key !== 'Enter' && e.key !== 'Tab') keyed.current = true
            }}
            onKeyUp={() => (keyed.current = false)}
            onBlur={() => setBrowsing(null)}
            onChange={(e) => {
              if (keyed.current) setBrowsing(e.target.value)
              else open(e.target.value)
            }}
          >
            {value === '' && <option value="" disabled />}
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {presetText(lang, p.id, p.scenario.name ?? p.id).name}
              </option>
            ))}
            {source?.kind === 'file' && (
              <option value={IMPORTED} disabled>
                {t('header.imported', { name: source.name })}
              </option>
            )}
            {source?.kind === 'lesson' && (
              <option value={IMPORTED} disabled>
                {t('header.lessonSource', { title: source.title[lang] })}
              </option>
            )}
            {source?.kind === 'link' && (
              <option value={IMPORTED} disabled>
                {t('share.sourceLink')}
              </option>
            )}
          </select>
          {browsing !== null && (
            <span id="picker-enter" className="picker-enter" data-testid="scenario-picker-enter">
              {t('header.pickerEnter')}
            </span>
          )}
        </label>

        <label className="btn file-button" title={t('header.importHint')}>
          <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
            <path d="M7.2 1h1.6v7.1l2.6-2.6 1.1 1.1L8 11.2 3.5 6.6l1.1-1.1 2.6 2.6zM2 13h12v2H2z" />
          </svg>
          <span>{t('header.import')}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            data-testid="scenario-import"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) void importScenarioFile(file)
              // the same file may be chosen again after fixing it
              if (fileInput.current) fileInput.current.value = ''
            }}
          />
        </label>

        <button
          type="button"
          className="btn"
          data-testid="presenter-toggle"
          aria-pressed={present}
          title={t('presenter.hint')}
          onClick={() => setPresenter(!present)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
            <path d="M1 2h14v9H9v2h3v1.5H4V13h3v-2H1zm1.5 1.5v6h11v-6z" />
          </svg>
          <span>{t('presenter.toggle')}</span>
        </button>

        <button
          type="button"
          className="btn"
          data-testid="lang-switch"
          lang={lang === 'en' ? 'zh-CN' : 'en'}
          title={t('lang.switchHint')}
          onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}
        >
          {t('lang.switch')}
        </button>
      </div>
    </header>
  )
}
