/**
 * The transactional store (`npx tsx bench/transactions.ts`): a 3-shard × 3-replica store with
 * three coordinators. Prints committed transactions per wall-clock second (the whole simulation:
 * Multi-Paxos for every prepare and decision, the checkers included) and commit-wait's mean
 * cost against ε — Spanner's expectation is about 2ε less the prepare round. Figures, not
 * assertions.
 */
import { pathToFileURL } from 'node:url'
import { createSimulation, parseScenario, runAndSummarize, type ScenarioInput } from '../src/engine'

interface TxnSummary {
  committed: number
  aborted: number
  commitWait: { mean: number; max: number }
}

const REPLICAS = ['a', 'b', 'd'].flatMap((s) => [1, 2, 3].map((i) => `${s}${i}`))
const COORDINATORS = ['c1', 'c2', 'c3']

/** `count` transactions at `rate` per simulated second, each reading one key and writing two of `keys`. */
function storeScenario(
  count: number,
  rate: number,
  keys: number,
  transactions: object,
): ScenarioInput {
  let x = 12345 // a fixed LCG: the same workload every run
  const next = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x % n
  }
  const key = () => `k${next(keys)}`
  return {
    version: 1,
    seed: 1,
    duration: 1 + count / rate + 2,
    nodes: [...REPLICAS, ...COORDINATORS].map((id) => ({ id })),
    network: { latency: { base: 0.0005, jitter: 0.0001 } },
    transactions: {
      shards: [REPLICAS.slice(0, 3), REPLICAS.slice(3, 6), REPLICAS.slice(6, 9)],
      ...transactions,
    },
    workload: Array.from({ length: count }, (_, i) => ({
      at: 1 + i / rate,
      node: COORDINATORS[i % 3],
      op: 'txn' as const,
      id: `t${i}`,
      reads: [key()],
      writes: { [key()]: String(i), [key()]: String(i) },
    })),
  } as ScenarioInput
}

function run(input: ScenarioInput) {
  const parsed = parseScenario(input)
  if (!parsed.ok) throw new Error(parsed.error)
  const t0 = performance.now()
  const summary = runAndSummarize(createSimulation(parsed.scenario), parsed.scenario.duration)
  const wallSeconds = (performance.now() - t0) / 1000
  return { tx: summary.transactions as TxnSummary, wallSeconds, events: summary.events }
}

function benchTransactions() {
  const count = 3000
  const t = run(storeScenario(count, 300, 3000, { timestamps: 'hlc' }))
  const eps = 0.01
  const cw = run(
    storeScenario(200, 20, 3000, { timestamps: 'truetime', epsilon: eps, commitWait: true }),
  )
  return {
    shards: 3,
    replicas: 3,
    transactions: count,
    committed: t.tx.committed,
    aborted: t.tx.aborted,
    wallSeconds: t.wallSeconds,
    committedPerWallSecond: t.tx.committed / t.wallSeconds,
    eventsPerSecond: t.events / t.wallSeconds,
    commitWait: {
      epsilon: eps,
      mean: cw.tx.commitWait.mean,
      meanOverEpsilon: cw.tx.commitWait.mean / eps,
    },
  }
}

export function printTransactionsBench() {
  const f = benchTransactions()
  console.log(
    `  ${Math.round(f.committedPerWallSecond)} committed transactions per wall-clock second ` +
      `(${f.committed} of ${f.transactions} committed, ${f.aborted} aborted on conflicts; ${(f.eventsPerSecond / 1e6).toFixed(2)} M events/s)`,
  )
  console.log(
    `  commit-wait: mean ${(f.commitWait.mean * 1e3).toFixed(2)} ms with ε = ${f.commitWait.epsilon * 1e3} ms ` +
      `= ${f.commitWait.meanOverEpsilon.toFixed(2)} ε (expected between 1.5 ε and 2.5 ε)`,
  )
  return f
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printTransactionsBench()
