import { create } from 'zustand'

/** A one-line note about where the run came from (not an error): shown above the stage. */
export type RunNoticeState = { kind: 'opened'; t: number } | { kind: 'restored'; t: number } | null

export const useRunNoticeStore = create<{ notice: RunNoticeState }>(() => ({ notice: null }))

export const showRunNotice = (notice: RunNoticeState): void =>
  useRunNoticeStore.setState({ notice })
