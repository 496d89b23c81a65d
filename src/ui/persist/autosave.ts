import type { ScenarioInput } from '../../engine'
import { DEFAULT_PRESET } from '../../engine/scenario/presets'
import type { RunSource } from '../../worker/wire'
import { useLangStore } from '../i18n'
import { usePerturbStore } from '../perturb/perturbStore'
import { requestScenario } from '../share/scenarioRequest'
import { onWorkerMessage } from '../sim/actions'
import { frameStore } from '../store/frameStore'
import { DEFAULT_SPEED, useRunStore } from '../store/runStore'
import { useAutosaveStore } from './autosaveStore'
import { SESSION_KEY, serializeSession, sessionOf, worthKeeping } from './session'

/** At most one write per this many milliseconds while the run changes (it does, every frame). */
const SAVE_EVERY_MS = 1000

/** The scenario as loaded, per run: asked from the worker once when a run starts. */
let loaded: { runId: number; base: ScenarioInput; source: RunSource } | null = null
let timer: ReturnType<typeof setTimeout> | null = null

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    // storage disabled (privacy settings, sandboxed iframe): no autosave, nothing breaks
    return null
  }
}

/** Write the session as it is now (or clear it when it holds nothing of the user's). */
function saveNow(): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
  const { run, speed, playing } = useRunStore.getState()
  const frame = frameStore.getState().frame
  const store = storage()
  if (!store || !run || !loaded || loaded.runId !== run.runId || frame?.runId !== run.runId) return
  const session = sessionOf({
    base: loaded.base,
    source: loaded.source,
    inputs: usePerturbStore.getState().inputs,
    now: frame.now,
    speed,
    lang: useLangStore.getState().lang,
  })
  try {
    if (worthKeeping(session, { presetId: DEFAULT_PRESET, speed: DEFAULT_SPEED }, playing))
      store.setItem(SESSION_KEY, serializeSession(session))
    else store.removeItem(SESSION_KEY)
    if (useAutosaveStore.getState().failed) useAutosaveStore.setState({ failed: false })
  } catch {
    // over quota: the previous session stays and the run is unaffected, but the user is told —
    // a reload would bring back an older session than the one on screen
    if (!useAutosaveStore.getState().failed)
      useAutosaveStore.setState({ failed: true, dismissed: false })
  }
}

function schedule(): void {
  if (timer === null) timer = setTimeout(saveNow, SAVE_EVERY_MS)
}

export function readStoredSession(): string | null {
  try {
    return storage()?.getItem(SESSION_KEY) ?? null
  } catch {
    return null
  }
}

export function forgetStoredSession(): void {
  try {
    storage()?.removeItem(SESSION_KEY)
  } catch {
    // nothing to forget
  }
}

/**
 * Keep the session in localStorage: throttled while it changes, at once when the page is hidden
 * or left (the last second before a reload counts too).
 */
export function startAutosave(): void {
  onWorkerMessage((msg) => {
    if (msg.type !== 'loaded') return
    loaded = null
    const runId = msg.run.runId
    requestScenario()
      .then((r) => {
        if (useRunStore.getState().run?.runId !== runId) return
        loaded = { runId, base: r.base, source: r.source }
        schedule()
      })
      .catch(() => {
        // no answer (the worker died): this run is not saved; the next one asks again
      })
  })
  frameStore.subscribe(schedule)
  useRunStore.subscribe(schedule)
  usePerturbStore.subscribe(schedule)
  useLangStore.subscribe(schedule)
  window.addEventListener('pagehide', saveNow)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveNow()
  })
}
