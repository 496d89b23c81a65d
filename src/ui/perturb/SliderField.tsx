import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { MessageKey } from '../i18n'
import { useT } from '../i18n'
import { parseBounded, refusal } from '../typedNumber'
import { roundForDisplay, SLIDER_STEPS } from './sliderScale'

interface Props {
  testId: string
  label: MessageKey
  hint: MessageKey
  unit: MessageKey
  /** the value in force, in display units (ms, %) */
  value: number
  /** range accepted from the text field, in display units */
  min: number
  max: number
  /** slider position ↔ value (display units) */
  scale: { toValue(pos: number): number; toPos(value: number): number }
  onCommit(value: number): void
}

/**
 * A slider with a typed-in alternative. Dragging shows the value as it goes and commits once, on
 * release, so one drag is one intervention in the log rather than dozens. The text field is
 * strict: an unparsable or out-of-range value shows why and changes nothing.
 */
export function SliderField(props: Props) {
  const t = useT()
  const id = useId()
  const [drag, setDrag] = useState<number | null>(null)
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const shown = drag ?? props.value
  const unit = t(props.unit)

  // The draft lives in a ref too: pointerup, blur and the native `change` event (the end of a
  // drag or a keyboard step; React's onChange is `input`) may all fire for one gesture, and only
  // the first may commit.
  const draft = useRef<number | null>(null)
  const committed = useRef(props.value)
  const onCommit = useRef(props.onCommit)
  useLayoutEffect(() => {
    committed.current = props.value
    onCommit.current = props.onCommit
  })
  const commitDrag = useRef(() => {
    const v = draft.current
    if (v === null) return
    draft.current = null
    setDrag(null)
    if (v !== committed.current) onCommit.current(v)
  }).current
  const range = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const el = range.current
    el?.addEventListener('change', commitDrag)
    return () => el?.removeEventListener('change', commitDrag)
  }, [commitDrag])

  const commitText = () => {
    if (text === null) return
    const r = parseBounded(text, props.min, props.max)
    if (!r.ok) {
      setError(refusal(r.error, t, { min: props.min, max: props.max, unit }))
      return
    }
    setText(null)
    setError(null)
    if (r.value !== props.value) props.onCommit(r.value)
  }

  return (
    <div className="slider-field" data-testid={props.testId}>
      <label htmlFor={`${id}-range`} className="slider-label" title={t(props.hint)}>
        {t(props.label)}
      </label>
      <div className="slider-row">
        <input
          ref={range}
          id={`${id}-range`}
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={props.scale.toPos(shown)}
          aria-valuetext={t('perturb.valueAria', { value: roundForDisplay(shown), unit })}
          title={t(props.hint)}
          onChange={(e) => {
            draft.current = props.scale.toValue(Number(e.target.value))
            setDrag(draft.current)
          }}
          onPointerUp={commitDrag}
          onBlur={commitDrag}
        />
        <input
          type="text"
          inputMode="decimal"
          className="slider-text num"
          data-testid={`${props.testId}-input`}
          aria-label={`${t(props.label)} (${unit})`}
          aria-invalid={error !== null}
          value={text ?? String(roundForDisplay(shown))}
          onChange={(e) => {
            setText(e.target.value)
            setError(null)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitText()
            if (e.key === 'Escape') {
              setText(null)
              setError(null)
            }
          }}
          onBlur={commitText}
        />
        <span className="unit">{unit}</span>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid={`${props.testId}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}
