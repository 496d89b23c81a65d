import { useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import { useT } from '../../i18n'
import { act } from '../../perturb/actions'
import { formatDuration, formatPpm, type TimeUnit } from '../format/units'
import { clockFeedStore } from '../history/clockFeedStore'
import { parseBounded, type Parsed } from '../../typedNumber'
import { CLOCK_STEPS, DRIFT_LIMIT_PPM, DRIFT_SLIDER_PPM, LIE_LIMIT_MS } from './perturbInput'

type Problem = { field: 'drift' | 'lie'; error: 'notNumber' | 'range' } | null

/**
 * Live perturbation of one node through the intervention vocabulary (docs/scenario-format.md): its
 * oscillator's drift (`setSkew`), a jump of its clock (`clockStep`), and lying to whoever asks
 * it for the time (`falseticker`). Each is recorded in the run's input log like any click.
 * Input is checked first; a bad value gets a message and sends nothing.
 */
export function Perturb({ node, index }: { node: string; index: number }) {
  const t = useT()
  const unit = (u: TimeUnit) => t(u.key)
  const skew = useStore(clockFeedStore, (s) => s.summary?.[index]?.skewPpm)
  const lie = useStore(clockFeedStore, (s) => s.summary?.[index]?.lie ?? 0)
  // the drift being edited; null = show the node's current skew
  const [draft, setDraft] = useState<string | null>(null)
  const [lieText, setLieText] = useState('250')
  const [problem, setProblem] = useState<Problem>(null)
  const driftText = draft ?? (skew === undefined ? '' : String(Math.round(skew * 1000) / 1000))
  const sliderValue = Math.max(
    -DRIFT_SLIDER_PPM,
    Math.min(DRIFT_SLIDER_PPM, Number(driftText) || 0),
  )

  const check = (field: 'drift' | 'lie', parsed: Parsed): number | null => {
    if (parsed.ok) {
      setProblem(null)
      return parsed.value
    }
    setProblem({ field, error: parsed.error })
    return null
  }

  const setDrift = (text: string) => {
    const ppm = check('drift', parseBounded(text, -DRIFT_LIMIT_PPM, DRIFT_LIMIT_PPM))
    if (ppm === null) return
    act({ fault: { type: 'setSkew', node, ppm } })
    setDraft(null)
  }

  const onDriftSubmit = (e: FormEvent) => {
    e.preventDefault()
    setDrift(driftText)
  }

  const setLie = (text: string) => {
    const ms = check('lie', parseBounded(text, -LIE_LIMIT_MS, LIE_LIMIT_MS))
    if (ms === null) return
    act({ fault: { type: 'falseticker', node, lie: ms / 1000 } })
  }

  const message =
    problem &&
    (problem.field === 'drift'
      ? problem.error === 'range'
        ? t('clock.perturb.driftRange', { limit: DRIFT_LIMIT_PPM.toLocaleString('en-US') })
        : t('clock.perturb.driftNotNumber')
      : problem.error === 'range'
        ? t('clock.perturb.lieRange', { limit: LIE_LIMIT_MS.toLocaleString('en-US') })
        : t('clock.perturb.lieNotNumber'))

  return (
    <div className="perturb" data-testid="perturb">
      <h4>{t('clock.perturb.title')}</h4>
      <form className="perturb-row" onSubmit={onDriftSubmit}>
        <label htmlFor="drift-slider">{t('clock.perturb.drift')}</label>
        <input
          id="drift-slider"
          type="range"
          data-testid="drift-slider"
          min={-DRIFT_SLIDER_PPM}
          max={DRIFT_SLIDER_PPM}
          step={1}
          value={sliderValue}
          aria-valuetext={`${formatPpm(sliderValue)} ${t('clock.ppm')}`}
          onChange={(e) => setDraft(e.target.value)}
          // a drag is one intervention, made when it ends (pointer or key released)
          onPointerUp={(e) => setDrift(e.currentTarget.value)}
          onKeyUp={(e) => {
            if (
              e.key.startsWith('Arrow') ||
              e.key === 'Home' ||
              e.key === 'End' ||
              e.key.startsWith('Page')
            )
              setDrift(e.currentTarget.value)
          }}
        />
        <input
          type="text"
          inputMode="decimal"
          className="num-input"
          data-testid="drift-input"
          aria-label={t('clock.perturb.driftInput')}
          aria-invalid={problem?.field === 'drift'}
          value={driftText}
          onChange={(e) => setDraft(e.target.value)}
        />
        <span className="clock-unit">{t('clock.ppm')}</span>
        <button type="submit" className="btn btn-small" data-testid="drift-apply">
          {t('clock.perturb.setDrift')}
        </button>
      </form>
      <p className="perturb-current">
        {t('clock.perturb.currentDrift', { ppm: skew === undefined ? '—' : formatPpm(skew) })}
      </p>

      <div className="perturb-row" role="group" aria-label={t('clock.perturb.step')}>
        <span className="row-label">{t('clock.perturb.step')}</span>
        {CLOCK_STEPS.map((by) => (
          <button
            key={by}
            type="button"
            className="btn btn-small"
            data-testid={`clock-step-${by}`}
            onClick={() => act({ fault: { type: 'clockStep', node, by } })}
          >
            {formatDuration(by, unit, true)}
          </button>
        ))}
      </div>

      <form
        className="perturb-row"
        onSubmit={(e) => {
          e.preventDefault()
          setLie(lieText)
        }}
      >
        <label htmlFor="lie-input">{t('clock.perturb.lie')}</label>
        <input
          id="lie-input"
          type="text"
          inputMode="decimal"
          className="num-input"
          data-testid="lie-input"
          aria-invalid={problem?.field === 'lie'}
          value={lieText}
          onChange={(e) => setLieText(e.target.value)}
        />
        <span className="clock-unit">{t('unit.ms')}</span>
        <button type="submit" className="btn btn-small" data-testid="lie-apply">
          {t('clock.perturb.makeFalseticker')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="lie-end"
          disabled={lie === 0}
          onClick={() => setLie('0')}
        >
          {t('clock.perturb.endLie')}
        </button>
      </form>
      <p className="perturb-current" data-testid="lie-current" data-value={lie}>
        {lie === 0
          ? t('clock.perturb.honest')
          : t('clock.perturb.lying', { lie: formatDuration(lie, unit, true) })}
      </p>
      {message && (
        <p className="perturb-error" role="alert" data-testid="perturb-error">
          {message}
        </p>
      )}
    </div>
  )
}
