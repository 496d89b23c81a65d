import type { Simulation } from './simulation'

/** The CLI summary of docs/cli.md. */
export interface Summary {
  seed: number
  duration: number
  events: number
  messages: { sent: number; delivered: number; dropped: number }
  clocks: Record<string, { offset: number; maxAbsOffsetLastQuarter: number }>
  accuracy: number
  precision: number
  traceHash: string
  [extra: string]: unknown
}

/**
 * Run to `duration`, sampling every live node's offset over the last quarter on a fine grid
 * (sampling only reads clocks; it never changes the run).
 */
export function runAndSummarize(sim: Simulation, duration: number): Summary {
  const n = sim.nodeIds.length
  const maxAbs = new Array<number>(n).fill(0)
  const sample = () => {
    for (let i = 0; i < n; i++) {
      if (sim.world.nodes[i].status === 'crashed') continue
      const o = Math.abs(sim.offsetOf(i))
      if (o > maxAbs[i]) maxAbs[i] = o
    }
  }
  const start = 0.75 * duration
  const dt = Math.min(1, Math.max(duration / 8000, 1e-3))
  sim.runUntil(start)
  sample()
  for (let k = 1; start + k * dt < duration; k++) {
    sim.runUntil(start + k * dt)
    sample()
  }
  sim.runUntil(duration)
  sample()
  return summarize(sim, maxAbs)
}

export function summarize(sim: Simulation, maxAbsLastQuarter?: number[]): Summary {
  const w = sim.world
  // null prototype: a node named "__proto__" or "constructor" is an ordinary key of the JSON
  const clocks: Summary['clocks'] = Object.create(null)
  let accuracy = 0
  let lo = Infinity
  let hi = -Infinity
  sim.nodeIds.forEach((id, i) => {
    if (w.nodes[i].status === 'crashed') return
    const offset = sim.offsetOf(i)
    clocks[id] = {
      offset,
      maxAbsOffsetLastQuarter: maxAbsLastQuarter ? maxAbsLastQuarter[i] : Math.abs(offset),
    }
    accuracy = Math.max(accuracy, Math.abs(offset))
    lo = Math.min(lo, offset)
    hi = Math.max(hi, offset)
  })
  const out: Summary = {
    seed: sim.scenario.seed,
    duration: w.now,
    events: w.events,
    messages: { sent: w.sent, delivered: w.delivered, dropped: w.dropped },
    clocks,
    accuracy,
    precision: hi >= lo ? hi - lo : 0,
    traceHash: sim.traceHash,
  }
  const api = sim.observerApi()
  sim.observerDefs.forEach((def, i) => {
    if (def.summarize) Object.assign(out, def.summarize(w.observers[i], api))
  })
  return out
}
