import { create } from 'zustand'
import { useRunStore } from '../store/runStore'
import { course } from './course'
import { openLesson } from './runner'
import { parseLesson, type Lesson } from './schema'

/**
 * A teacher's own lessons, imported from JSON files (docs/lessons.md). Kept in this browser so
 * `?lesson=<id>` opens them after a reload; revalidated whenever they are read back.
 */
const KEY = 'driftlab.importedLessons.v1'
/** a lesson is text: far below this */
const MAX_LESSON_BYTES = 1_000_000

function readStored(): Lesson[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    if (!Array.isArray(raw)) return []
    return raw.flatMap((x) => {
      const r = parseLesson(x)
      return r.ok ? [r.lesson] : []
    })
  } catch {
    return []
  }
}

export const useImportedLessonsStore = create<{ lessons: Lesson[] }>(() => ({
  lessons: typeof localStorage === 'undefined' ? [] : readStored(),
}))

function store(lessons: Lesson[]): void {
  useImportedLessonsStore.setState({ lessons })
  try {
    localStorage.setItem(KEY, JSON.stringify(lessons))
  } catch {
    // a full store: the lesson still opens now, it is only not kept
  }
}

/** Built-in first: an imported lesson cannot hide a course lesson with the same id. */
export function findLesson(id: string): Lesson | undefined {
  return (
    course.find((l) => l.id === id) ??
    useImportedLessonsStore.getState().lessons.find((l) => l.id === id)
  )
}

export function refuseLesson(detail: string): void {
  useRunStore.setState({ banner: { kind: 'badLesson', detail } })
}

/** Validate a lesson file; a good one is kept and opened, a bad one named in the banner. */
export async function importLessonFile(file: File): Promise<void> {
  if (file.size > MAX_LESSON_BYTES)
    return refuseLesson(`file: larger than ${MAX_LESSON_BYTES} bytes`)
  let json: unknown
  try {
    json = JSON.parse(await file.text())
  } catch (e) {
    return refuseLesson(`file: not JSON (${(e as Error).message})`)
  }
  acceptLesson(json)
}

/**
 * A lesson file from an import or a lesson link: validated, kept and opened, or refused by name.
 * Returns the lesson when it opened.
 */
export function acceptLesson(json: unknown): Lesson | null {
  const r = parseLesson(json)
  if (!r.ok) {
    refuseLesson(r.error)
    return null
  }
  if (course.some((l) => l.id === r.lesson.id)) {
    refuseLesson(`id: "${r.lesson.id}" is a built-in lesson`)
    return null
  }
  store([
    ...useImportedLessonsStore.getState().lessons.filter((l) => l.id !== r.lesson.id),
    r.lesson,
  ])
  openLesson(r.lesson)
  return r.lesson
}
