import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useT } from '../i18n'
import { answer, useConfirmStore } from './confirmStore'
import './confirm.css'

/**
 * The open question as a modal dialog (`confirm-dialog`): focus starts on the confirm button and
 * stays inside (Tab and Shift+Tab cycle), Enter confirms, Escape cancels, and focus goes back to
 * where it was when the dialog closes.
 */
export function ConfirmDialog() {
  const t = useT()
  const question = useConfirmStore((s) => s.question)
  const dialog = useRef<HTMLDialogElement>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const d = dialog.current
    if (!d || !question) return
    const before = document.activeElement
    if (!d.open) d.showModal()
    confirmButton.current?.focus()
    return () => {
      if (d.open) d.close()
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [question])

  if (!question) return null

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault()
      answer(true)
    } else if (e.key === 'Tab') {
      const buttons = [...e.currentTarget.querySelectorAll('button')]
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement)
      const next = (i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length
      e.preventDefault()
      buttons[next]?.focus()
    }
  }

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      data-testid="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Escape: the dialog is closed by answering, so React state and the element agree
        e.preventDefault()
        answer(false)
      }}
    >
      <h2 id="confirm-title">{t(question.title)}</h2>
      <p id="confirm-body">{t(question.body, question.params)}</p>
      <div className="confirm-buttons">
        <button
          type="button"
          className="btn"
          data-testid="confirm-cancel"
          onClick={() => answer(false)}
        >
          {t('confirm.cancel')}
        </button>
        <button
          type="button"
          ref={confirmButton}
          className="btn btn-primary"
          data-testid="confirm-ok"
          onClick={() => answer(true)}
        >
          {t(question.confirm)}
        </button>
      </div>
    </dialog>
  )
}
