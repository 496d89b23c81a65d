import type { Timer } from './world'

/**
 * A node's pending timers: an array sorted by id (ids only grow, so a new timer is appended), which
 * is the order re-aiming walks them. Small per node: cheaper than a Map that grows and shrinks per timer.
 */

/** Position of timer `id` in a node's pending timers (sorted by id), or -1. */
export function indexOfTimer(timers: readonly Timer[], id: number): number {
  let lo = 0
  let hi = timers.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const m = timers[mid].id
    if (m === id) return mid
    if (m < id) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** Pending timer `id` of a node, or undefined (fired, cancelled, lost in a crash). */
export function pendingTimer(timers: readonly Timer[], id: number): Timer | undefined {
  const i = indexOfTimer(timers, id)
  return i < 0 ? undefined : timers[i]
}

/** Take the timer at position i out of its node's pending timers; the token bump voids its aim. */
export function removeAt(timers: Timer[], i: number): void {
  timers[i].token++
  // shift instead of splice: no array allocated for the removed element
  for (let j = i + 1; j < timers.length; j++) timers[j - 1] = timers[j]
  timers.pop()
}
