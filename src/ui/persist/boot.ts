import { parseLessonLink } from '../lessons/deepLink'
import { isShareHash } from '../share/shareUrl'
import { startDefault } from '../sim/actions'
import { readStoredSession, startAutosave } from './autosave'

/**
 * The page's first run: a lesson or share link in the address (a teacher's lesson, `#l=…`, too), else the autosaved session, else
 * the default scenario playing. Only the last needs no validation: the others load their
 * validators and the course on demand (`openStored`), so the default page's initial JavaScript
 * carries neither zod nor the lessons.
 */
export function bootRun(): void {
  startAutosave()
  // a share link pasted into the address bar of an open page changes only the hash
  window.addEventListener('hashchange', () => {
    const { hash } = window.location
    if (isShareHash(hash)) void import('../share/openLink').then((m) => m.openShareLink(hash))
  })
  // any hash may be a lesson or share link: openStored tells which
  const { search, hash } = window.location
  if (parseLessonLink(search) === null && hash === '' && readStoredSession() === null)
    return startDefault()
  import('./openStored').then(
    (m) => m.openStored(),
    // a chunk that cannot load (a deploy replaced it): the default run rather than nothing
    () => startDefault(),
  )
}
