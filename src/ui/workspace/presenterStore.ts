import { create } from 'zustand'

/**
 * Presenter mode (`?present=1`, `presenter-toggle`; docs/ui-layers.md): large type, one view,
 * keyboard and clicker driven. The same layout with a class on the root, no second tree.
 */
export const usePresenterStore = create<{ on: boolean }>(() => ({
  on: typeof window !== 'undefined' && isPresentParam(window.location.search),
}))

function isPresentParam(search: string): boolean {
  return new URLSearchParams(search).get('present') === '1'
}

/** Switch presenter mode and record it in `?present=1`, so a reload or a copied link keeps it. */
export function setPresenter(on: boolean): void {
  usePresenterStore.setState({ on })
  const url = new URL(window.location.href)
  if (on) url.searchParams.set('present', '1')
  else url.searchParams.delete('present')
  window.history.replaceState(null, '', url)
}

/** In presenter mode a running clock readout changes at most this often: digits stay readable. */
export const PRESENTER_READOUT_MS = 250
