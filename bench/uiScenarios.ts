import type { ScenarioInput } from '../src/engine'
import { presets } from '../src/engine'

/**
 * Large scenarios for `npm run bench:ui` (bench/ui.ts), generated rather than stored: a few
 * Cristian servers with many clients polling every second over a slow network, so that about
 * as many messages fly at once as the rendering goals name (issue 10: 2 000 at 200 nodes), and
 * Multi-Paxos over every node, whose all-to-all heartbeats grow with n².
 */
export function cristianFleet(n: number, servers = 4): ScenarioInput {
  const clients = n - servers
  return {
    version: 1,
    name: `Cristian, ${servers} servers and ${clients} clients`,
    seed: 1,
    duration: 3600,
    nodes: [
      ...Array.from({ length: servers }, (_, i) => ({ id: `s${i + 1}`, reference: true })),
      ...Array.from({ length: clients }, (_, i) => ({
        id: `c${i + 1}`,
        clock: { offset: ((i % 7) - 3) * 0.01, skewPpm: ((i % 11) - 5) * 20, wanderPpm: 0.01 },
      })),
    ],
    network: { latency: { base: 0.5, jitter: 0.1 } },
    clockSync: {
      algorithm: 'cristian',
      pollInterval: 1,
      burst: 10,
      servers: Object.fromEntries(
        Array.from({ length: clients }, (_, i) => [`c${i + 1}`, [`s${(i % servers) + 1}`]]),
      ),
    },
  }
}

export function paxosCluster(n: number, latency = 0.4): ScenarioInput {
  const base = presets.find((p) => p.id === 'multi-paxos-5')!.scenario
  return {
    ...structuredClone(base),
    name: `Multi-Paxos, ${n} nodes`,
    duration: 3600,
    nodes: Array.from({ length: n }, (_, i) => ({
      id: `n${i + 1}`,
      clock: { skewPpm: ((i % 9) - 4) * 15 },
    })),
    network: { latency: { base: latency, jitter: latency / 4 } },
    consensus: { ...base.consensus!, electionTimeout: [latency * 10, latency * 20] },
  }
}
