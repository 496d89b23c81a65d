/**
 * NTP at scale: 3 reference servers and 50 clients with ntpd's default polling (64 … 1024 s,
 * iburst), 24 simulated hours, headless. Each client runs one timer (stretches of its per-second
 * clock-adjust process, src/engine/protocols/ntp/ntp.ts), so events are timers + packets; the
 * clocks' 1 s wander steps (4.3 M draws) are the kernel's fixed cost.
 *
 *   npx tsx bench/ntp.ts          prints the figures as JSON
 */
import { pathToFileURL } from 'node:url'
import { createSimulation, parseScenario, summarize } from '../src/engine'

export interface NtpFigure {
  clients: number
  servers: number
  simulatedSeconds: number
  wallSeconds: number
  /** process CPU time of the run: steadier than wall time on a shared machine */
  cpuSeconds: number
  events: number
  eventsPerSecond: number
  messages: { sent: number; delivered: number; dropped: number }
  /** over the clients at the end of the run */
  clientOffsets: { medianAbs: number; maxAbs: number }
  precision: number
}

function ntpScenario(clients = 50, servers = 3, duration = 86_400): unknown {
  const spread = (i: number, k: number) => ((i * k) % 101) / 50 - 1 // deterministic, in [−1, 1]
  return {
    version: 1,
    name: `NTP: ${servers} servers, ${clients} clients, 24 h`,
    seed: 2026,
    duration,
    nodes: [
      ...Array.from({ length: servers }, (_, i) => ({ id: `s${i + 1}`, reference: true })),
      ...Array.from({ length: clients }, (_, i) => ({
        id: `c${i + 1}`,
        clock: { offset: 0.1 * spread(i, 37), skewPpm: 100 * spread(i, 59), wanderPpm: 0.01 },
      })),
    ],
    network: { latency: { base: 0.001, jitter: 0.0002 } },
    clockSync: { algorithm: 'ntp' },
  }
}

export function benchNtp(clients = 50, servers = 3, duration = 86_400): NtpFigure {
  const parsed = parseScenario(ntpScenario(clients, servers, duration))
  if (!parsed.ok) throw new Error(parsed.error)
  const sim = createSimulation(parsed.scenario)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  sim.runUntil(duration)
  const wall = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const summary = summarize(sim)
  const abs = Object.entries(summary.clocks)
    .filter(([id]) => id.startsWith('c'))
    .map(([, c]) => Math.abs(c.offset))
    .sort((a, b) => a - b)
  return {
    clients,
    servers,
    simulatedSeconds: duration,
    wallSeconds: wall,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    events: summary.events,
    eventsPerSecond: summary.events / wall,
    messages: summary.messages,
    clientOffsets: { medianAbs: abs[abs.length >> 1], maxAbs: abs[abs.length - 1] },
    precision: summary.precision,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(benchNtp(), null, 2))
}
