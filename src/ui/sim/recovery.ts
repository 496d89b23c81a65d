import type { LoggedInput } from '../../worker/inputLog'
import type { Command, LoadCommand, WorkerMessage } from '../../worker/wire'
import { frameStore } from '../store/frameStore'
import { useRunStore } from '../store/runStore'

/**
 * Worker crash recovery. The UI keeps what a fresh worker needs to continue the run where the
 * dead one was: the scenario as loaded (the client keeps that command), the live input log (the
 * worker posts it whenever it changes), the simulated time on screen, how far the branch was
 * recorded, and whether it was playing. A new worker then loads the scenario with the inputs
 * re-made live at their times up to the recorded head (so they stay live: listed, removable,
 * and a later branch still replaces them), seeks to the time on screen, and plays or stays
 * paused as before. The replay is deterministic, so the trace hash is the one the dead worker
 * had at that time.
 *
 * A run that kills its worker every time would loop; after MAX_RECOVERIES recoveries that did
 * not complete (no seek answered) the scenario restarts from time 0, paused, as before recovery
 * existed.
 */
const MAX_RECOVERIES = 2

interface RecoveryNotice {
  inputs: number
  time: number
}

export interface Recovery {
  /** every message from the worker */
  receive(msg: WorkerMessage): void
  /** what to send a fresh worker instead of `load` after the worker running it died */
  resume(load: LoadCommand): Command[]
  /** the recovery under way, for the notice; null when the fallback (time 0) was taken */
  current(): RecoveryNotice | null
}

export function createRecovery(send: (cmd: Command) => void): Recovery {
  let runId = -1
  let inputs: LoggedInput[] = []
  let attempts = 0
  /** the recorded head of the branch, from the timeline messages (frames may be past it) */
  let head = 0
  let pending: (RecoveryNotice & { load: LoadCommand }) | null = null

  return {
    receive(msg) {
      switch (msg.type) {
        case 'loaded':
          runId = msg.run.runId
          head = 0
          // a recovery's own load brings the inputs back; any other load starts without any
          if (!pending) inputs = []
          return
        case 'timeline':
          if (msg.runId === runId) head = msg.head
          return
        case 'interventions':
          if (msg.runId === runId) inputs = msg.inputs
          return
        case 'seeked':
          if (pending && msg.to === pending.time) {
            pending = null
            attempts = 0
          }
          return
        case 'loadError':
          if (pending) {
            // the inputs no longer replay (should not happen: same build, same run): start over
            const { load } = pending
            pending = null
            send(withoutReplay(load))
          }
          return
      }
    },
    resume(load) {
      const frame = frameStore.getState().frame
      if (!frame || frame.runId !== runId || attempts >= MAX_RECOVERIES) {
        pending = null
        return [withoutReplay(load)]
      }
      attempts++
      const time = frame.now
      const lastInput = inputs.length > 0 ? inputs[inputs.length - 1].at : 0
      // replay as far as the branch was recorded (its future inputs included), then come back
      const until = Math.max(time, lastInput, head)
      pending = { inputs: inputs.length, time, load }
      const playing = useRunStore.getState().playing
      return [
        { ...load, replay: { inputs, until } },
        { type: 'seek', to: time },
        { type: playing ? 'play' : 'pause' },
      ]
    },
    current: () => (pending ? { inputs: pending.inputs, time: pending.time } : null),
  }
}

function withoutReplay(load: LoadCommand): LoadCommand {
  const { replay: _replay, ...rest } = load
  return rest
}

/**
 * Undocumented hooks for the end-to-end tests (e2e/timeline.spec.ts, e2e/seek.spec.ts): make the
 * worker throw from its message handler, as a bug would, or never return from it, as a runaway
 * computation would. Always installed, so the tests exercise the build students get; a curious
 * user who calls them loses nothing, the run is recovered.
 */
export function installKillHook(send: (cmd: Command) => void): void {
  if (typeof window === 'undefined') return
  window.__driftlab = {
    killWorker: () => send({ type: 'crashWorker' }),
    hangWorker: () => send({ type: 'crashWorker', hang: true }),
  }
}

declare global {
  interface Window {
    /** the end-to-end tests' hooks (installKillHook) */
    __driftlab?: { killWorker(): void; hangWorker(): void }
  }
}
