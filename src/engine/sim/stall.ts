import { pendingTimer } from './pendingTimers'
import { MESSAGE_TAG, type Message, type QueueItem, type Timer, type World } from './world'

/**
 * Zero-progress guard. A schema-valid scenario can still ask for something a float clock cannot
 * do — a timer shorter than the ulp of a huge clock reading, a protocol re-arming a timer at the
 * instant it fired — and the run would spin at one simulated time forever while its queue grows.
 * More than STALL_EVENTS_BASE + STALL_EVENTS_PER_NODE × nodes queue items processed while true
 * time advances by less than STALL_MIN_ADVANCE is reported as `SimulationStalled` instead. The
 * limit is far above any legitimate burst (a broadcast and its replies at one instant).
 */
const STALL_EVENTS_BASE = 1_000_000
const STALL_EVENTS_PER_NODE = 2_000
const STALL_MIN_ADVANCE = 1e-9

/** The run cannot go on: many events without simulated time advancing. */
export class SimulationStalled extends Error {
  constructor(
    readonly at: number,
    readonly events: number,
    readonly last: string,
  ) {
    super(
      `simulation stalled at t = ${at} s: ${events} events without simulated time advancing ` +
        `(last: ${last}); a clock value too large for a timer's delay to register, or a timer ` +
        `that re-fires at the same instant`,
    )
    this.name = 'SimulationStalled'
  }
}

/** Outside the world: a snapshot restore resets the window, never the verdict. */
export interface ProgressGuard {
  from: number
  count: number
  readonly limit: number
  /** set once the run stalled: it cannot go on from a half-processed instant */
  stalled: SimulationStalled | null
}

export function createGuard(nodes: number): ProgressGuard {
  return {
    from: -Infinity,
    count: 0,
    limit: STALL_EVENTS_BASE + STALL_EVENTS_PER_NODE * nodes,
    stalled: null,
  }
}

/** Count one processed queue item in the current window; throws when the window overflows. */
export function checkProgress(
  rt: { readonly guard: ProgressGuard; readonly world: World; readonly nodeIds: readonly string[] },
  item: QueueItem,
  tag: number,
): void {
  const g = rt.guard
  const now = rt.world.now
  if (now - g.from >= STALL_MIN_ADVANCE) {
    g.from = now
    g.count = 0
    return
  }
  if (++g.count <= g.limit) return
  g.stalled = new SimulationStalled(now, g.count, describe(rt, item, tag))
  throw g.stalled
}

function describe(
  rt: { readonly world: World; readonly nodeIds: readonly string[] },
  item: QueueItem,
  tag: number,
): string {
  if (tag === MESSAGE_TAG) {
    const msg = item as Message
    return `message "${msg.kind}" to ${rt.nodeIds[msg.to]}`
  }
  const timer = item as Timer
  const pending = pendingTimer(rt.world.nodes[timer.node].timers, timer.id) !== undefined
  return `timer "${pending ? timer.key : '?'}" on ${rt.nodeIds[timer.node]}`
}
