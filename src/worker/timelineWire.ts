/**
 * Wire types of the timeline (seeking, branches) and of the space-time diagram, part of the
 * worker ⇄ UI wire (wire.ts imports them into its unions).
 */
import type { DropReason } from '../engine'

/** Commands the UI sends for the timeline and the diagram. */
export type TimelineCommand =
  /** put the run at simulated time `to` exactly (restore a checkpoint and re-run, or run on) */
  | { type: 'seek'; to: number }
  /**
   * Stop the seek under way (a seek, or a load's replay to its time) where it got to, paused:
   * the run stands at that instant as a straight run to it would (slices.ts). Queued seeks go.
   */
  | { type: 'cancel' }
  /** the payload summary of a message still in the diagram's window, for the hover card */
  | { type: 'describeMessage'; requestId: number; id: number }
  /**
   * Test hook for worker crash recovery: the worker throws from its message handler, as a bug
   * would, or with `hang` never returns from it (sim.worker.ts; the host never sees it).
   */
  | { type: 'crashWorker'; hang?: boolean }

/** Per completed message, ARROW_STRIDE numbers in this order. */
export const ARROW_STRIDE = 15
export const A_ID = 0
export const A_FROM = 1
export const A_TO = 2
/** index into the batch's kind table */
export const A_KIND = 3
export const A_SENT = 4
/** the sender's local clock reading at the send */
export const A_LOCAL_SENT = 5
/** true time of the receipt or the drop */
export const A_END = 6
/** the receiver's local clock reading at the receipt (the sender's for a drop at send) */
export const A_LOCAL_END = 7
/** 0 delivered; 1 + index into DROP_REASONS for a drop */
export const A_OUTCOME = 8
/**
 * Logical timestamps of the arrow's two events (engine/logical): Lamport and HLC (l, c) of the
 * send and of the receipt. A drop is no event at the receiver: its receipt fields are NaN.
 */
export const A_LAMPORT_SENT = 9
export const A_LAMPORT_END = 10
export const A_HLC_L_SENT = 11
export const A_HLC_C_SENT = 12
export const A_HLC_L_END = 13
export const A_HLC_C_END = 14

export const DROP_REASONS: readonly DropReason[] = ['loss', 'cut', 'partition', 'crashed']

/** Per local-clock sample: node, true time, local reading. */
export const SAMPLE_STRIDE = 3

export type MarkKind =
  | 'crash'
  | 'restart'
  | 'pause'
  | 'resume'
  | 'clockStep'
  | 'setSkew'
  | 'falseticker'
  | 'partition'
  | 'heal'
  | 'cutLink'
  | 'healLink'
  | 'setLoss'
  | 'setLatency'
  | 'setDuplicate'
  | 'elected'
  | 'stepDown'
  | 'violation'

/** Something that happened at one instant: a fault, a protocol clock step, an election, a violation. */
export interface SpacetimeMark {
  t: number
  kind: MarkKind
  /** the node it happened on (cutLink / healLink: the sending side) */
  node?: number
  /** cutLink / healLink: the receiving side */
  to?: number
  /** crash / restart / pause / resume: the node's status code afterwards, when it changed */
  status?: number
  /** clockStep: seconds; setSkew: ppm; falseticker: lie (s); setLoss / setDuplicate: p; setLatency: base */
  value?: number
  /** setLatency: jitter */
  value2?: number
  /** a clock step made by the synchronisation protocol (not an intervention) */
  protocol?: boolean
  /** partition: node indexes per group */
  groups?: number[][]
  /** violation: the nodes involved, the invariant and the checker's detail */
  nodes?: number[]
  label?: string
  detail?: string
}

/** Records added to the diagram's window (or, with `reset`, the whole window). */
export interface SpacetimeBatch {
  type: 'spacetime'
  runId: number
  /** replace everything held so far (load, seek) instead of appending */
  reset: boolean
  /** simulated time the batch is complete up to */
  now: number
  /** records before this time have left the window */
  windowStart: number
  /** true when the window is shorter than its time span because of the message cap */
  limitedByCount: boolean
  /** each node's status code at windowStart */
  statusAtStart: number[]
  /** the whole kind table, when it grew (always with `reset`) */
  kinds?: string[]
  arrows: Float64Array<ArrayBuffer>
  /**
   * When the run keeps vector clocks: per arrow, the send's vector then the receipt's (NaN for a
   * drop), 2 × nodes numbers, aligned with `arrows`.
   */
  vectors: Float64Array<ArrayBuffer> | null
  marks: SpacetimeMark[]
  samples: Float64Array<ArrayBuffer>
}

/**
 * A seek (or a load's replay) still running after SHOW_PROGRESS_MS: simulated time `at` reached on
 * the way from `from` to `to`. Posted a few times a second until `seekEnd`.
 */
export interface SeekProgress {
  type: 'seekProgress'
  /** a load's replay (the run is not on screen yet) or a seek of the run on screen */
  kind: 'load' | 'seek'
  from: number
  at: number
  to: number
}

/**
 * Every seek and replay ends with this, after the frame of where it ended: `done` (at = to),
 * `cancelled` (stopped at `at`, paused) or `abandoned` (a new load replaced it).
 */
export interface SeekEnd {
  type: 'seekEnd'
  kind: 'load' | 'seek'
  end: 'done' | 'cancelled' | 'abandoned'
  at: number
  to: number
}

/** The recorded run of the current branch. */
export interface TimelineInfo {
  type: 'timeline'
  runId: number
  /** the furthest simulated time this branch reached (frames may be past it while playing) */
  head: number
  /** increases with every branch: a live input made behind the head */
  branches: number
  /** the stretch the last branch replaced */
  replaced: { from: number; to: number } | null
  /** checkpoint times */
  checkpoints: number[]
}

export interface MessageDetail {
  id: number
  kind: string
  from: string
  to: string
  sentAt: number
  localSent: number
  /** the body as short JSON */
  payload: string
}

export type TimelineMessage =
  | TimelineInfo
  | SpacetimeBatch
  /** a seek finished: the frame of that time was posted just before; `ms` is what it took */
  | { type: 'seeked'; runId: number; to: number; ms: number }
  | SeekProgress
  | SeekEnd
  | { type: 'messageDetail'; requestId: number; detail: MessageDetail | null }
