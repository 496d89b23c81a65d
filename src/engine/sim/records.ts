import type { DropReason } from '../network/network'
import type { Intervention } from '../scenario/interventions'

/** One line of the trace (`--trace out.jsonl`). Every record is folded into the trace hash. */
export type TraceRecord =
  | { t: number; type: 'send'; id: number; from: string; to: string; kind: string; body: unknown }
  | { t: number; type: 'deliver'; id: number; from: string; to: string; kind: string }
  | { t: number; type: 'drop'; id: number; from: string; to: string; kind: string; reason: DropReason }
  | { t: number; type: 'timer'; node: string; key: string }
  | { t: number; type: 'fault'; fault: Intervention }
  | { t: number; type: 'emit'; node: string; event: string; data?: Record<string, unknown> }
  | { t: number; type: 'violation'; invariant: string; detail: string; nodes?: string[] }

export type TraceSink = (rec: TraceRecord) => void
