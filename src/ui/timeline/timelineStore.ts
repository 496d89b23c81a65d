import { create } from 'zustand'
import type { TimelineInfo } from '../../worker/timelineWire'
import { onWorkerMessage, sendCommand } from '../sim/actions'

/**
 * The recorded run as the timeline draws it (low rate: a message when a checkpoint is taken, a
 * seek lands or a branch starts). At the live edge the head moves with every frame; painters take
 * max(head, frame.now) rather than re-rendering for it.
 */
export interface TimelineState {
  runId: number
  head: number
  branches: number
  replaced: TimelineInfo['replaced']
  checkpoints: number[]
  /** how long the last seek took in the worker (ms) */
  seekMs: number | null
}

const initial: TimelineState = {
  runId: -1,
  head: 0,
  branches: 0,
  replaced: null,
  checkpoints: [],
  seekMs: null,
}

export const useTimelineStore = create<TimelineState>(() => initial)

/**
 * Seeks while scrubbing are coalesced: one in the worker at a time, and only the latest target
 * waits behind it, so dragging never queues up seeks the worker has to work through.
 */
let inFlight = false
let pending: number | null = null

export function seekTo(t: number): void {
  if (!Number.isFinite(t)) return
  if (inFlight) {
    pending = t
    return
  }
  inFlight = true
  sendCommand({ type: 'seek', to: Math.max(0, t) })
}

onWorkerMessage((msg) => {
  switch (msg.type) {
    case 'loaded':
      inFlight = false
      pending = null
      useTimelineStore.setState({ ...initial, runId: msg.run.runId })
      return
    case 'timeline': {
      const { type: _type, ...info } = msg
      useTimelineStore.setState(info)
      return
    }
    case 'seeked':
      useTimelineStore.setState({ seekMs: msg.ms })
      inFlight = false
      if (pending !== null) {
        const next = pending
        pending = null
        seekTo(next)
      }
      return
  }
})
