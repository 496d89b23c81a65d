import { push } from '../kernel/eventQueue'
import { stringCode } from '../kernel/traceHash'
import { advanceTo, trueTimeOf } from '../clock/hardwareClock'
import { fold, REC_TIMER } from './records'
import type { Runtime } from './runtime'
import { indexOfTimer, removeAt } from './pendingTimers'
import { timerTag, type Timer } from './world'

/**
 * Timers run on the node's own drifting clock: each is aimed at the true time its clock will
 * read the due local time, and re-aimed whenever that clock is stepped, slewed or re-tuned.
 */

/**
 * Longest walk (clock pieces, i.e. simulated seconds under wander) spent aiming one timer;
 * longer delays travel in hops, so a huge clock step cannot stall the engine or exhaust memory.
 */
export const AIM_PIECES = 4096

export function setTimer(
  rt: Runtime,
  n: number,
  proto: number,
  localDelay: number,
  key: string,
): number {
  const w = rt.world
  const node = w.nodes[n]
  const local = advanceTo(node.clock, w.now) + Math.max(0, localDelay)
  const id = w.nextTimerId++
  const timer: Timer = { node: n, id, proto, key, local, token: 0 }
  node.timers.push(timer)
  aim(rt, timer)
  return id
}

/** Queue the timer at the true time its node's clock reads `timer.local` (or a waypoint). */
export function aim(rt: Runtime, timer: Timer): void {
  const w = rt.world
  const limit = rt.aimLimit
  const at = Math.max(w.now, trueTimeOf(w.nodes[timer.node].clock, timer.local, limit))
  push(w.queue, at, timer, timerTag(timer.token, limit.hop))
}

/** After the clock's rate or reading changed, re-aim every pending timer of the node. */
export function reaimTimers(rt: Runtime, n: number): void {
  for (const timer of rt.world.nodes[n].timers) {
    timer.token++
    aim(rt, timer)
  }
}

/** A protocol cancels timer `id` of node n (unknown or already fired: nothing happens). */
export function cancelTimer(rt: Runtime, n: number, id: number): void {
  const timers = rt.world.nodes[n].timers
  const i = indexOfTimer(timers, id)
  if (i >= 0) removeAt(timers, i)
}

/** A crash loses every pending timer of node n. */
export function dropTimers(rt: Runtime, n: number): void {
  const node = rt.world.nodes[n]
  for (const timer of node.timers) timer.token++
  node.timers = []
}

export function fireTimer(rt: Runtime, timer: Timer): void {
  const n = timer.node
  const node = rt.world.nodes[n]
  removeAt(node.timers, indexOfTimer(node.timers, timer.id))
  fold(rt.world, REC_TIMER, n, timer.proto, stringCode(timer.key), 0)
  if (rt.trace)
    rt.trace({
      t: rt.world.now,
      type: 'timer',
      node: node.id,
      key: timer.key,
    })
  const p = rt.protocols[timer.proto]
  const st = node.proto[timer.proto]
  if (st !== null) p.def.onTimer(rt.ctxs[n][timer.proto], st, timer.key, p.config)
}
