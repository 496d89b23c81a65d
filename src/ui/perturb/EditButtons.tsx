import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useConfirmStore } from '../confirm/confirmStore'
import { ToolButton } from '../controls/ToolButton'
import { useT } from '../i18n'
import { redoEdit, undoEdit } from './actions'
import { editShortcut, typesText } from './editKeys'
import { usePerturbStore, type PerturbState } from './perturbStore'

const selectEdits = (s: PerturbState) => s.edits

const ICONS = {
  undo: 'M6 2.5 1.5 6.5 6 10.5V8c3.3 0 5.6.9 7.5 3.5C12.9 7.8 10.6 5.3 6 5z',
  redo: 'M10 2.5l4.5 4-4.5 4V8c-3.3 0-5.6.9-7.5 3.5C3.1 7.8 5.4 5.3 10 5z',
}

/** Undo and redo over the interventions, as buttons and as the usual keys anywhere on the page. */
export function EditButtons() {
  const t = useT()
  const edits = usePerturbStore(useShallow(selectEdits))

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const what = editShortcut(e)
      if (!what || typesText(e.target) || useConfirmStore.getState().question) return
      e.preventDefault()
      if (what === 'undo') undoEdit()
      else redoEdit()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <>
      <ToolButton
        testId="undo"
        label={t('controls.undo')}
        title={t('controls.undoHint')}
        icon={ICONS.undo}
        disabled={edits.undo === 0}
        iconOnly
        onClick={undoEdit}
      />
      <ToolButton
        testId="redo"
        label={t('controls.redo')}
        title={t('controls.redoHint')}
        icon={ICONS.redo}
        disabled={edits.redo === 0}
        iconOnly
        onClick={redoEdit}
      />
    </>
  )
}
