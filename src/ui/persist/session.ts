import type { ScenarioInput } from '../../engine'
import type { LoggedInput } from '../../worker/inputLog'
import type { RunSource } from '../../worker/wire'
import type { Lang } from '../i18n'

/**
 * The autosaved session: enough to rebuild the run exactly (the scenario as loaded, the live
 * inputs with their times, the simulated time) plus the speed and language it was watched at.
 * Restoring loads `base` and replays `inputs` up to `now`, so the trace hash is the one the page
 * showed; the inputs stay live (listed, removable), unlike a share link, which folds them in.
 */
export interface Session {
  v: 1
  base: ScenarioInput
  source: RunSource
  inputs: LoggedInput[]
  now: number
  speed: number
  lang: Lang
}

export const SESSION_KEY = 'driftlab.session.v1'
/** localStorage holds about 5 M characters per origin; a session larger than this is not kept. */
export const MAX_SESSION_CHARS = 4_000_000

export const serializeSession = (s: Session): string => JSON.stringify(s)

/** The session at simulated time `now`: inputs after it (a branch rewound from) are not part of it. */
export function sessionOf(parts: Omit<Session, 'v'>): Session {
  return { v: 1, ...parts, inputs: parts.inputs.filter((x) => x.at <= parts.now) }
}

/**
 * Whether a session holds anything of the user's: another scenario than the one the page opens
 * with, an intervention, another speed, or a pause. An untouched default run is not kept, so the
 * next visit starts fresh and playing rather than paused at some arbitrary time.
 */
export function worthKeeping(
  s: Session,
  fresh: { presetId: string; speed: number },
  playing: boolean,
): boolean {
  const defaultScenario = s.source.kind === 'preset' && s.source.id === fresh.presetId
  return !defaultScenario || s.inputs.length > 0 || s.speed !== fresh.speed || !playing
}
