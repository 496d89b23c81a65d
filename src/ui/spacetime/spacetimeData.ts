import {
  ARROW_STRIDE,
  A_END,
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
    marks: [],
    samples: Array.from({ length: nodes }, () => []),
    statusAtStart: new Array<number>(nodes).fill(0),
    windowStart: 0,
    limitedByCount: false,
    now: 0,
    version: 0,
  }
}

function appendArrows(w: SpacetimeWindow, data: Float64Array): void {
  const add = data.length / ARROW_STRIDE
  if (add === 0) return
  if ((w.first + w.count + add) * ARROW_STRIDE > w.arrows.length) {
    // Move the live arrows to the front; grow unless they use less than half the room.
    // (`set` copies correctly even between overlapping views of one buffer.)
    const live = w.arrows.subarray(w.first * ARROW_STRIDE, (w.first + w.count) * ARROW_STRIDE)
    const need = (w.count + add) * ARROW_STRIDE
    const next = need * 2 > w.arrows.length ? new Float64Array(need * 2) : w.arrows
    next.set(live)
    w.arrows = next
    w.first = 0
  }
  w.arrows.set(data, (w.first + w.count) * ARROW_STRIDE)
  w.count += add
}

/** Fold a batch into the window (a `reset` batch replaces it). Returns the window to keep. */
export function ingest(w: SpacetimeWindow, b: SpacetimeBatch): SpacetimeWindow {
  const nodes = b.statusAtStart.length
  const out = b.reset || b.runId !== w.runId ? emptyWindow(b.runId, nodes) : w
  if (b.kinds) out.kinds = b.kinds
  appendArrows(out, b.arrows)
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
