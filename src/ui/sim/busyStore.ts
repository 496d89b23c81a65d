import { create } from 'zustand'
import type { Command, RunSource, WorkerMessage } from '../../worker/wire'
import type { SeekProgress } from '../../worker/timelineWire'
import { showRunNotice } from '../share/runNoticeStore'

/**
 * The worker busy for a while (docs/architecture.md "Seek and checkpoints"): a seek or a load's
 * replay that shows progress, where the last one was cancelled, and a worker that stopped
 * answering the client's watchdog (client.ts).
 */
export interface BusyState {
  seek: SeekProgress | null
  cancelled: { at: number; to: number } | null
  /** the worker is stuck; `loading`: on this load (not yet answered), null: on the run */
  stalled: { loading: { source: RunSource; name: string } | null } | null
}

export const useBusyStore = create<BusyState>(() => ({
  seek: null,
  cancelled: null,
  stalled: null,
}))

export function receiveBusy(msg: WorkerMessage): void {
  switch (msg.type) {
    case 'seekProgress':
      return useBusyStore.setState({ seek: msg, cancelled: null })
    case 'loaded':
      return useBusyStore.setState({ cancelled: null })
    case 'seekEnd':
      // a link's "opened at t" no longer holds when its replay was stopped short of t
      if (msg.end === 'cancelled') showRunNotice(null)
      return useBusyStore.setState({
        seek: null,
        cancelled: msg.end === 'cancelled' ? { at: msg.at, to: msg.to } : null,
      })
  }
}

export function setStalled(stuck: boolean, on: Extract<Command, { type: 'load' }> | null): void {
  const name = (on?.scenario as { name?: unknown } | undefined)?.name
  useBusyStore.setState({
    stalled: stuck
      ? { loading: on && { source: on.source, name: typeof name === 'string' ? name : '' } }
      : null,
  })
}
