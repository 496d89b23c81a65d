import { create } from 'zustand'

/**
 * The views the workspace can show beside the map (docs/ui-layers.md). The focus pane shows
 * the focused ones; every other view is one click away in its tab bar.
 */
export type ViewId =
  | 'clocks'
  | 'offsetChart'
  | 'precision'
  | 'inspector'
  | 'paxos'
  | 'lease'
  | 'client'
  | 'spacetime'
  | 'perturb'
  | 'interventions'
  | 'share'
  | 'help'

export interface WorkspaceState {
  /** focused views, most important first (one in presenter mode, at most two otherwise) */
  focus: ViewId[]
}

export const useWorkspace = create<WorkspaceState>(() => ({ focus: ['clocks'] }))

/** Focus `views` (a preset's defaults or a lesson step's); an empty list keeps the current focus. */
export function showViews(views: readonly ViewId[]): void {
  if (views.length > 0) useWorkspace.setState({ focus: [...views] })
}
