import { createStore } from 'zustand/vanilla'

/**
 * The time window both clock charts show (they zoom and pan together):
 * - 'all': the whole history held, growing with the run;
 * - 'follow': the last `span` seconds, sliding with the run;
 * - 'fixed': a window the reader panned to, which stays put while the run goes on.
 */
export type TimeView =
  { mode: 'all' } | { mode: 'follow'; span: number } | { mode: 'fixed'; x0: number; x1: number }

export const timeViewStore = createStore<{ view: TimeView }>(() => ({ view: { mode: 'all' } }))
