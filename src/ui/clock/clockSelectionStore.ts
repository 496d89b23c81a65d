import { create } from 'zustand'
import type { RunMeta } from '../../worker/wire'

/**
 * Which node the inspector shows and which of its servers' exchanges the T1–T4 diagram shows.
 * Selecting is its own gesture (the inspector's node list, a row of the clock table, a chart
 * legend entry): clicking a node in the topology crashes it (docs/ui-contract.md).
 */
export interface ClockSelection {
  node: string | null
  /** the server whose last exchange is drawn; null = the system peer, else the first server */
  server: string | null
}

export const useClockSelectionStore = create<ClockSelection>(() => ({ node: null, server: null }))

export function selectNode(node: string): void {
  useClockSelectionStore.setState((s) => (s.node === node ? s : { node, server: null }))
}

export function selectServer(server: string | null): void {
  useClockSelectionStore.setState({ server })
}

/** The node to show in a new run: the one shown before if it still exists, else the first client. */
export function defaultSelection(run: RunMeta, previous: string | null): string | null {
  if (previous && run.nodes.some((n) => n.id === previous)) return previous
  return (run.nodes.find((n) => !n.reference) ?? run.nodes[0])?.id ?? null
}
