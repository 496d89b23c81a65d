import { useCallback, useEffect, useRef } from 'react'
import type { Frame } from '../../worker/wire'
import { formatClock } from '../format/quantities'
import { schedulePaint, usePainter } from '../frameLoop'
import { t as tNow, useT } from '../i18n'
import { removeInput } from './actions'
import { describeInput } from './describe'
import { usePerturbStore, type PerturbState } from './perturbStore'

const selectInputs = (s: PerturbState) => s.inputs

/**
 * Every live intervention of the run with the simulated time it applied at. An entry at or
 * before the current time can be taken back: the worker rebuilds the run without it (a new
 * branch). Whether an entry lies in the past changes with time, so the painter — not React —
 * enables the buttons.
 */
export function InterventionLog() {
  const t = useT()
  const inputs = usePerturbStore(selectInputs)
  const list = useRef<HTMLOListElement>(null)

  const paint = useCallback((frame: Frame) => {
    const items = list.current?.children
    if (!items) return
    for (const li of items) {
      const at = Number((li as HTMLElement).dataset.at)
      const future = at > frame.now
      const button = li.querySelector('button')
      if (button && button.disabled !== future) {
        button.disabled = future
        button.title = future ? tNow('log.future') : (button.dataset.hint ?? '')
      }
      li.classList.toggle('future', future)
    }
  }, [])
  usePainter(paint)
  // new entries get their past / future state from the frame on screen
  useEffect(schedulePaint, [inputs])

  return (
    <section className="panel intervention-log" aria-labelledby="log-title">
      <h2 id="log-title">{t('log.title')}</h2>
      {inputs.length === 0 ? (
        <p className="panel-note">{t('log.empty')}</p>
      ) : (
        <ol className="log-list" ref={list} data-testid="intervention-log">
          {inputs.map((input, i) => {
            const what = describeInput(input, t)
            const hint = t('log.removeHint', { what })
            return (
              <li key={`${i}:${input.at}`} data-at={input.at} data-testid="intervention">
                <span className="log-time num">
                  {formatClock(input.at)} {t('unit.s')}
                </span>
                <span className="log-what">{what}</span>
                <button
                  type="button"
                  className="btn btn-quiet btn-small"
                  data-hint={hint}
                  title={hint}
                  aria-label={hint}
                  data-testid="intervention-remove"
                  onClick={() => removeInput(i, input.at)}
                >
                  {t('log.remove')}
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
