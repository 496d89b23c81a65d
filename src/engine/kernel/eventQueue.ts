/**
 * Binary min-heap of events ordered by (time, insertion sequence): ties at the same
 * true time pop in the order they were pushed, so runs are deterministic.
 *
 * The heap holds only numbers (typed arrays: cheap to compare, move and clone): each entry's time,
 * sequence and the slot of its payload. A payload — an object and a number (`tag`), so a caller
 * can say what an entry is without wrapping it — stays in its slot until popped: moving object
 * references up and down the heap would cost a GC write barrier per move.
 */
export interface EventQueue<T> {
  time: Float64Array
  seq: Float64Array
  slot: Int32Array
  /** payloads by slot */
  item: (T | undefined)[]
  tag: Float64Array
  /** free slots: a stack in free[0 .. capacity − size) */
  free: Int32Array
  size: number
  nextSeq: number
}

export function createQueue<T>(capacity = 1024): EventQueue<T> {
  return {
    time: new Float64Array(capacity),
    seq: new Float64Array(capacity),
    slot: new Int32Array(capacity),
    item: new Array(capacity),
    tag: new Float64Array(capacity),
    free: freeSlots(0, capacity),
    size: 0,
    nextSeq: 0,
  }
}

/** Slots from..cap − 1 free, the lowest on top. */
function freeSlots(from: number, cap: number): Int32Array {
  const free = new Int32Array(cap)
  for (let i = 0; i < cap - from; i++) free[i] = cap - 1 - i
  return free
}

function widenF64(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap)
  b.set(a)
  return b
}

/** Double the capacity (only when full, so every old slot is taken). */
function grow<T>(q: EventQueue<T>): void {
  const old = q.time.length
  const cap = old * 2
  q.time = widenF64(q.time, cap)
  q.seq = widenF64(q.seq, cap)
  q.tag = widenF64(q.tag, cap)
  const slot = new Int32Array(cap)
  slot.set(q.slot)
  q.slot = slot
  q.item.length = cap
  q.free = freeSlots(old, cap)
}

export function push<T>(q: EventQueue<T>, t: number, item: T, tag = 0): void {
  if (q.size === q.time.length) grow(q)
  const k = q.free[q.time.length - q.size - 1]
  q.item[k] = item
  q.tag[k] = tag
  siftUp(q, q.size++, t, q.nextSeq++, k)
}

/** Place (t, s, slot k) at hole i or above it, moving later entries down. */
function siftUp<T>(q: EventQueue<T>, i: number, t: number, s: number, k: number): void {
  const { time, seq, slot } = q
  while (i > 0) {
    const parent = (i - 1) >> 1
    const pt = time[parent]
    if (pt < t || (pt === t && seq[parent] < s)) break
    time[i] = pt
    seq[i] = seq[parent]
    slot[i] = slot[parent]
    i = parent
  }
  time[i] = t
  seq[i] = s
  slot[i] = k
}

/** Time of the earliest event, or Infinity when empty. */
export function peekTime<T>(q: EventQueue<T>): number {
  return q.size > 0 ? q.time[0] : Infinity
}

/** Tag of the earliest event (the queue must not be empty): read it before `pop`. */
export function peekTag<T>(q: EventQueue<T>): number {
  return q.tag[q.slot[0]]
}

/** The payload of the i-th entry in heap order (i < size), with its tag: for scans. */
export function itemAt<T>(q: EventQueue<T>, i: number): T {
  return q.item[q.slot[i]] as T
}

export function tagAt<T>(q: EventQueue<T>, i: number): number {
  return q.tag[q.slot[i]]
}

/**
 * Remove the earliest event. Bottom-up (Floyd): the hole left at the root walks down along the
 * smaller children to a leaf — one comparison per level instead of two — and the last entry,
 * usually a late one, sifts up from there. Keys are distinct, so this leaves exactly the layout
 * of the textbook sift-down (same entries moved up, the last entry where that would stop).
 */
export function pop<T>(q: EventQueue<T>): T {
  const { time, seq, slot } = q
  const k = slot[0]
  const top = q.item[k] as T
  q.item[k] = undefined
  const last = --q.size
  q.free[q.time.length - last - 1] = k
  if (last === 0) return top
  let i = 0
  for (let c = 1; c < last; c = 2 * i + 1) {
    const r = c + 1
    if (r < last && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r
    time[i] = time[c]
    seq[i] = seq[c]
    slot[i] = slot[c]
    i = c
  }
  siftUp(q, i, time[last], seq[last], slot[last])
  return top
}
