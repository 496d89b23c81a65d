import { useShallow } from 'zustand/react/shallow'
import { useLangStore, useT } from '../i18n'
import { useRunStore } from '../store/runStore'
import { useLessonStore, type LessonState } from './lessonStore'
import { Narration } from './Narration'
import { choose, doAction, exitLesson, nextStep, playStep, prevStep } from './runner'
import type { LessonQuestion } from './schema'
import './lessons.css'

const selectBar = (s: LessonState) => ({ ...s })

/** The open lesson under the run strip: narration, the step's action and question, navigation. */
export function LessonBar() {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const s = useLessonStore(useShallow(selectBar))
  const playing = useRunStore((r) => r.playing)
  const speed = useRunStore((r) => r.speed)
  if (!s.lesson) return null
  const step = s.lesson.steps[s.step]
  const n = s.lesson.steps.length
  const last = s.step === n - 1
  const waiting = step.stopAt !== undefined && s.stopped === null
  return (
    <section className="lesson-bar" aria-label={t('lessons.barLabel')} data-testid="lesson-bar">
      <div className="lesson-head">
        <h2 className="lesson-title" data-testid="lesson-title">
          {s.lesson.title[lang]}
        </h2>
        <span
          className="lesson-step"
          data-testid="lesson-step"
          data-step={s.step + 1}
          data-steps={n}
        >
          {t('lessons.stepOf', { step: s.step + 1, steps: n })}
        </span>
        <nav className="lesson-nav">
          <button
            type="button"
            className="btn"
            data-testid="lesson-prev"
            disabled={s.step === 0}
            onClick={prevStep}
          >
            {t('lessons.prev')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="lesson-next"
            onClick={nextStep}
          >
            {last ? t('lessons.finish') : t('lessons.next')}
          </button>
          <button
            type="button"
            className="btn btn-quiet"
            data-testid="lesson-exit"
            onClick={exitLesson}
          >
            {t('lessons.exit')}
          </button>
        </nav>
      </div>
      <p
        className="lesson-narration"
        data-testid="lesson-narration"
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
      >
        <Narration text={step.narration[lang]} />
      </p>
      {step.action && (
        <p className="lesson-action" data-testid="lesson-action" data-done={s.actionDone}>
          <strong>{t('lessons.tryIt')}</strong> <Narration text={step.action.prompt[lang]} />{' '}
          {s.actionDone ? (
            <span className="lesson-ok">{t('lessons.actionDone')}</span>
          ) : (
            <button
              type="button"
              className="btn"
              data-testid="lesson-do"
              onClick={doAction}
            >
              {t('lessons.doIt')}
            </button>
          )}
        </p>
      )}
      {step.question && <Question q={step.question} />}
      <div className="lesson-status" aria-live="polite">
        {waiting && !step.question && (
          <button
            type="button"
            className="btn"
            data-testid="lesson-play"
            disabled={playing}
            onClick={playStep}
          >
            {playing ? t('lessons.playing', { speed }) : t('lessons.play')}
          </button>
        )}
        {s.stopped !== null && (
          <span className="lesson-stopped" data-testid="lesson-stopped">
            {t('lessons.stopped', { t: s.stopped.toFixed(3) })}{' '}
            {step.stopNote && <Narration text={step.stopNote[lang]} />}
          </span>
        )}
        {s.complete && (
          <span className="lesson-ok" data-testid="lesson-complete">
            {t('lessons.complete')}
          </span>
        )}
        {s.finished && (
          <span className="lesson-ok" data-testid="lesson-finished">
            {t('lessons.finished')}
          </span>
        )}
      </div>
    </section>
  )
}

/** Predict, then observe: the choices, then the answer read from the run. */
function Question({ q }: { q: LessonQuestion }) {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const { prediction, answer, revealed } = useLessonStore(
    useShallow((s: LessonState) => ({
      prediction: s.prediction,
      answer: s.answer,
      revealed: s.revealed,
    })),
  )
  const right = answer?.ok ? q.choices.findIndex((c) => c.value === answer.value) : -1
  const answerText = answer?.ok ? (right >= 0 ? q.choices[right].text[lang] : answer.value) : ''
  return (
    <div className="lesson-question" data-testid="lesson-question">
      <p>
        <strong>{t('lessons.predict')}</strong> <Narration text={q.prompt[lang]} />
      </p>
      <div className="lesson-choices" role="group" aria-label={q.prompt[lang]}>
        {q.choices.map((c, k) => (
          <button
            key={c.value}
            type="button"
            className={
              'btn lesson-choice' +
              (prediction === k ? ' is-chosen' : '') +
              (revealed && k === right ? ' is-right' : '')
            }
            data-testid={`lesson-choice-${k}`}
            aria-pressed={prediction === k}
            disabled={prediction !== null}
            onClick={() => choose(k)}
          >
            <Narration text={c.text[lang]} />
          </button>
        ))}
      </div>
      {prediction !== null && !revealed && (
        <p className="lesson-note">
          {t('lessons.predicted', { choice: q.choices[prediction].text[lang] })}
        </p>
      )}
      {revealed && answer && (
        <p
          className={
            'lesson-reveal' +
            (prediction === null ? '' : prediction === right ? ' is-right' : ' is-wrong')
          }
          data-testid="lesson-reveal"
          data-answer={answer.ok ? answer.value : ''}
          data-correct={prediction === null ? '' : String(prediction === right)}
        >
          {!answer.ok
            ? t('lessons.answerError', { detail: answer.error })
            : prediction === null
              ? t('lessons.answerIs', { answer: answerText })
              : prediction === right
                ? t('lessons.right', { answer: answerText })
                : t('lessons.wrong', { answer: answerText })}{' '}
          {q.explain && <Narration text={q.explain[lang]} />}
        </p>
      )}
    </div>
  )
}
