import { openShareLink } from '../share/openLink'
import { isShareHash } from '../share/shareUrl'
import { useRunStore, type Banner } from '../store/runStore'
import { parseLessonLink, withLessonLink } from './deepLink'
import { findLesson } from './importedLessonsStore'
import { attachLesson, openLesson } from './runner'

/**
 * Open the lesson the address names (`?lesson=<id>&step=N`): at that step's own state, or —
 * when a share link comes with it — over the shared run. Returns 'opened', null when the
 * address names no lesson, or the banner saying why it could not be opened.
 */
export function openLessonLink(location: Location): 'opened' | Banner | null {
  const link = parseLessonLink(location.search)
  if (!link) return null
  const lesson = findLesson(link.id)
  if (!lesson) {
    window.history.replaceState(null, '', withLessonLink(location.href, null))
    return { kind: 'badLesson', detail: `lesson: unknown lesson "${link.id}"` }
  }
  if (isShareHash(location.hash)) {
    if (!openShareLink(location.hash)) return useRunStore.getState().banner
    attachLesson(lesson, link.step - 1)
    return 'opened'
  }
  openLesson(lesson, link.step - 1)
  return 'opened'
}
