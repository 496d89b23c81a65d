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
  /** the first lane shown when a run has more than LANE_LIMIT nodes (geometry.ts) */
  firstLane: number
}

export const DEFAULT_SPAN = 20
export const MIN_SPAN = 1e-4
export const MAX_SPAN = 600

export const diagramViewStore = createStore<DiagramView>(() => ({
  span: DEFAULT_SPAN,
  end: 0,
  following: true,
  localTicks: false,
  firstLane: 0,
}))

/**
 * The stretch of true time the diagram drew last (the timeline shows it as a band). Written at
 * every paint, so kept out of the store: nothing needs to be told.
 */
export const shownRange = { from: 0, to: 0 }

/**
 * The stretch of true time on screen: `span` up to the end. Early in a followed run it grows
 * with the run from 1 s (or the span, if shorter) instead: a lesson's first second on a 20 s
 * axis was a hairline strip at the left edge.
 */
export function viewDomain(v: DiagramView, now: number): [number, number] {
  const end = v.following ? now : Math.min(v.end, now)
  if (v.following && end < v.span) return [0, Math.min(v.span, Math.max(1, end * 1.15))]
  const from = Math.max(0, end - v.span)
  return [from, from + v.span]
}

/** Back to the live moment (the follow button, a seek, a new run). */
export function follow(): void {
  diagramViewStore.setState({ following: true })
}
