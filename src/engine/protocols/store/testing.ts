import { createSimulation, parseScenario, runAndSummarize } from '../../index'
import type { ScenarioInput } from '../../scenario/schema'
import type { summarizeTransactions } from '../../checkers/transactions/observer'

/** Two shards of three replicas (x on shard 0, y and z on shard 1) and two client nodes. */
type TransactionsInput = NonNullable<ScenarioInput['transactions']>

export function storeScenario(
  over: Omit<Partial<ScenarioInput>, 'transactions'> & {
    transactions?: Partial<TransactionsInput>
  },
): ScenarioInput {
  const { transactions, ...rest } = over
  return {
    version: 1,
    seed: 1,
    duration: 10,
    nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'c1', 'c2'].map((id) => ({ id })),
    ...rest,
    transactions: {
      shards: [
        ['n1', 'n2', 'n3'],
        ['n4', 'n5', 'n6'],
      ],
      keys: { x: 0, y: 1, z: 1 },
      timestamps: 'truetime',
      epsilon: 0.01,
      ...transactions,
    },
  }
}

export type TxnSummary = ReturnType<typeof summarizeTransactions>

/** Run a store scenario to its duration; the CLI summary's `transactions` and the trace hash. */
export function runStore(input: ScenarioInput): { tx: TxnSummary; traceHash: string } {
  const parsed = parseScenario(input)
  if (!parsed.ok) throw new Error(parsed.error)
  const sim = createSimulation(parsed.scenario)
  const summary = runAndSummarize(sim, parsed.scenario.duration)
  return { tx: summary.transactions as TxnSummary, traceHash: summary.traceHash }
}
