import { packJson, unpackJson } from '../../engine/scenario/shareCodec'
import { withLessonLink } from './deepLink'
import { acceptLesson, refuseLesson } from './importedLessonsStore'
import type { Lesson } from './schema'

/**
 * A teacher's own lesson as a link (docs/lessons.md): `#l=<payload>`, the lesson file packed like
 * a share link's scenario. Opening one validates it like an imported file, keeps it in that
 * browser and opens it at step 1; a bad one is named in the banner and nothing else changes.
 */
const PREFIX = '#l='

export const isLessonHash = (hash: string): boolean => hash.startsWith(PREFIX)

/** The address of `lesson` as a link, from the page's own address. */
export function lessonUrl(href: string, lesson: Lesson): string {
  const url = new URL(withLessonLink(href, null))
  url.hash = PREFIX.slice(1) + packJson({ v: 1, lesson })
  return url.toString()
}

/** Open a `#l=` link; the address then names the lesson (`?lesson=<id>&step=1`) so a reload reopens it. */
export function openLessonHash(hash: string): boolean {
  const unpacked = unpackJson(hash.slice(PREFIX.length), 'lesson link')
  const url = new URL(window.location.href)
  url.hash = ''
  window.history.replaceState(null, '', url)
  if (!unpacked.ok) {
    refuseLesson(unpacked.error)
    return false
  }
  const body = unpacked.json
  if (!body || typeof body !== 'object' || !('v' in body) || body.v !== 1 || !('lesson' in body)) {
    refuseLesson('lesson link: unknown format version')
    return false
  }
  const lesson = acceptLesson(body.lesson)
  if (!lesson) return false
  window.history.replaceState(
    null,
    '',
    withLessonLink(window.location.href, { id: lesson.id, step: 1 }),
  )
  return true
}
