/**
 * Seeking in a recorded run (`npx tsx bench/seek.ts`): a 10-minute run of 5 nodes is recorded
 * through the worker host as the app records it (played at the top speed, checkpoints taken as
 * they fall due), then the host seeks to random times. Prints the median and maximum time of
 *   - the seek itself: restore the checkpoint and re-run to T (what the frame waits for), and
 *   - the whole command: seek, frame, and the space-time window rebuilt up to T.
 * The target is a seek under 100 ms. Figures, not assertions.
 */
import { pathToFileURL } from 'node:url'
import { createSimulation, parseScenario, type ScenarioInput } from '../src/engine'
import { approxBytes } from '../src/worker/checkpoints'
import { createHost } from '../src/worker/host'
import type { WorkerMessage } from '../src/worker/wire'
import type { TimelineInfo } from '../src/worker/timelineWire'

const DURATION = 600
const ids = ['n1', 'n2', 'n3', 'n4', 'n5']

export const seekScenarios: Record<string, ScenarioInput> = {
  'NTP (2 servers, 3 clients)': {
    version: 1,
    seed: 5,
    duration: DURATION,
    nodes: [
      { id: 's1', reference: true },
      { id: 's2', reference: true },
      { id: 'c1', clock: { offset: 0.05, skewPpm: 80, wanderPpm: 0.01 } },
      { id: 'c2', clock: { offset: -0.03, skewPpm: -60, wanderPpm: 0.01 } },
      { id: 'c3', clock: { skewPpm: 30, wanderPpm: 0.01 } },
    ],
    network: { latency: { base: 0.002, jitter: 0.0005 } },
    clockSync: { algorithm: 'ntp', pollInterval: 16 },
  },
  'Multi-Paxos (5 replicas, leases, 1 command/s)': {
    version: 1,
    seed: 3,
    duration: DURATION,
    nodes: ids.map((id, i) => ({ id, clock: { skewPpm: i * 20 - 40, wanderPpm: 0.01 } })),
    network: { latency: { base: 0.002, jitter: 0.0005 } },
    consensus: { algorithm: 'multi-paxos', lease: { duration: 2, driftBoundPpm: 200 } },
    workload: Array.from({ length: DURATION - 1 }, (_, k) => ({
      at: 0.5 + k,
      node: ids[k % 5],
      op: 'propose' as const,
      value: `v${k}`,
    })),
  },
}

export interface SeekFigure {
  scenario: string
  recordWallSeconds: number
  checkpoints: number
  checkpointMiB: number
  seeks: number
  seekMedianMs: number
  seekMaxMs: number
  commandMedianMs: number
  commandMaxMs: number
  /** CPU time of the whole command (steadier than wall time on a shared machine) */
  commandCpuMedianMs: number
  commandCpuMaxMs: number
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function benchSeek(name: string, scenario: ScenarioInput, seeks = 200): SeekFigure {
  const out: WorkerMessage[] = []
  // the latest timeline message, kept apart: `out` is cleared while recording
  let info: TimelineInfo | null = null
  const post = (m: WorkerMessage) => {
    if (m.type === 'timeline') info = m
    out.push(m)
  }
  const host = createHost({ post, wallMs: () => performance.now() })
  host.handle({ type: 'load', scenario, source: { kind: 'file', name } })
  host.handle({ type: 'setSpeed', speed: 1000 })
  host.handle({ type: 'play' })
  const t0 = performance.now()
  let now = 0
  while (now < DURATION) {
    host.tick()
    const f = out.findLast((m) => m.type === 'frame')
    now = f && f.type === 'frame' ? f.now : 0
    if (out.length > 10_000) out.length = 0
  }
  host.handle({ type: 'pause' })
  const recordWallSeconds = (performance.now() - t0) / 1000
  const recorded = info as TimelineInfo | null
  if (!recorded) throw new Error(`${name}: the recording sent no timeline`)

  // Deterministic pseudo-random targets (a small LCG): the same figures' inputs every run.
  let x = 12345
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32) * DURATION
  const seekMs: number[] = []
  const commandMs: number[] = []
  const cpuMs: number[] = []
  for (let i = 0; i < seeks; i++) {
    out.length = 0
    const w0 = performance.now()
    const c0 = process.cpuUsage()
    host.handle({ type: 'seek', to: rand() })
    // a long seek runs in slices between the worker's messages: tick until it has answered
    // (the worker's event loop does the same, with other commands in between)
    const answered = () => out.some((m) => m.type === 'seekEnd' || m.type === 'commandError')
    while (!answered()) host.tick()
    const c = process.cpuUsage(c0)
    commandMs.push(performance.now() - w0)
    cpuMs.push((c.user + c.system) / 1000)
    const done = out.find((m) => m.type === 'seeked')
    if (!done || done.type !== 'seeked') throw new Error(`a seek in ${name} did not finish`)
    seekMs.push(done.ms)
  }
  return {
    scenario: name,
    recordWallSeconds,
    checkpoints: recorded.checkpoints.length,
    checkpointMiB: estimateMiB(scenario, recorded.checkpoints),
    seeks,
    seekMedianMs: median(seekMs),
    seekMaxMs: Math.max(...seekMs),
    commandMedianMs: median(commandMs),
    commandMaxMs: Math.max(...commandMs),
    commandCpuMedianMs: median(cpuMs),
    commandCpuMaxMs: Math.max(...cpuMs),
  }
}

/**
 * Size of the checkpoints by the budget's own estimate (JSON length), from the same run replayed
 * once through the engine and measured at each checkpoint time.
 */
function estimateMiB(scenario: ScenarioInput, times: number[]): number {
  const parsed = parseScenario(scenario)
  if (!parsed.ok) throw new Error(parsed.error)
  const sim = createSimulation(parsed.scenario)
  let bytes = 0
  for (const t of times) {
    sim.runUntil(t)
    bytes += approxBytes(sim.snapshot())
  }
  return bytes / 2 ** 20
}

export function printSeekBench(): SeekFigure[] {
  const figures: SeekFigure[] = []
  for (const [name, scenario] of Object.entries(seekScenarios)) {
    const f = benchSeek(name, scenario)
    figures.push(f)
    console.log(`  ${name}`)
    console.log(
      `    recorded 600 s in ${f.recordWallSeconds.toFixed(1)} s wall; ${f.checkpoints} checkpoints (≈ ${f.checkpointMiB.toFixed(1)} MiB JSON)`,
    )
    console.log(
      `    seek (restore + re-run):     median ${f.seekMedianMs.toFixed(1)} ms, max ${f.seekMaxMs.toFixed(1)} ms over ${f.seeks} random targets`,
    )
    console.log(
      `    whole command (+ frame + diagram window): median ${f.commandMedianMs.toFixed(1)} ms, max ${f.commandMaxMs.toFixed(1)} ms wall;` +
        ` median ${f.commandCpuMedianMs.toFixed(1)} ms, max ${f.commandCpuMaxMs.toFixed(1)} ms CPU`,
    )
  }
  return figures
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('Seeking in a recorded 10-minute run of 5 nodes (target: under 100 ms)')
  printSeekBench()
}
