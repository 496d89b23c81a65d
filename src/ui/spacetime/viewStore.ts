import { createStore } from 'zustand/vanilla'

/**
 * What the space-time diagram shows: `span` simulated seconds ending at `end`, or at the live
 * moment while `following`. Changed by zoom and pan gestures (at pointer rate), read by painters;
 * the timeline draws the same stretch as a band, so the two stay in step.
 */
export interface DiagramView {
  span: number
  end: number
  following: boolean
  localTicks: boolean
}

export const DEFAULT_SPAN = 20
export const MIN_SPAN = 1e-4
export const MAX_SPAN = 600

export const diagramView = createStore<DiagramView>(() => ({
  span: DEFAULT_SPAN,
  end: 0,
  following: true,
  localTicks: false,
}))

/**
 * The stretch of true time the diagram drew last (the timeline shows it as a band). Written at
 * every paint, so kept out of the store: nothing needs to be told.
 */
export const shownRange = { from: 0, to: 0 }

/** Back to the live moment (the follow button, a seek, a new run). */
export function follow(): void {
  diagramView.setState({ following: true })
}
