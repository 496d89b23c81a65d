import { presets } from '../../engine/scenario/presets'
import { useLangStore } from '../i18n'
import { isLessonHash, openLessonHash } from '../lessons/lessonLink'
import { openLessonLink } from '../lessons/openLink'
import { afterNextLoad } from '../share/afterLoad'
import { showRunNotice } from '../share/runNoticeStore'
import { MAX_OPEN_TIME, openShareLink } from '../share/openLink'
import { isShareHash } from '../share/shareUrl'
import { pause, sendCommand, setSpeed, startDefault } from '../sim/actions'
import { useRunStore, type Banner } from '../store/runStore'
import { forgetStoredSession, readStoredSession } from './autosave'
import type { Session } from './session'
import { parseSession } from './sessionParse'
import { showViews } from '../workspace/workspaceStore'

/** The default run, with a banner saying why it is not the one asked for (set once it loaded:
 * a load clears the banners of the previous run). */
function startDefaultBecause(banner: Banner | null): void {
  if (banner) afterNextLoad(() => useRunStore.setState({ banner }))
  startDefault()
}

function restore(session: Session): void {
  // `?lang=` in the address wins over the language the session was watched in
  const lang = new URLSearchParams(window.location.search).get('lang')
  if (lang !== 'en' && lang !== 'zh') useLangStore.setState({ lang: session.lang })
  setSpeed(session.speed)
  pause()
  const { source } = session
  if (source.kind === 'preset') showViews(presets.find((p) => p.id === source.id)?.views ?? [])
  afterNextLoad((ok, error) => {
    if (ok) return showRunNotice({ kind: 'restored', t: session.now })
    forgetStoredSession()
    startDefaultBecause({ kind: 'badSession', detail: error })
  })
  sendCommand({
    type: 'load',
    scenario: session.base,
    source: session.source,
    replay: { inputs: session.inputs, until: session.now },
  })
}

/**
 * What the address or the browser holds for the first run: a lesson link, a share link
 * (docs/ui-contract.md), else the autosaved session. A bad link or a corrupt session shows why and
 * falls through to the default; nothing stored can stop the page from starting. Loaded on demand
 * by `bootRun` (it validates with zod and reads the course).
 */
export function openStored(): void {
  // a teacher's lesson link, then a lesson link (contract.md §3), win over the autosaved session
  if (isLessonHash(window.location.hash)) {
    if (openLessonHash(window.location.hash)) return
    return startDefaultBecause(useRunStore.getState().banner)
  }
  const lesson = openLessonLink(window.location)
  if (lesson === 'opened') return
  if (lesson !== null) return startDefaultBecause(lesson)
  if (isShareHash(window.location.hash)) {
    if (openShareLink(window.location.hash)) return
    return startDefaultBecause(useRunStore.getState().banner)
  }
  const stored = parseSession(readStoredSession())
  if (stored.ok && stored.session.now <= MAX_OPEN_TIME) return restore(stored.session)
  if (stored.ok || stored.error !== null) {
    forgetStoredSession()
    return startDefaultBecause({
      kind: 'badSession',
      detail: stored.ok ? `now: beyond ${MAX_OPEN_TIME} s` : stored.error,
    })
  }
  startDefault()
}
