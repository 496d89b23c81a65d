import type { Simulation, TraceRecord } from '../engine'
import {
  MAX_FRAME_MESSAGES,
  MSG,
  MSG_STRIDE,
  NODE,
  NODE_STRIDE,
  STATUS_CODES,
  type Frame,
  type PaceMode,
} from './wire'

/**
 * Turns the simulation into compact frames. Message kinds become indexes into a table that is
 * sent only when it grows; links are learned from every send in the trace (not only from the
 * messages caught in flight at a frame), so a link shows up even when its messages are too fast
 * to be drawn at the current speed.
 */
export interface FrameBuilder {
  /** the trace sink to pass to `createSimulation` */
  readonly trace: (rec: TraceRecord) => void
  /** messages on the wire in the last frame built (pacing skips quiet stretches on 0) */
  readonly lastInFlight: number
  build(
    sim: Simulation,
    state: { runId: number; running: boolean; speed: number; rate: number; pace: PaceMode },
  ): {
    frame: Frame
    transfer: ArrayBuffer[]
  }
}

export function createFrameBuilder(nodeIds: readonly string[]): FrameBuilder {
  const index = new Map(nodeIds.map((id, i) => [id, i]))
  const kinds: string[] = []
  const kindIndex = new Map<string, number>()
  let kindsSent = 0
  const linksSeen = new Set<number>()
  let newLinks: number[] = []
  let seq = 0
  let lastInFlight = 0
  const n = nodeIds.length

  const kindOf = (kind: string): number => {
    let k = kindIndex.get(kind)
    if (k === undefined) {
      k = kinds.length
      kinds.push(kind)
      kindIndex.set(kind, k)
    }
    return k
  }

  return {
    trace(rec) {
      if (rec.type !== 'send' || rec.from === rec.to) return
      kindOf(rec.kind)
      const from = index.get(rec.from)!
      const to = index.get(rec.to)!
      const key = from * n + to
      if (linksSeen.has(key)) return
      linksSeen.add(key)
      newLinks.push(from, to)
    },
    get lastInFlight() {
      return lastInFlight
    },
    build(sim, state) {
      const nodes = new Float64Array(n * NODE_STRIDE)
      for (let i = 0; i < n; i++) {
        const o = i * NODE_STRIDE
        nodes[o + NODE.status] = STATUS_CODES.indexOf(sim.statusOf(i))
        nodes[o + NODE.local] = sim.localReading(i)
        nodes[o + NODE.offset] = sim.offsetOf(i)
      }
      // Loopback messages (from === to) arrive instantly and have no link to travel along.
      const flying = sim.messagesInFlight().filter((m) => m.from !== m.to)
      lastInFlight = flying.length
      const shown = Math.min(flying.length, MAX_FRAME_MESSAGES)
      const messages = new Float64Array(shown * MSG_STRIDE)
      for (let j = 0; j < shown; j++) {
        const m = flying[j]
        const o = j * MSG_STRIDE
        messages[o + MSG.id] = m.id
        messages[o + MSG.from] = m.from
        messages[o + MSG.to] = m.to
        messages[o + MSG.kind] = kindOf(m.kind)
        messages[o + MSG.sentAt] = m.sentAt
        messages[o + MSG.arriveAt] = m.arriveAt
      }
      const frame: Frame = {
        type: 'frame',
        runId: state.runId,
        seq: seq++,
        now: sim.now,
        traceHash: sim.traceHash,
        events: sim.counts.events,
        running: state.running,
        speed: state.speed,
        rate: state.rate,
        pace: state.pace,
        inFlight: flying.length,
        dropped: sim.counts.dropped,
        violations: sim.violations.length,
        nodes,
        messages,
      }
      const transfer = [nodes.buffer, messages.buffer]
      if (kinds.length !== kindsSent) {
        frame.kinds = kinds.slice()
        kindsSent = kinds.length
      }
      if (newLinks.length > 0) {
        const links = Uint32Array.from(newLinks)
        frame.newLinks = links
        transfer.push(links.buffer)
        newLinks = []
      }
      return { frame, transfer }
    },
  }
}
