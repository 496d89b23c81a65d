import type { Simulation, TraceRecord } from '../engine'
import { STATUS_CODES } from './wire'
import {
  A_END,
  ARROW_STRIDE,
  DROP_REASONS,
  SAMPLE_STRIDE,
  type MessageDetail,
  type SpacetimeBatch,
  type SpacetimeMark,
} from './timelineWire'
import { WindowedLog } from './windowedLog'

/**
 * The space-time diagram's data: a bounded window of recent trace records, kept by the worker
 * and sent to the UI in increments (what is new since the last batch; never the whole window
 * per frame).
 *
 * Each message becomes one arrow from its send to its receipt (or its drop), with the local clock
 * readings of sender and receiver taken from `sim.localReading` at the moment of each record —
 * what each node itself would have written in its log. Faults, protocol clock steps, elections
 * and invariant violations become marks; a fault record says which status (up / crashed /
 * paused) it left its node in, so lanes can be drawn as broken while a node is down.
 * Local clock samples (at records and at least every SAMPLE_DT of simulated time while live)
 * let the UI place each node's local-time ticks; around a clock step both the reading before
 * and after the jump are sampled, so the ticks jump exactly there.
 *
 * Bounded memory: records older than WINDOW_SECONDS of simulated time before now leave the
 * window, and so do the oldest arrows beyond MAX_ARROWS (the UI says which bound applies).
 */
export const WINDOW_SECONDS = 60
export const MAX_ARROWS = 20_000
const MAX_MARKS = 2_000
/** Live clock samples of one node are at least this far apart in simulated time (steps excepted). */
const SAMPLE_DT = 0.25
/** Longest payload summary, in characters. */
const SUMMARY_CHARS = 240

/** Protocol emits shown as marks; other emits are too frequent or too detailed for the diagram. */
const EMIT_MARKS = new Set(['clockStep', 'elected', 'stepDown'])

interface SendInfo {
  id: number
  from: number
  to: number
  kind: number
  t: number
  local: number
  body: unknown
  lamport: number
  hlcL: number
  hlcC: number
  vector: readonly number[] | null
  /** delivered or dropped at least once (a duplicated message may arrive again) */
  done: boolean
}

/** One completed message: see ARROW_STRIDE in timelineWire.ts for the field order. */
type Arrow = number[]

export interface SpacetimeRecorder {
  /** the trace sink; records only while a simulation is attached */
  readonly sink: (rec: TraceRecord) => void
  /** read local clocks from (and record for) `sim`, or stop recording (null) */
  attach(sim: Simulation | null): void
  /**
   * Forget everything and start from `sim`'s state (load, seek); records before `keepFrom`
   * (default: one window before now) are not kept.
   */
  reset(sim: Simulation, keepFrom?: number): void
  /** sample every node's clock at `sim.now` (after a tick / chunk of simulation) */
  sampleClocks(sim: Simulation, force?: boolean): void
  /** drop what left the window as of simulated time `now` */
  evict(now: number): void
  /** the records added since the last batch (or everything after a reset); null when none */
  batch(runId: number, now: number): SpacetimeBatch | null
  describe(id: number): MessageDetail | null
  /** for tests and the bench */
  readonly size: { arrows: number; marks: number; samples: number }
}

/** A message body as short JSON for the hover card: non-integers shortened to 9 significant digits. */
function summarizePayload(body: unknown): string {
  let text: string
  try {
    text =
      JSON.stringify(body, (_k, v: unknown) =>
        typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v,
      ) ?? String(body)
  } catch {
    text = String(body)
  }
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text
}

export function createSpacetimeRecorder(nodeIds: readonly string[]): SpacetimeRecorder {
  const n = nodeIds.length
  const index = new Map(nodeIds.map((id, i) => [id, i]))
  const kinds: string[] = []
  const kindIndex = new Map<string, number>()
  let kindsSent = 0

  let sim: Simulation | null = null
  const sends = new Map<number, SendInfo>()
  const arrows = new WindowedLog<Arrow>()
  /** per arrow, when the run keeps vector clocks: the send's vector, then the receipt's */
  const vectors = new WindowedLog<number[]>()
  const marks = new WindowedLog<SpacetimeMark>()
  const samples = new WindowedLog<number[]>() // [node, t, local]
  const statusAtStart = new Array<number>(n).fill(0)
  const lastSample = new Array<number>(n).fill(-Infinity)
  let windowStart = 0
  let limitedByCount = false
  let needReset = true
  /** the window start the UI last heard of */
  let windowStartSent = -1
  /** the id of the last send record, while no other record followed it (a drop at send time) */
  let lastSendId = -1

  const kindOf = (kind: string): number => {
    let k = kindIndex.get(kind)
    if (k === undefined) {
      k = kinds.length
      kinds.push(kind)
      kindIndex.set(kind, k)
    }
    return k
  }

  function sample(node: number, t: number, local: number, force = false): void {
    if (!force && t - lastSample[node] < SAMPLE_DT) return
    lastSample[node] = t
    samples.push([node, t, local])
  }

  /** A mark leaving the window hands its status change to the lane's starting status. */
  function leaveMark(gone: SpacetimeMark): void {
    if (gone.status !== undefined && gone.node !== undefined) statusAtStart[gone.node] = gone.status
  }

  function mark(m: SpacetimeMark): void {
    marks.push(m)
    if (marks.length > MAX_MARKS) marks.dropFront(1, leaveMark)
  }

  function fault(rec: Extract<TraceRecord, { type: 'fault' }>, s: Simulation): void {
    const { t, fault: f } = rec
    switch (f.type) {
      case 'crash':
      case 'restart':
      case 'pause':
      case 'resume': {
        // the engine says whether the intervention changed the node's status (a crash of a
        // crashed node does not)
        const status = rec.status === undefined ? undefined : STATUS_CODES.indexOf(rec.status)
        mark({ t, kind: f.type, node: index.get(f.node)!, status })
        return
      }
      case 'clockStep': {
        // The record precedes the step: the reading now is the one before the jump.
        const node = index.get(f.node)!
        const before = s.localReading(node)
        sample(node, t, before, true)
        sample(node, t, before + f.by, true)
        mark({ t, kind: 'clockStep', node, value: f.by })
        return
      }
      case 'setSkew':
        mark({ t, kind: 'setSkew', node: index.get(f.node)!, value: f.ppm })
        return
      case 'falseticker':
        mark({ t, kind: 'falseticker', node: index.get(f.node)!, value: f.lie })
        return
      case 'partition':
        mark({ t, kind: 'partition', groups: f.groups.map((g) => g.map((id) => index.get(id)!)) })
        return
      case 'cutLink':
      case 'healLink':
        mark({ t, kind: f.type, node: index.get(f.from)!, to: index.get(f.to)! })
        return
      case 'heal':
        mark({ t, kind: 'heal' })
        return
      case 'setLoss':
      case 'setDuplicate':
        mark({ t, kind: f.type, value: f.p })
        return
      case 'setLatency':
        mark({ t, kind: 'setLatency', value: f.base, value2: f.jitter })
        return
    }
  }

  function arrive(rec: Extract<TraceRecord, { type: 'deliver' | 'drop' }>, s: Simulation): void {
    const info = sends.get(rec.id)
    if (!info) return // sent before the window began (e.g. held by a paused node)
    info.done = true
    const dropAtSend = rec.type === 'drop' && lastSendId === rec.id
    const local = dropAtSend ? info.local : s.localReading(info.to)
    const outcome = rec.type === 'deliver' ? 0 : 1 + DROP_REASONS.indexOf(rec.reason)
    const end = rec.type === 'deliver' ? rec.clocks : null
    arrows.push([
      ...[rec.id, info.from, info.to, info.kind, info.t, info.local, rec.t, local, outcome],
      ...[info.lamport, end ? end.lamport : NaN],
      ...[info.hlcL, info.hlcC, end ? end.hlc.l : NaN, end ? end.hlc.c : NaN],
    ])
    if (info.vector) vectors.push([...info.vector, ...(end?.vector ?? info.vector.map(() => NaN))])
    if (!dropAtSend) sample(info.to, rec.t, local)
  }

  const sink = (rec: TraceRecord): void => {
    const s = sim
    if (!s) return
    const sendId = lastSendId
    lastSendId = -1
    switch (rec.type) {
      case 'send': {
        // a node talking to itself (a Berkeley master polling its own clock) has no arrow to draw
        if (rec.from === rec.to) return
        const from = index.get(rec.from)!
        const local = s.localReading(from)
        sends.set(rec.id, {
          id: rec.id,
          from,
          to: index.get(rec.to)!,
          kind: kindOf(rec.kind),
          t: rec.t,
          local,
          body: rec.body,
          lamport: rec.clocks.lamport,
          hlcL: rec.clocks.hlc.l,
          hlcC: rec.clocks.hlc.c,
          vector: rec.clocks.vector,
          done: false,
        })
        sample(from, rec.t, local)
        lastSendId = rec.id
        return
      }
      case 'deliver':
        if (rec.from !== rec.to) arrive(rec, s)
        return
      case 'drop':
        if (rec.from !== rec.to) {
          lastSendId = sendId
          arrive(rec, s)
          lastSendId = -1
        }
        return
      case 'fault':
        return fault(rec, s)
      case 'emit': {
        if (!EMIT_MARKS.has(rec.event)) return
        const node = index.get(rec.node)!
        if (rec.event === 'clockStep') {
          // Protocols emit clockStep after stepping (cristian.ts, ntp.ts): now is the reading after.
          const by = Number(rec.data?.by ?? 0)
          const after = s.localReading(node)
          sample(node, rec.t, after - by, true)
          sample(node, rec.t, after, true)
          mark({ t: rec.t, kind: 'clockStep', node, value: by, protocol: true })
        } else mark({ t: rec.t, kind: rec.event as 'elected' | 'stepDown', node })
        return
      }
      case 'violation':
        mark({
          t: rec.t,
          kind: 'violation',
          nodes: (rec.nodes ?? []).map((id) => index.get(id)!).filter((i) => i !== undefined),
          label: rec.invariant,
          detail: rec.detail,
        })
        return
      case 'timer':
        return
    }
  }

  function evict(now: number): void {
    const start = Math.max(now - WINDOW_SECONDS, windowStart)
    let drop = 0
    while (drop < arrows.length && arrows.at(drop)[A_END] < start) drop++
    const overCount = arrows.length - drop - MAX_ARROWS
    let from = start
    if (overCount > 0) {
      drop += overCount
      from = Math.max(start, arrows.at(drop - 1)[A_END])
      limitedByCount = true
    } else if (drop > 0 || arrows.length === 0) limitedByCount = false
    arrows.dropFront(drop)
    if (vectors.length > 0) vectors.dropFront(drop)
    if (from > windowStart) windowStart = from
    marks.dropWhile((m) => m.t < windowStart, leaveMark)
    samples.dropWhile((x) => x[1] < windowStart)
    // Sends are kept in time order (Map insertion order): stop at the first inside the window.
    // Messages still on their way stay, however old (one held by a paused node).
    for (const [id, info] of sends) {
      if (info.t >= windowStart) break
      if (info.done) sends.delete(id)
    }
  }

  return {
    sink,
    attach(s) {
      sim = s
      lastSendId = -1
    },
    reset(s, keepFrom) {
      sends.clear()
      arrows.clear()
      vectors.clear()
      marks.clear()
      samples.clear()
      lastSample.fill(-Infinity)
      for (let i = 0; i < n; i++) statusAtStart[i] = STATUS_CODES.indexOf(s.statusOf(i))
      windowStart = keepFrom ?? Math.max(0, s.now - WINDOW_SECONDS)
      limitedByCount = false
      needReset = true
      lastSendId = -1
    },
    sampleClocks(s, force = false) {
      for (let i = 0; i < n; i++) sample(i, s.now, s.localReading(i), force)
    },
    evict,
    batch(runId, now) {
      evict(now)
      const reset = needReset
      const idle = !arrows.pending(reset) && !marks.pending(reset) && !samples.pending(reset)
      if (!reset && idle && windowStart === windowStartSent) return null
      const newArrows = arrows.take(reset)
      const arrowData = new Float64Array(newArrows.length * ARROW_STRIDE)
      newArrows.forEach((a, j) => arrowData.set(a, j * ARROW_STRIDE))
      const newVectors = vectors.take(reset)
      let vectorData: Float64Array<ArrayBuffer> | null = null
      if (newVectors.length > 0) {
        vectorData = new Float64Array(newVectors.length * 2 * n)
        newVectors.forEach((v, j) => vectorData!.set(v, j * 2 * n))
      }
      const newSamples = samples.take(reset)
      const sampleData = new Float64Array(newSamples.length * SAMPLE_STRIDE)
      newSamples.forEach((x, j) => sampleData.set(x, j * SAMPLE_STRIDE))
      const out: SpacetimeBatch = {
        type: 'spacetime',
        runId,
        reset,
        now,
        windowStart,
        limitedByCount,
        statusAtStart: statusAtStart.slice(),
        arrows: arrowData,
        vectors: vectorData,
        marks: marks.take(reset),
        samples: sampleData,
      }
      if (reset || kinds.length !== kindsSent) {
        out.kinds = kinds.slice()
        kindsSent = kinds.length
      }
      needReset = false
      windowStartSent = windowStart
      return out
    },
    describe(id) {
      const info = sends.get(id)
      if (!info) return null
      return {
        id,
        kind: kinds[info.kind],
        from: nodeIds[info.from],
        to: nodeIds[info.to],
        sentAt: info.t,
        localSent: info.local,
        payload: summarizePayload(info.body),
      }
    },
    get size() {
      return { arrows: arrows.length, marks: marks.length, samples: samples.length }
    },
  }
}
