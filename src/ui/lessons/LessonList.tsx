import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useLangStore, useT } from '../i18n'
import { course } from './course'
import { importLessonFile, useImportedLessonsStore } from './importedLessonsStore'
import { lessonUrl } from './lessonLink'
import { useLessonStore } from './lessonStore'
import { readProgress } from './progress'
import { openLesson, setListOpen } from './runner'
import type { Lesson } from './schema'

/** The course in order with local progress, the teacher's imported lessons, and import. */
export function LessonList() {
  const t = useT()
  const open = useLessonStore((s) => s.listOpen)
  const imported = useImportedLessonsStore((s) => s.lessons)
  const lang = useLangStore((s) => s.lang)
  const [link, setLink] = useState<{ id: string; url: string; copied: boolean } | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])

  if (!open)
    return <dialog ref={dialog} className="lesson-list" aria-label={t('lessons.listTitle')} />
  const progress = readProgress()
  const pick = (l: Lesson) => {
    setListOpen(false)
    openLesson(l, 0)
  }
  return (
    <dialog
      ref={dialog}
      className="lesson-list"
      aria-labelledby="lesson-list-title"
      onClose={() => setListOpen(false)}
    >
      <div className="lesson-list-head">
        <h2 id="lesson-list-title">{t('lessons.listTitle')}</h2>
        <button type="button" className="btn btn-quiet" onClick={() => setListOpen(false)}>
          {t('lessons.close')}
        </button>
      </div>
      <p className="lesson-list-intro">{t('lessons.listIntro')}</p>
      <ol className="lesson-items">
        {course.map((l) => (
          <Item key={l.id} lesson={l} progress={progress[l.id]} onPick={pick} />
        ))}
      </ol>
      {imported.length > 0 && (
        <>
          <h3>{t('lessons.imported')}</h3>
          <ul className="lesson-items">
            {imported.map((l) => (
              <Item key={l.id} lesson={l} progress={progress[l.id]} onPick={pick}>
                <button
                  type="button"
                  className="btn btn-quiet"
                  data-testid={`lesson-link-${l.id}`}
                  title={t('lessons.linkHint')}
                  onClick={() => {
                    const url = lessonUrl(window.location.href, l)
                    setLink({ id: l.id, url, copied: false })
                    // the field below shows it either way: a denied clipboard loses nothing
                    navigator.clipboard?.writeText(url).then(
                      () => setLink({ id: l.id, url, copied: true }),
                      () => {},
                    )
                  }}
                >
                  {t('lessons.link')}
                </button>
              </Item>
            ))}
          </ul>
          {link && (
            <label className="lesson-link">
              <span>
                {t(link.copied ? 'lessons.linkCopied' : 'lessons.linkLabel', {
                  title: imported.find((l) => l.id === link.id)?.title[lang] ?? link.id,
                })}
              </span>
              <input
                readOnly
                data-testid="lesson-link-url"
                value={link.url}
                onFocus={(e) => e.currentTarget.select()}
              />
            </label>
          )}
        </>
      )}
      <label className="btn file-button" title={t('lessons.importHint')}>
        <span>{t('lessons.import')}</span>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          data-testid="lesson-import"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file) {
              setListOpen(false)
              void importLessonFile(file)
            }
            if (fileInput.current) fileInput.current.value = ''
          }}
        />
      </label>
    </dialog>
  )
}

function Item({
  lesson,
  progress,
  onPick,
  children,
}: {
  lesson: Lesson
  progress: { reached: number; steps: number; done: boolean } | undefined
  onPick: (l: Lesson) => void
  /** more controls for this lesson, after its button */
  children?: ReactNode
}) {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  return (
    <li>
      <button
        type="button"
        className="lesson-item"
        data-testid={`lesson-item-${lesson.id}`}
        onClick={() => onPick(lesson)}
      >
        <span className="lesson-item-title">{lesson.title[lang]}</span>
        <span className="lesson-item-meta">
          {t(`lessons.level.${lesson.level}`)} · {t('lessons.steps', { n: lesson.steps.length })}
          {progress &&
            ' · ' +
              (progress.done
                ? t('lessons.done')
                : t('lessons.progress', { step: progress.reached, steps: lesson.steps.length }))}
        </span>
        <span className="lesson-item-summary">{lesson.summary[lang]}</span>
      </button>
      {children}
    </li>
  )
}
