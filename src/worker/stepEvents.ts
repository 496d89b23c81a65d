import type { DropReason, Intervention, TraceRecord } from '../engine'

/**
 * What one Step executed, for its caption and highlight (ui/step): the trace records of the
 * instant, without message bodies or logical clocks (they can be large and the caption needs
 * neither). At most MAX_STEP_EVENTS are sent; `more` counts the rest.
 */
export type StepEvent =
  | { type: 'deliver' | 'send'; id: number; from: string; to: string; kind: string }
  | { type: 'drop'; id: number; from: string; to: string; kind: string; reason: DropReason }
  | { type: 'timer'; node: string; key: string }
  | { type: 'fault'; fault: Intervention }
  | { type: 'emit'; node: string; event: string; data?: Record<string, unknown> }
  | { type: 'violation'; invariant: string; nodes?: string[] }

export const MAX_STEP_EVENTS = 50

export function toStepEvent(rec: TraceRecord): StepEvent {
  switch (rec.type) {
    case 'deliver':
    case 'send':
      return { type: rec.type, id: rec.id, from: rec.from, to: rec.to, kind: rec.kind }
    case 'drop':
      return {
        type: 'drop',
        id: rec.id,
        from: rec.from,
        to: rec.to,
        kind: rec.kind,
        reason: rec.reason,
      }
    case 'timer':
      return { type: 'timer', node: rec.node, key: rec.key }
    case 'fault':
      return { type: 'fault', fault: rec.fault }
    case 'emit':
      return { type: 'emit', node: rec.node, event: rec.event, data: rec.data }
    case 'violation':
      return { type: 'violation', invariant: rec.invariant, nodes: rec.nodes }
  }
}
