import { peekTime, pop } from '../kernel/eventQueue'
import { advanceTo } from '../clock/hardwareClock'
import { applyInput } from './inputs'
import type { Runtime } from './runtime'
import { aim, fireTimer } from './timers'
import { arrive } from './transport'
import { checkProgress } from './stall'
import { DELIVER } from './world'

/**
 * The discrete-event loop: events from the queue and inputs from the input list in time order;
 * at equal times the queued event goes first.
 */

/** Process every event with true time ≤ t and every input due by t; then now = t. */
export function runUntil(rt: Runtime, t: number): void {
  if (rt.guard.stalled) throw rt.guard.stalled
  const w = rt.world
  for (;;) {
    const te = peekTime(w.queue)
    const input = w.inputs[w.nextInput]
    const ti = input ? input.at : Infinity
    if (te <= t && te <= ti) {
      processNext(rt)
    } else if (ti <= t) {
      w.nextInput++
      if (ti > w.now) w.now = ti
      applyInput(rt, input)
    } else break
  }
  if (t > w.now) w.now = t
}

/** Time of the next thing that will happen (event or input), Infinity when nothing is pending. */
export function nextTime(rt: Runtime): number {
  const input = rt.world.inputs[rt.world.nextInput]
  return Math.min(peekTime(rt.world.queue), input ? input.at : Infinity)
}

function processNext(rt: Runtime): void {
  const w = rt.world
  const t = peekTime(w.queue)
  const item = pop(w.queue)
  w.now = t
  checkProgress(rt, item)
  if (item.k === DELIVER) {
    w.events++
    arrive(rt, item.msg)
  } else {
    const node = w.nodes[item.node]
    const timer = node.timers.get(item.id)
    if (!timer || timer.token !== item.token) return // cancelled or rescheduled: not an event
    if (item.hop) {
      advanceTo(node.clock, t)
      return aim(rt, item.node, item.id, timer) // a waypoint, not an event
    }
    w.events++
    if (node.status === 'paused') {
      node.deferred.push(item.id)
      return
    }
    fireTimer(rt, item.node, item.id, timer)
  }
}
