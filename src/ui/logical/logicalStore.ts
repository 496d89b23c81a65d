import { createStore } from 'zustand/vanilla'

/** Which logical timestamp the space-time diagram writes beside each event. */
export type StampMode = 'none' | 'lamport' | 'vector' | 'hlc'
export const STAMP_MODES: readonly StampMode[] = ['none', 'lamport', 'vector', 'hlc']

/**
 * The diagram's logical-time settings: the stamps shown, and the selected event (by message id
 * and end, 0 send / 1 receipt, so it survives the window moving) whose causal past and future
 * are highlighted. Read by the painter; the toolbar re-renders on change.
 */
export interface LogicalView {
  stamps: StampMode
  selected: { id: number; end: 0 | 1; node: number } | null
}

export const logicalViewStore = createStore<LogicalView>(() => ({ stamps: 'none', selected: null }))

/**
 * What the last paint found: events in view, whether stamps fit, and the selected event's
 * counts. Set by the painter only when a value changed, so the toolbar re-renders rarely.
 */
export interface LogicalPaintFacts {
  events: number
  labelled: boolean
  selection: { past: number; future: number; concurrent: number } | null
}

export const logicalFactsStore = createStore<LogicalPaintFacts>(() => ({
  events: 0,
  labelled: false,
  selection: null,
}))

export function reportFacts(f: LogicalPaintFacts): void {
  const o = logicalFactsStore.getState()
  // the event count alone changes at every paint while following: it does not re-render
  const same =
    o.labelled === f.labelled &&
    o.events > 0 === f.events > 0 &&
    JSON.stringify(o.selection) === JSON.stringify(f.selection)
  if (!same) logicalFactsStore.setState(f)
}
