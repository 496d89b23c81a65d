import { createStore } from 'zustand/vanilla'
import type { ClockFeedMessage } from '../../../worker/clockFeed'
import type { ClockNotes } from '../../../worker/clockNotes'
import type { NodeClockSummary } from '../../../worker/clockSummary'
import { onWorkerMessage } from '../../sim/actions'
import { HistoryRing } from './ring'

/** Samples kept: at the 1 s grid of fast playback, four and a half hours of simulated time. */
const HISTORY_CAPACITY = 16384

/**
 * The clock history and the per-node summaries from the worker's `clockFeed` messages. The ring
 * is mutated in place (no copies per chunk); `version` changes with every chunk so painters know
 * to redraw. No React component re-renders from it.
 */
export const history = { ring: new HistoryRing(HISTORY_CAPACITY), runId: -1 }

export const clockFeedStore = createStore<{
  version: number
  summary: NodeClockSummary[] | null
  notes: ClockNotes | null
}>(() => ({ version: 0, summary: null, notes: null }))

/** A new run (or a new worker after a crash): whatever was held belongs to another run. */
function startHistory(runId: number): void {
  history.ring.clear()
  history.runId = runId
  clockFeedStore.setState(({ version }) => ({ version: version + 1, summary: null, notes: null }))
}

function receiveClockFeed(msg: ClockFeedMessage): void {
  // a chunk from a run the UI has already left
  if (msg.runId !== history.runId) return
  if (msg.dropFrom !== null) history.ring.truncateFrom(msg.dropFrom)
  history.ring.push(msg.samples)
  const { version, summary, notes } = clockFeedStore.getState()
  clockFeedStore.setState({
    version: version + 1,
    summary: msg.summary ?? summary,
    notes: msg.notes ?? notes,
  })
}

onWorkerMessage((msg) => {
  if (msg.type === 'loaded') startHistory(msg.run.runId)
  else if (msg.type === 'clockFeed') receiveClockFeed(msg)
})
