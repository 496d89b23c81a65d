import { lazy, Suspense } from 'react'
import { useT } from '../i18n'
import { useLessonStore } from './lessonStore'
import { setListOpen } from './runner'

/** The header button that opens the lesson list (`lessons-open`). */
export function LessonsButton() {
  const t = useT()
  const open = useLessonStore((s) => s.listOpen)
  return (
    <button
      type="button"
      className="btn"
      data-testid="lessons-open"
      aria-expanded={open}
      aria-haspopup="dialog"
      title={t('lessons.openHint')}
      onClick={() => setListOpen(!open)}
    >
      {t('lessons.open')}
    </button>
  )
}

// the course and its validator load with the list, the first time it opens
const LessonList = lazy(() => import('./LessonList').then((m) => ({ default: m.LessonList })))

/** The lesson list dialog, mounted (and loaded) once it is first asked for. */
export function LessonListOnDemand() {
  const open = useLessonStore((s) => s.listOpen)
  if (!open) return null
  return (
    <Suspense fallback={null}>
      <LessonList />
    </Suspense>
  )
}
