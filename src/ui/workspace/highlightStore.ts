import { create } from 'zustand'

/**
 * What the annotation layer emphasises on the map (docs/ui-layers.md): set by a lesson step or
 * by the caption of the event `Step` executed. Empty lists mean nothing is highlighted.
 */
export interface Highlights {
  nodes: string[]
  /** directed links as [from, to] node ids */
  links: [string, string][]
  /** a one-line caption shown on the map, already translated */
  caption: string | null
}

const none: Highlights = { nodes: [], links: [], caption: null }

export const useHighlightStore = create<Highlights>(() => none)

export function setHighlights(h: Partial<Highlights>): void {
  useHighlightStore.setState({ ...none, ...h })
}

export function clearHighlights(): void {
  useHighlightStore.setState(none)
}
