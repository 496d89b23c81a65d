import {
  ARROW_STRIDE,
  A_END,
  A_ID,
  SAMPLE_STRIDE,
  type SpacetimeBatch,
  type SpacetimeMark,
} from '../../worker/timelineWire'

/**
 * The UI's copy of the space-time window: what the worker's recorder holds, kept up to date from
 * its batches (a few per second; `reset` ones after a load or a seek). Plain mutable data read by
 * the diagram's painter, not React state: a batch schedules a paint, never a render.
 *
 * Arrows arrive in completion order, so their end times never decrease and leaving the window is
 * a matter of moving `first` forward; the array is compacted when half of it is dead.
 */
export interface SpacetimeWindow {
  runId: number
  /** message kinds by the recorder's index */
  kinds: string[]
  /** ARROW_STRIDE numbers per arrow; live ones are [first, count) */
  arrows: Float64Array
  first: number
  count: number
  /** when the run keeps vector clocks: 2 × nodes numbers per arrow, indexed like `arrows` */
  vectors: Float64Array | null
  marks: SpacetimeMark[]
  /** per node: true time and local reading, alternating, in time order */
  samples: number[][]
  statusAtStart: number[]
  windowStart: number
  limitedByCount: boolean
  /** simulated time the window is complete up to */
  now: number
  /** bumped by every change (painters compare it) */
  version: number
}

export function emptyWindow(runId = -1, nodes = 0): SpacetimeWindow {
  return {
    runId,
    kinds: [],
    arrows: new Float64Array(256 * ARROW_STRIDE),
    first: 0,
    count: 0,
    vectors: null,
    marks: [],
    samples: Array.from({ length: nodes }, () => []),
    statusAtStart: new Array<number>(nodes).fill(0),
    windowStart: 0,
    limitedByCount: false,
    now: 0,
    version: 0,
  }
}

/** Move the live part of a per-arrow array (`stride` numbers each) to the front, growing it. */
function compact(w: SpacetimeWindow, array: Float64Array, stride: number, add: number) {
  // Grow unless the live part uses less than half the room.
  // (`set` copies correctly even between overlapping views of one buffer.)
  const live = array.subarray(w.first * stride, (w.first + w.count) * stride)
  const need = (w.count + add) * stride
  const next = need * 2 > array.length ? new Float64Array(need * 2) : array
  next.set(live)
  return next
}

function appendArrows(w: SpacetimeWindow, data: Float64Array, vectors: Float64Array | null): void {
  const add = data.length / ARROW_STRIDE
  if (add === 0) return
  const vStride = vectors ? vectors.length / add : 0
  if (vectors && !w.vectors)
    w.vectors = new Float64Array((w.arrows.length / ARROW_STRIDE) * vStride)
  if ((w.first + w.count + add) * ARROW_STRIDE > w.arrows.length) {
    w.arrows = compact(w, w.arrows, ARROW_STRIDE, add)
    if (w.vectors && vStride) w.vectors = compact(w, w.vectors, vStride, add)
    w.first = 0
  }
  w.arrows.set(data, (w.first + w.count) * ARROW_STRIDE)
  if (vectors && w.vectors) {
    if (w.vectors.length < (w.arrows.length / ARROW_STRIDE) * vStride) {
      const grown = new Float64Array((w.arrows.length / ARROW_STRIDE) * vStride)
      grown.set(w.vectors)
      w.vectors = grown
    }
    w.vectors.set(vectors, (w.first + w.count) * vStride)
  }
  w.count += add
}

/** Fold a batch into the window (a `reset` batch replaces it). Returns the window to keep. */
export function ingest(w: SpacetimeWindow, b: SpacetimeBatch): SpacetimeWindow {
  const nodes = b.statusAtStart.length
  const out = b.reset || b.runId !== w.runId ? emptyWindow(b.runId, nodes) : w
  if (b.kinds) out.kinds = b.kinds
  appendArrows(out, b.arrows, b.vectors)
  out.marks.push(...b.marks)
  for (let o = 0; o < b.samples.length; o += SAMPLE_STRIDE)
    out.samples[b.samples[o]].push(b.samples[o + 1], b.samples[o + 2])
  out.statusAtStart = b.statusAtStart
  out.windowStart = b.windowStart
  out.limitedByCount = b.limitedByCount
  out.now = b.now
  evict(out)
  out.version = w.version + 1
  return out
}

/** Forget what is older than the window start, as the worker did. */
function evict(w: SpacetimeWindow): void {
  const start = w.windowStart
  while (w.count > 0 && w.arrows[w.first * ARROW_STRIDE + A_END] < start) {
    w.first++
    w.count--
  }
  let m = 0
  while (m < w.marks.length && w.marks[m].t < start) m++
  if (m > 0) w.marks.splice(0, m)
  for (const s of w.samples) {
    // keep one sample before the start, so ticks can be placed right from the window's edge
    let k = 0
    while (k + 2 < s.length && s[k + 2] < start) k += 2
    if (k > 0) s.splice(0, k)
  }
}

/** The index of message `id`'s arrow in the window (the newest first), or null. */
export function arrowOf(w: SpacetimeWindow, id: number): number | null {
  for (let i = w.first + w.count - 1; i >= w.first; i--)
    if (w.arrows[i * ARROW_STRIDE + A_ID] === id) return i
  return null
}
