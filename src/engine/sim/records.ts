import type { DropReason } from '../network/network'
import type { Intervention } from '../scenario/interventions'
import { hashRecord } from '../kernel/traceHash'
import type { NodeStatus, World } from './world'
import type { LogicalStamp } from '../logical/nodeClocks'

/** One line of the trace (`--trace out.jsonl`). Every record is folded into the trace hash. */
export type TraceRecord =
  /** `clocks`: the logical timestamps of the event (the sender's at a send, the receiver's at a receipt) */
  | {
      t: number
      type: 'send'
      id: number
      from: string
      to: string
      kind: string
      body: unknown
      clocks: LogicalStamp
    }
  | {
      t: number
      type: 'deliver'
      id: number
      from: string
      to: string
      kind: string
      clocks: LogicalStamp
    }
  | {
      t: number
      type: 'drop'
      id: number
      from: string
      to: string
      kind: string
      reason: DropReason
    }
  | { t: number; type: 'timer'; node: string; key: string }
  /** `status`: the node's status afterwards, when the intervention changed it */
  | { t: number; type: 'fault'; fault: Intervention; status?: NodeStatus }
  | { t: number; type: 'emit'; node: string; event: string; data?: Record<string, unknown> }
  | { t: number; type: 'violation'; invariant: string; detail: string; nodes?: string[] }

export type TraceSink = (rec: TraceRecord) => void

/** Record codes folded into the trace hash (the JSON form above is built only for a sink). */
export const REC_SEND = 1
export const REC_DELIVER = 2
export const REC_DROP = 3
export const REC_TIMER = 4
export const REC_FAULT = 5
export const REC_EMIT = 6
export const REC_VIOLATION = 7
export const REC_CLIENT = 8

/** Fold a record into the run's hash at the current instant. */
export function fold(w: World, code: number, a: number, b: number, c: number, d: number): void {
  hashRecord(w.hash, code, w.now, a, b, c, d)
}
