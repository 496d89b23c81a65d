import type { ScenarioInput } from '../../engine'
import type { LoggedInput } from '../../worker/inputLog'
import type { LoadCommand, RunSource } from '../../worker/wire'

/**
 * The commit-wait toggle's scenario change. Commit-wait needs TrueTime timestamps; a scenario
 * that had none gets ε from its clock sync ('auto') or, without one, DEFAULT_EPSILON — larger
 * than the quick clock step (100 ms) the node menu offers, so a stepped clock stays covered.
 */
export const DEFAULT_EPSILON = 0.15

export function withCommitWait(scenario: ScenarioInput, on: boolean): ScenarioInput {
  const tx = scenario.transactions
  if (!tx) return scenario
  if (!on) return { ...scenario, transactions: { ...tx, commitWait: false } }
  const epsilon =
    tx.timestamps === 'truetime' && tx.epsilon !== undefined
      ? tx.epsilon
      : scenario.clockSync
        ? 'auto'
        : DEFAULT_EPSILON
  return {
    ...scenario,
    transactions: { ...tx, timestamps: 'truetime', epsilon, commitWait: true },
  }
}

/**
 * The load that restarts the run with commit-wait flipped: the scenario as loaded, changed, with
 * the live inputs made so far replayed up to the present moment.
 */
export function commitWaitLoad(
  reply: { base: ScenarioInput; inputs: LoggedInput[]; now: number; source: RunSource },
  on: boolean,
): LoadCommand {
  return {
    type: 'load',
    scenario: withCommitWait(reply.base, on),
    source: reply.source,
    replay: { inputs: reply.inputs.filter((x) => x.at <= reply.now), until: reply.now },
  }
}
