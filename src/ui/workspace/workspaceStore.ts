import { create } from 'zustand'
import type { PresetView } from '../../engine/scenario/presets'

/**
 * The views the workspace can show beside the map (docs/ui-layers.md). The focus pane shows
 * the focused ones; every other view is one click away in its tab bar.
 */
export type ViewId =
  /** the views a preset may open (the engine's list) */
  PresetView | 'perturb' | 'interventions' | 'share' | 'run' | 'help'

export interface WorkspaceState {
  /** focused views, most important first (one in presenter mode, at most two otherwise) */
  focus: ViewId[]
}

export const useWorkspaceStore = create<WorkspaceState>(() => ({
  focus: ['offsetChart', 'precision'],
}))

/** Focus `views` (a preset's defaults or a lesson step's); an empty list keeps the current focus. */
export function showViews(views: readonly ViewId[]): void {
  if (views.length > 0) useWorkspaceStore.setState({ focus: [...views] })
}

/**
 * A click on a view's tab: that view alone, or with `beside` (Shift/Ctrl-click) next to the
 * view focused first — or taken away again when it was already beside it.
 */
export function openView(view: ViewId, beside = false): void {
  const [first] = useWorkspaceStore.getState().focus
  if (!beside || first === undefined || first === view) return showViews([view])
  const focus = useWorkspaceStore.getState().focus
  showViews(focus.includes(view) ? focus.filter((v) => v !== view) : [first, view])
}
