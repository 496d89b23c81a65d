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
  /**
   * the worker died and a fresh one now runs the same scenario from time 0, paused; `dropped`:
   * the scenario it died loading was not sent again (the run before it was resumed instead)
   */
  restarted(detail: string, dropped: boolean): void
  /** the worker died repeatedly before producing a frame: no more attempts */
  gaveUp(detail: string): void
  /**
   * What to send a fresh worker in place of the load of the run that was going on when the
   * worker died (recovery.ts); without it, that load as it was.
   */
  resume?(load: LoadCommand): Command[]
  /**
   * The worker has not answered a ping for STALL_MS: it is stuck on `on` (a load not yet
   * answered), or on the run itself (null). `stalled(false)` when it answers again.
   */
  stalled?(stuck: boolean, on: LoadCommand | null): void
}

export interface SimClient {
  send(cmd: Command): void
  /**
   * Replace a stuck worker: a fresh one resumes the last run it had accepted (through `resume`),
   * without the load it was stuck on, so it does not start into the same hang.
   */
  restart(): void
}

/** Consecutive deaths without a frame in between after which the client stops recreating. */
const MAX_FAILURES = 3
/** The watchdog pings this often; a worker busy longer than STALL_MS without answering is stuck. */
export const PING_MS = 1000
export const STALL_MS = 5000

/**
 * Owns the worker's life. It remembers the settings and the last scenario asked for, so when the
 * worker dies (an `error` event) it can start a new one in the same place (recovery.ts resumes
 * the run). What a worker died or got stuck on is never given to the next one: a load it died on
 * is dropped when there is a run to go back to, and a stuck worker (the watchdog's pings go
 * unanswered) is replaced, on request, by one that resumes the last accepted run. After repeated
 * deaths it gives up until the next `load`.
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
  /** the ping waiting for its pong, and for how many watchdog rounds it has waited */
  let ping: { id: number; rounds: number } | null = null
  let pings = 0
  let stuck = false

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
    if (msg.type === 'pong') {
      if (msg.id === ping?.id) ping = null
      if (stuck) {
        stuck = false
        events.stalled?.(false, null)
      }
      return
    }
    if (msg.type === 'loaded' || msg.type === 'loadError' || msg.type === 'tooLarge') {
      const load = pendingLoads.shift()
      if (msg.type === 'loaded' && load) accepted = load
      return events.message(msg, load)
    }
    if (msg.type === 'frame') failures = 0
    events.message(msg)
  }

  function died(detail: string): void {
    const pending = pendingLoads.at(-1)
    stop()
    if (++failures >= MAX_FAILURES) {
      dead = true
      events.gaveUp(detail)
      return
    }
    // The run that was going on is resumed. A load the worker died on before answering is sent
    // again only when there is no run to go back to: loaded again, it would die the same way.
    respawn(accepted ?? pending ?? null, accepted !== null)
    events.restarted(detail, accepted !== null && pending !== undefined)
  }

  /** Let the current worker go; the loads it had not answered go with it. */
  function stop(): void {
    worker.onmessage = worker.onerror = worker.onmessageerror = null
    worker.terminate()
    pendingLoads = []
    ping = null
    if (stuck) {
      stuck = false
      events.stalled?.(false, null)
    }
  }

  /** The watchdog, every PING_MS: one ping at a time; no pong for STALL_MS means the worker is stuck. */
  function watch(): void {
    if (dead) return
    if (!ping) {
      ping = { id: ++pings, rounds: 0 }
      worker.postMessage({ type: 'ping', id: ping.id })
    } else if (!stuck && ++ping.rounds * PING_MS >= STALL_MS) {
      stuck = true
      events.stalled?.(true, pendingLoads.at(-1) ?? null)
    }
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
  setInterval(watch, PING_MS)
  return {
    restart() {
      stop()
      failures = 0
      respawn(accepted, true)
    },
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
