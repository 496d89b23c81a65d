import { createSimulation, parseScenario, type Simulation } from '../index'

/** One emitted event as the trace reports it. */
interface Emitted {
  t: number
  node: string
  event: string
  data: Record<string, unknown>
}

export interface SampledRun {
  sim: Simulation
  /** sample times (true seconds) and, per node id, local − true offsets at those times */
  times: number[]
  offsets: Record<string, number[]>
  events: Emitted[]
}

/** Parse a scenario (throwing on invalid input: a test bug) and run it, sampling every clock. */
export function runSampled(input: unknown, duration: number, every = 1): SampledRun {
  const parsed = parseScenario(input)
  if (!parsed.ok) throw new Error(parsed.error)
  const events: Emitted[] = []
  const sim = createSimulation(parsed.scenario, {
    trace: (rec) => {
      if (rec.type === 'emit')
        events.push({ t: rec.t, node: rec.node, event: rec.event, data: rec.data ?? {} })
    },
  })
  const times: number[] = []
  const offsets: Record<string, number[]> = {}
  for (const id of sim.nodeIds) offsets[id] = []
  for (let t = every; t <= duration + 1e-9; t += every) {
    sim.runUntil(t)
    times.push(t)
    sim.nodeIds.forEach((id, i) => offsets[id].push(sim.offsetOf(i)))
  }
  return { sim, times, offsets, events }
}

/** Figures of one offset series from `from` on: max |offset| and RMS. */
export function offsetStats(run: SampledRun, node: string, from = 0): { max: number; rms: number } {
  let max = 0
  let sq = 0
  let n = 0
  run.times.forEach((t, k) => {
    if (t < from) return
    const o = run.offsets[node][k]
    max = Math.max(max, Math.abs(o))
    sq += o * o
    n++
  })
  return { max, rms: Math.sqrt(sq / Math.max(1, n)) }
}

/** The first sample time from which |offset| stays below `bound` to the end (Infinity if never). */
export function settledAt(run: SampledRun, node: string, bound: number): number {
  const series = run.offsets[node]
  let k = series.length
  while (k > 0 && Math.abs(series[k - 1]) < bound) k--
  return k === series.length ? Infinity : k === 0 ? 0 : run.times[k]
}
