/**
 * The wire between the UI thread and the simulation worker: one discriminated union per
 * direction. Per-frame data travels as typed arrays in the transfer list (docs/architecture.md "worker"):
 * a transferred ArrayBuffer costs the same at any size, a structured clone costs its JSON size.
 * Protocol-specific detail (volatile/durable state) never rides on frames; it is fetched with
 * `inspect` on request.
 */
import type { LogicalStamp, NodeStatus, ScenarioInput, WorkEstimate } from '../engine'
import type { ConsensusUpdate, ViolationsUpdate } from './consensusWire'
import type { ClockFeedMessage } from './clockFeed'
import type { LoggedInput } from './inputLog'
import type { StepEvent } from './stepEvents'
import type { AnswerResult, LessonQuery } from './lessonQuery'
import type { TimelineCommand, TimelineMessage } from './timelineWire'
import type { TransactionsUpdate } from './transactionsWire'

/** Speed bounds in simulated seconds per wall second (the UI slider spans the same range). */
export const MIN_SPEED = 0.01
export const MAX_SPEED = 1000

/** Where the running scenario came from: the UI names presets from its catalogues. */
export type RunSource =
  | { kind: 'preset'; id: string }
  | { kind: 'file'; name: string }
  /** opened from a share link (docs/ui-contract.md `#s=`) */
  | { kind: 'link' }
  /** a lesson step's own scenario: named by the lesson's title in the UI's language */
  | { kind: 'lesson'; title: { en: string; zh: string } }

/** A live input, as `Simulation.inject` takes it. */
export type { LiveInput } from '../engine'
import type { LiveInput } from '../engine'

export type Command =
  /**
   * Validate and start a scenario; a rejected one leaves the running simulation untouched.
   * `replay`: re-make these live inputs at their times and run to `until` (a restored session,
   * a share link opened at its time), all or nothing.
   */
  /**
   * `force`: load even past the browser's limits (UI_LIMITS); without it such a scenario is
   * answered with `tooLarge` and the current run goes on.
   */
  | { type: 'load'; scenario: unknown; source: RunSource; replay?: Replay; force?: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  /** Pause, then advance to the next event time (`sim.step()`). */
  | { type: 'step' }
  /** Same scenario from time 0; live inputs are discarded. */
  | { type: 'reset' }
  | { type: 'setSpeed'; speed: number }
  /** Fast-forward through stretches with no message in flight (see pacing.ts). */
  | { type: 'setSkipQuiet'; on: boolean }
  | { type: 'inject'; input: LiveInput }
  /** The running scenario with the live inputs folded in as `faults` / `workload` entries. */
  | { type: 'getScenario'; requestId: number }
  | { type: 'inspect'; requestId: number; node: string }
  /**
   * Take back the live input `index` of the log (its `at` must match and lie at or before now):
   * a new branch, rebuilt from the scenario with the remaining inputs and run to the current time.
   */
  | { type: 'removeInput'; index: number; at: number }
  /**
   * Undo / redo the last change to the intervention list (an intervention, a removal): the run is
   * rebuilt with the list before (after) it and run to the current time (`edits` says what is left).
   */
  | { type: 'undo' }
  | { type: 'redo' }
  /**
   * A playing run pauses by itself exactly at simulated time `at` (a lesson step's key moment)
   * and posts `stopped`; null clears it. Cleared by every load and reset.
   */
  | { type: 'stopAt'; at: number | null }
  /**
   * The answer to a lesson's question, read from a separate run of `scenario` with `inputs` to
   * `until` (lessonQuery.ts); the running simulation is not touched.
   */
  | {
      type: 'lessonAnswer'
      requestId: number
      scenario: unknown
      inputs: LoggedInput[]
      until: number
      query: LessonQuery
    }
  /** seeking and the space-time diagram (timelineWire.ts) */
  | TimelineCommand
  /** answered with `pong` as soon as the worker's message loop gets to it (the UI's watchdog) */
  | { type: 'ping'; id: number }

export interface Replay {
  inputs: LoggedInput[]
  until: number
}

export interface RunMeta {
  /** increases with every load / reset, so stale frames can be told apart */
  runId: number
  source: RunSource
  name: string
  seed: number
  nodes: { id: string; reference: boolean }[]
  /** names of the protocols configured for this run (e.g. "cristian") */
  protocols: string[]
  /** directed pairs (node indexes) the protocols talk over: drawn before their first message */
  links: [number, number][]
}

/** The network as interventions left it (posted when it changes). */
export interface NetworkView {
  loss: number
  latency: { base: number; jitter: number }
  /** cut directions as [from, to] node indexes */
  cut: [number, number][]
  /** group per node while a partition is in force (-1: in no group, talks to nobody), else null */
  groups: number[] | null
}

/** How the last tick advanced simulated time. */
export type PaceMode = 'normal' | 'skipping' | 'behind'

/**
 * Per node, NODE_STRIDE numbers in `Frame.nodes`, at these offsets: status code (an index into
 * STATUS_CODES), local clock reading, offset (local − true). Node i's offset is at
 * `i * NODE_STRIDE + NODE.offset`.
 */
export const NODE = { status: 0, local: 1, offset: 2 } as const
export const NODE_STRIDE = 3
/**
 * Per message in flight, MSG_STRIDE numbers in `Frame.messages`, at these offsets: id, sender and
 * receiver (node indexes), kind (an index into `kinds`), true send and arrival times.
 */
export const MSG = { id: 0, from: 1, to: 2, kind: 3, sentAt: 4, arriveAt: 5 } as const
export const MSG_STRIDE = 6
export const STATUS_CODES: readonly NodeStatus[] = ['up', 'crashed', 'paused']

/** At most this many messages travel per frame; `inFlight` still counts them all. */
export const MAX_FRAME_MESSAGES = 2000

export interface Frame {
  type: 'frame'
  runId: number
  seq: number
  /** exact simulated time (`sim.now`) after the last runUntil */
  now: number
  /** `sim.traceHash` at `now`: paused at T it equals the CLI's for `--duration T` */
  traceHash: string
  events: number
  running: boolean
  /** simulated seconds per wall second asked for */
  speed: number
  /** simulated seconds per wall second actually achieved (smoothed) */
  rate: number
  pace: PaceMode
  inFlight: number
  /** messages dropped so far (loss, cuts, partitions, crashed receivers) */
  dropped: number
  violations: number
  nodes: Float64Array
  messages: Float64Array
  /** the whole kind table, present only when it grew since the previous frame */
  kinds?: string[]
  /** directed node pairs (from, to, from, to, …) that carried their first message since the previous frame */
  newLinks?: Uint32Array
}

export interface Inspection {
  node: string
  status: NodeStatus
  offset: number
  local: number
  /** per configured protocol: volatile state (null while crashed) and durable storage */
  protocols: Record<string, { state: unknown; durable: unknown }>
  /** the node's Lamport, HLC and vector clocks now */
  logical: LogicalStamp
  /** what its clock-sync algorithm knows of its clock error (s), null when nothing */
  errorBound: number | null
}

/** The `load` command: what the client keeps to resend and what `tooLarge` answers. */
export type LoadCommand = Extract<Command, { type: 'load' }>

export type WorkerMessage =
  | { type: 'loaded'; run: RunMeta }
  | { type: 'loadError'; source: RunSource; error: string }
  /** a valid scenario past the browser's limits, not loaded: the user is asked (load `force`) */
  | {
      type: 'tooLarge'
      source: RunSource
      over: (keyof WorkEstimate)[]
      estimate: WorkEstimate
      limits: Partial<Record<keyof WorkEstimate, number>>
    }
  | Frame
  /**
   * `scenario`: with the live inputs folded in; `base`: as loaded, and `inputs`: the live log
   * (a session); `now`: the simulated time they describe.
   */
  | {
      type: 'scenario'
      requestId: number
      scenario: ScenarioInput
      exact: boolean
      base: ScenarioInput
      source: RunSource
      inputs: LoggedInput[]
      now: number
    }
  | { type: 'inspection'; requestId: number; inspection: Inspection | null }
  /** offset / correction history and per-node clock summaries for the clock views */
  | ClockFeedMessage
  | { type: 'network'; runId: number; network: NetworkView }
  /** the run's live input log, posted when it changes */
  | { type: 'interventions'; runId: number; inputs: LoggedInput[] }
  /** how many changes to the intervention list can be undone and redone, posted when it changes */
  | { type: 'edits'; runId: number; undo: number; redo: number }
  /** consensus runs: Paxos state, client requests, elections (consensusFeed.ts) */
  | ConsensusUpdate
  /** transaction runs: each transaction's phases and anomalies (transactionsFeed.ts) */
  | TransactionsUpdate
  /** the checkers' violations as they appear (violationsFeed.ts) */
  | ViolationsUpdate
  /** the timeline, seeks and the space-time diagram's records (timelineWire.ts) */
  | TimelineMessage
  /** what `step` executed: the records of the instant it ran (`more`: records left out) */
  | { type: 'stepped'; runId: number; at: number; events: StepEvent[]; more: number }
  /** the run paused itself at the stop time asked for with `stopAt` */
  | { type: 'stopped'; runId: number; at: number }
  | { type: 'lessonAnswer'; requestId: number; result: AnswerResult }
  /** a command the host refused (e.g. an intervention naming an unknown node) */
  | { type: 'commandError'; command: Command['type']; error: string }
  | { type: 'pong'; id: number }

export const clampSpeed = (speed: number): number =>
  Number.isFinite(speed) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) : 1
