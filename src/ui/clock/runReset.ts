import { useEffect } from 'react'
import { useRunStore } from '../store/runStore'
import { timeViewStore } from './charts/timeViewStore'
import { defaultSelection, useClockSelectionStore } from './clockSelectionStore'

/**
 * A new run selects its inspected node and shows the whole recorded time range. Mounted once
 * by the workspace, whichever clock views are focused (or loaded: they load on demand), so
 * switching views keeps the selection.
 */
export function useClockRunReset(): void {
  const run = useRunStore((s) => s.run)
  useEffect(() => {
    if (!run) return
    useClockSelectionStore.setState((s) => ({ node: defaultSelection(run, s.node), server: null }))
    timeViewStore.setState({ view: { mode: 'all' } })
  }, [run])
}
