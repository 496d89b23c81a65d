/**
 * Binary min-heap of events ordered by (time, insertion sequence): ties at the same
 * true time pop in the order they were pushed, so runs are deterministic.
 * Keys live in typed arrays (cheap to compare and to clone); payloads in a parallel array.
 */
export interface EventQueue<T> {
  time: Float64Array
  seq: Float64Array
  item: (T | undefined)[]
  size: number
  nextSeq: number
}

export function createQueue<T>(capacity = 1024): EventQueue<T> {
  return {
    time: new Float64Array(capacity),
    seq: new Float64Array(capacity),
    item: new Array(capacity),
    size: 0,
    nextSeq: 0,
  }
}

function grow<T>(q: EventQueue<T>): void {
  const cap = q.time.length * 2
  const time = new Float64Array(cap)
  time.set(q.time)
  const seq = new Float64Array(cap)
  seq.set(q.seq)
  q.time = time
  q.seq = seq
  q.item.length = cap
}

export function push<T>(q: EventQueue<T>, t: number, item: T): void {
  if (q.size === q.time.length) grow(q)
  const { time, seq, item: items } = q
  const s = q.nextSeq++
  let i = q.size++
  while (i > 0) {
    const parent = (i - 1) >> 1
    const pt = time[parent]
    if (pt < t || (pt === t && seq[parent] < s)) break
    time[i] = pt
    seq[i] = seq[parent]
    items[i] = items[parent]
    i = parent
  }
  time[i] = t
  seq[i] = s
  items[i] = item
}

/** Time of the earliest event, or Infinity when empty. */
export function peekTime<T>(q: EventQueue<T>): number {
  return q.size > 0 ? q.time[0] : Infinity
}

export function pop<T>(q: EventQueue<T>): T {
  const { time, seq, item: items } = q
  const top = items[0] as T
  const last = --q.size
  const t = time[last]
  const s = seq[last]
  const it = items[last]
  items[last] = undefined
  if (last > 0) {
    let i = 0
    const half = last >> 1
    while (i < half) {
      let c = 2 * i + 1
      const r = c + 1
      if (r < last && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r
      if (t < time[c] || (t === time[c] && s < seq[c])) break
      time[i] = time[c]
      seq[i] = seq[c]
      items[i] = items[c]
      i = c
    }
    time[i] = t
    seq[i] = s
    items[i] = it
  }
  return top
}
