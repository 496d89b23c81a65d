/**
 * Multi-Paxos throughput (`npx tsx bench/paxos.ts`): 5 nodes, 10 000 client commands handed to
 * a follower (so each costs a forward hop to the leader) at 2 000 per simulated second, after
 * the election. Prints decisions per wall-clock second and network messages per decision by
 * kind — steady-state Multi-Paxos should cost 2(n − 1) (accept + accepted) plus the client hop.
 * Figures, not assertions.
 */
import { pathToFileURL } from 'node:url'
import {
  createSimulation,
  parseScenario,
  type TraceRecord,
  consensusCheckState,
  type PaxosState,
} from '../src/engine'

export interface PaxosFigure {
  nodes: number
  commands: number
  wallSeconds: number
  decisionsPerWallSecond: number
  simulatedSeconds: number
  /** messages between distinct nodes per decision, by kind, during the command phase */
  messagesPerDecision: Record<string, number>
  messagesPerDecisionTotal: number
}

const RATE = 2000

export function benchPaxos(commands = 10_000, nodes = 5, countMessages = false): PaxosFigure {
  const ids = Array.from({ length: nodes }, (_, i) => `n${i + 1}`)
  const parsed = parseScenario({
    version: 1,
    seed: 1,
    duration: 1,
    nodes: ids.map((id) => ({ id })),
    consensus: { algorithm: 'multi-paxos' },
  })
  if (!parsed.ok) throw new Error(parsed.error)
  const sent: Record<string, number> = {}
  let counting = false
  const trace = countMessages
    ? (r: TraceRecord) => {
        if (counting && r.type === 'send' && r.from !== r.to) sent[r.kind] = (sent[r.kind] ?? 0) + 1
      }
    : undefined
  const sim = createSimulation(parsed.scenario, { trace })
  sim.runUntil(1)
  const leader = ids.findIndex(
    (_, i) => sim.protocolState<PaxosState>(i, 'paxos')?.role === 'leader',
  )
  if (leader < 0) throw new Error('no leader elected')
  const client = ids[(leader + 1) % nodes]
  const st = consensusCheckState(sim)!
  const chosen = () => Object.keys(st.chosen).length
  counting = true
  const t0 = performance.now()
  const start = sim.now
  for (let k = 0; k < commands; k++) {
    sim.runUntil(start + k / RATE)
    sim.inject({ client: { node: client, op: { op: 'propose', value: `c${k}` } } })
  }
  while (chosen() < commands) sim.runUntil(sim.now + 0.01)
  const wallSeconds = (performance.now() - t0) / 1000
  counting = false
  const decisions = chosen()
  const messagesPerDecision: Record<string, number> = {}
  for (const kind of Object.keys(sent).sort()) messagesPerDecision[kind] = sent[kind] / decisions
  return {
    nodes,
    commands,
    wallSeconds,
    decisionsPerWallSecond: decisions / wallSeconds,
    simulatedSeconds: sim.now - start,
    messagesPerDecision,
    messagesPerDecisionTotal: Object.values(sent).reduce((a, b) => a + b, 0) / decisions,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPaxos(1000) // warm up the JIT
  const speed = benchPaxos()
  console.log(
    `Multi-Paxos, ${speed.nodes} nodes, ${speed.commands} commands at ${RATE}/s simulated, client on a follower`,
  )
  console.log(
    `  ${Math.round(speed.decisionsPerWallSecond)} decisions per wall-clock second` +
      ` (${speed.wallSeconds.toFixed(2)} s wall for ${speed.simulatedSeconds.toFixed(2)} s simulated)`,
  )
  const msgs = benchPaxos(undefined, undefined, true)
  const n = msgs.nodes
  console.log(
    `  ${msgs.messagesPerDecisionTotal.toFixed(2)} network messages per decision` +
      ` (2(n − 1) = ${2 * (n - 1)} for phase 2, + 1 client hop):`,
  )
  for (const [kind, per] of Object.entries(msgs.messagesPerDecision))
    console.log(`    ${kind.padEnd(12)} ${per.toFixed(3)}`)
}
