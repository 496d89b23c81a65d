import {
  ARROW_STRIDE,
  A_FROM,
  A_ID,
  A_LAMPORT_END,
  A_LAMPORT_SENT,
  A_OUTCOME,
  A_TO,
} from '../../worker/timelineWire'

/**
 * Happened-before among the events of the space-time window (Lamport 1978): the transitive
 * closure of program order on each node and send → receipt. Each arrow holds two events, its
 * send and (when delivered) its receipt: event k = 2 × arrow + (0 send | 1 receipt).
 *
 * Program order on a node is the order of its Lamport values, which rise strictly with every
 * event there. Within the window the closure is exact: a causal chain between two events of
 * the window runs forward in time, so every event on it lies inside the window too.
 * Works at any node count (vector clocks, kept only up to 64 nodes, are not needed).
 */
export const PAST = 1
export const FUTURE = 2
export const SELF = 3
export const CONCURRENT = 0
/** a drop's receipt slot: not an event */
export const NO_EVENT = -1

/** Relation of every event of arrows [first, first + count) to the event `selected`. */
export function causalRelations(
  arrows: Float64Array,
  first: number,
  count: number,
  selected: number,
): Int8Array {
  const n = 2 * count
  const rel = new Int8Array(n) // CONCURRENT
  const lamport = (k: number) =>
    arrows[(first + (k >> 1)) * ARROW_STRIDE + (k & 1 ? A_LAMPORT_END : A_LAMPORT_SENT)]
  const nodeOf = (k: number) => arrows[(first + (k >> 1)) * ARROW_STRIDE + (k & 1 ? A_TO : A_FROM)]
  // per node, its events in program order
  const lanes = new Map<number, number[]>()
  for (let k = 0; k < n; k++) {
    if (k & 1 && arrows[(first + (k >> 1)) * ARROW_STRIDE + A_OUTCOME] !== 0) {
      rel[k] = NO_EVENT
      continue
    }
    const node = nodeOf(k)
    let lane = lanes.get(node)
    if (!lane) lanes.set(node, (lane = []))
    lane.push(k)
  }
  const prev = new Int32Array(n).fill(-1)
  const next = new Int32Array(n).fill(-1)
  for (const lane of lanes.values()) {
    lane.sort((a, b) => lamport(a) - lamport(b))
    for (let i = 1; i < lane.length; i++) {
      prev[lane[i]] = lane[i - 1]
      next[lane[i - 1]] = lane[i]
    }
  }
  if (selected < 0 || selected >= n || rel[selected] === NO_EVENT) return rel
  // walk backwards (program order, receipt → send) and forwards (program order, send → receipt)
  const walk = (mark: number, step: (k: number, out: number[]) => void) => {
    const stack = [selected]
    const out: number[] = []
    while (stack.length > 0) {
      const k = stack.pop()!
      out.length = 0
      step(k, out)
      for (const m of out)
        if (m >= 0 && rel[m] === CONCURRENT) {
          rel[m] = mark
          stack.push(m)
        }
    }
  }
  walk(PAST, (k, out) => {
    out.push(prev[k])
    if (k & 1) out.push(k - 1)
  })
  walk(FUTURE, (k, out) => {
    out.push(next[k])
    if (!(k & 1) && rel[k + 1] !== NO_EVENT) out.push(k + 1)
  })
  rel[selected] = SELF
  return rel
}

/** The event k of the window whose message id and end are given, or −1 when it left the window. */
export function findEvent(
  arrows: Float64Array,
  first: number,
  count: number,
  id: number,
  end: 0 | 1,
): number {
  for (let j = count - 1; j >= 0; j--)
    if (arrows[(first + j) * ARROW_STRIDE + A_ID] === id) return 2 * j + end
  return -1
}
