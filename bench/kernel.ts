/**
 * Kernel throughput: N nodes each pinging a random peer every local second (each ping is
 * answered), no protocol logic beyond that. Prints events per wall-clock second.
 */

export interface KernelFigure {
  nodes: number
  events: number
  wallSeconds: number
  eventsPerSecond: number
}

export function benchKernel(nodes: number, targetEvents: number): KernelFigure {
  const s = scenarioOf({
    nodes: Array.from({ length: nodes }, (_, i) => ({
      id: `n${i}`,
      clock: { skewPpm: (i % 7) * 10 - 30 },
    })),
    network: { latency: { base: 0.001, jitter: 0.0005 } },
  })
  const sim = simOf(s, [pingProtocol as ProtocolDef])
  // events per simulated second ≈ 3 per node (tick, ping, pong)
  const horizon = targetEvents / (3 * nodes)
  sim.runUntil(horizon / 10) // warm up the JIT
  const e0 = sim.counts.events
  const t0 = performance.now()
  sim.runUntil(horizon)
  const wall = (performance.now() - t0) / 1000
  const events = sim.counts.events - e0
  return { nodes, events, wallSeconds: wall, eventsPerSecond: events / wall }
}
import { pingProtocol, scenarioOf, simOf, type ProtocolDef } from '../src/engine'
