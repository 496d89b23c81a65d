import { create } from 'zustand'
import { frameStore } from '../store/frameStore'

/**
 * A one-line note about where the run came from (not an error), shown above the stage: why the
 * run is paused ("opened a shared run, paused at t"). Once the run plays it has done its job and
 * goes: left up, "paused at 0.000000 s" read as stale beside a running clock.
 */
export type RunNoticeState = { kind: 'opened'; t: number } | { kind: 'restored'; t: number } | null

export const useRunNoticeStore = create<{ notice: RunNoticeState }>(() => ({ notice: null }))

export const showRunNotice = (notice: RunNoticeState): void =>
  useRunNoticeStore.setState({ notice })

frameStore.subscribe(({ frame }) => {
  if (frame?.running && useRunNoticeStore.getState().notice) showRunNotice(null)
})
