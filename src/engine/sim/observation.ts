import { stringCode } from '../kernel/traceHash'
import { exactLocal } from '../clock/hardwareClock'
import type { ObserverApi } from './observer'
import { fold, REC_EMIT, REC_VIOLATION } from './records'
import type { Runtime } from './runtime'

/** What checkers see: every emitted event, true time, and a way to report a violation. */

/** A protocol on node n emitted `event`: hashed, traced, shown to every observer. */
export function emit(rt: Runtime, n: number, event: string, data?: Record<string, unknown>): void {
  const w = rt.world
  const id = rt.nodeIds[n]
  fold(w, REC_EMIT, n, stringCode(event), 0, 0)
  if (rt.trace) rt.trace({ t: w.now, type: 'emit', node: id, event, data })
  // One api for all observers of this event (it is fixed for the instant), built only if one listens.
  let api: ObserverApi | undefined
  const defs = rt.observerDefs
  for (let i = 0; i < defs.length; i++)
    defs[i].onEmit?.((api ??= observerApi(rt)), w.observers[i], id, event, data)
}

export function observerApi(rt: Runtime): ObserverApi {
  return {
    t: rt.world.now,
    violation: (invariant, detail, nodes) => violation(rt, invariant, detail, nodes),
    // exactLocal, not the display cursor: a checker's verdict must not depend on who watched
    offsetOf: (node) =>
      exactLocal(rt.world.nodes[rt.indexOf(node)].clock, rt.world.now) - rt.world.now,
    statusOf: (node) => rt.world.nodes[rt.indexOf(node)].status,
  }
}

function violation(rt: Runtime, invariant: string, detail: string, nodes?: string[]): void {
  const w = rt.world
  w.violations.push({ invariant, at: w.now, detail, ...(nodes ? { nodes } : {}) })
  fold(w, REC_VIOLATION, stringCode(invariant), stringCode(detail), 0, 0)
  if (rt.trace)
    rt.trace({
      t: w.now,
      type: 'violation',
      invariant,
      detail,
      ...(nodes ? { nodes } : {}),
    })
}
