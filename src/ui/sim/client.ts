import type { Command, LoadCommand, WorkerMessage } from '../../worker/wire'

/** The part of `Worker` the client uses: a fake stands in for it in tests. */
export interface WorkerPort {
  postMessage(cmd: Command): void
  terminate(): void
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null
  onerror: ((e: ErrorEvent) => void) | null
  onmessageerror: ((e: MessageEvent) => void) | null
}

export interface SimClientEvents {
  /** `load`: for an answer to a load (`loaded`, `loadError`, `tooLarge`), the load it answers */
  message(msg: WorkerMessage, load?: LoadCommand): void
  /** the worker died and a fresh one now runs the same scenario from time 0, paused */
  restarted(detail: string): void
  /** the worker died repeatedly before producing a frame: no more attempts */
  gaveUp(detail: string): void
  /**
   * What to send a fresh worker in place of the load of the run that was going on when the
   * worker died (recovery.ts); without it, that load as it was.
   */
  resume?(load: LoadCommand): Command[]
}

export interface SimClient {
  send(cmd: Command): void
}

/** Consecutive deaths without a frame in between after which the client stops recreating. */
const MAX_FAILURES = 3

/**
 * Owns the worker's life. It remembers the settings and the last scenario asked for, so when the worker dies (an `error` event) it can start a new one in the same place: same
 * scenario and speed, from time 0, paused — a crash that replays deterministically must not
 * turn into a restart loop. (Replaying the live input log is later work.) After repeated deaths it
 * gives up until the next `load`.
 */
export function createSimClient(makeWorker: () => WorkerPort, events: SimClientEvents): SimClient {
  let worker: WorkerPort
  let speed: Command | null = null
  let skipQuiet: Command | null = null
  /** loads sent and not yet answered, oldest first: the worker answers each in order */
  let pendingLoads: LoadCommand[] = []
  let accepted: LoadCommand | null = null
  let failures = 0
  let dead = false

  function spawn(): void {
    worker = makeWorker()
    worker.onmessage = (e) => receive(e.data)
    worker.onerror = (e) => {
      e.preventDefault?.()
      died(e.message || 'error')
    }
    worker.onmessageerror = () => died('messageerror')
  }

  function receive(msg: WorkerMessage): void {
    if (msg.type === 'loaded' || msg.type === 'loadError' || msg.type === 'tooLarge') {
      const load = pendingLoads.shift()
      if (msg.type === 'loaded' && load) accepted = load
      return events.message(msg, load)
    }
    if (msg.type === 'frame') failures = 0
    events.message(msg)
  }

  function died(detail: string): void {
    worker.onmessage = worker.onerror = worker.onmessageerror = null
    worker.terminate()
    // the scenario asked for last: one still unanswered (the worker died loading it) or else
    // the one running
    const pending = pendingLoads.at(-1)
    const load = pending ?? accepted
    pendingLoads = []
    if (++failures >= MAX_FAILURES) {
      dead = true
      events.gaveUp(detail)
      return
    }
    // a run that was going on is resumed; a load that had not been answered is simply sent again
    respawn(load, pending === undefined)
    events.restarted(detail)
  }

  function respawn(load: LoadCommand | null, resume = false): void {
    spawn()
    const start = load && resume && events.resume ? events.resume(load) : load ? [load] : []
    for (const cmd of [speed, skipQuiet, ...start]) if (cmd) post(cmd)
  }

  function post(cmd: Command): void {
    if (cmd.type === 'load') pendingLoads.push(cmd)
    worker.postMessage(cmd)
  }

  spawn()
  return {
    send(cmd) {
      if (cmd.type === 'setSpeed') speed = cmd
      if (cmd.type === 'setSkipQuiet') skipQuiet = cmd
      if (dead) {
        // After giving up, choosing a scenario is the way to try again with a fresh worker.
        if (cmd.type !== 'load') return
        dead = false
        failures = 0
        return respawn(cmd)
      }
      post(cmd)
    },
  }
}
