import { create } from 'zustand'

/** Whether the last autosave failed (`autosave-failed`), and whether the user closed the notice. */
export const useAutosaveStore = create<{ failed: boolean; dismissed: boolean }>(() => ({
  failed: false,
  dismissed: false,
}))
