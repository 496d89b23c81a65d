import { peekTag, peekTime, pop } from '../kernel/eventQueue'
import { advanceTo } from '../clock/hardwareClock'
import { applyInput } from './inputs'
import type { Runtime } from './runtime'
import { aim, fireTimer } from './timers'
import { arrive } from './transport'
import { checkProgress } from './stall'
import { MESSAGE_TAG, timerTag, type Message, type Timer, type World } from './world'

/**
 * The discrete-event loop: events from the queue and inputs from the input list in time order;
 * at equal times the queued event goes first.
 */

/** Process every event with true time ≤ t and every input due by t; then now = t. */
export function runUntil(rt: Runtime, t: number): void {
  if (rt.guard.stalled) throw rt.guard.stalled
  const w = rt.world
  // Only an input changes the input list's cursor, so its time is read once per input.
  let ti = inputTime(w)
  for (;;) {
    const te = peekTime(w.queue)
    if (te <= t && te <= ti) {
      processNext(rt, w, te)
    } else if (ti <= t) {
      const input = w.inputs[w.nextInput++]
      if (ti > w.now) w.now = ti
      applyInput(rt, input)
      ti = inputTime(w)
    } else break
  }
  if (t > w.now) w.now = t
}

/** Time of the next input, Infinity when none is left. */
function inputTime(w: World): number {
  return w.nextInput < w.inputs.length ? w.inputs[w.nextInput].at : Infinity
}

/** Time of the next thing that will happen (event or input), Infinity when nothing is pending. */
export function nextTime(rt: Runtime): number {
  return Math.min(peekTime(rt.world.queue), inputTime(rt.world))
}

/** Pop and process the earliest queued event, whose time is t. */
function processNext(rt: Runtime, w: World, t: number): void {
  const tag = peekTag(w.queue)
  const item = pop(w.queue)
  w.now = t
  checkProgress(rt, item, tag)
  if (tag === MESSAGE_TAG) {
    w.events++
    arrive(rt, item as Message)
    return
  }
  const timer = item as Timer
  if (tag === timerTag(timer.token, true)) {
    // a waypoint, not an event
    advanceTo(w.nodes[timer.node].clock, t)
    return aim(rt, timer)
  }
  if (tag !== timerTag(timer.token, false)) return // cancelled, fired or re-aimed: not an event
  w.events++
  const node = w.nodes[timer.node]
  if (node.status === 'paused') {
    node.deferred.push(timer.id)
    return
  }
  fireTimer(rt, timer)
}
