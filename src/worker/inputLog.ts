import type { LiveInput, ScenarioInput } from '../engine'

/** A live input with the simulated time it applied at (docs/scenario-format.md: replaying the log reproduces the run). */
export type LoggedInput = LiveInput & { at: number }

type FaultEntry = NonNullable<ScenarioInput['faults']>[number]
type WorkloadEntry = NonNullable<ScenarioInput['workload']>[number]

/**
 * The scenario with the live inputs folded in: faults as `faults` entries with `at`, client
 * operations as `workload` entries. Appended after the scheduled entries, so at equal times a
 * scheduled entry (already applied when the live one arrived) still comes first.
 *
 * `exact` is false when the file cannot express the live order: the engine applies every fault
 * due at an instant before any workload entry due then, so a fault that followed a client
 * operation at the very same simulated time would replay before it.
 */
export function scenarioWithInputs(
  scenario: ScenarioInput,
  log: readonly LoggedInput[],
): { scenario: ScenarioInput; exact: boolean } {
  const faults: FaultEntry[] = [...(scenario.faults ?? [])]
  const workload: WorkloadEntry[] = [...(scenario.workload ?? [])]
  const clientTimes = new Set(workload.map((w) => w.at))
  let exact = true
  for (const input of log) {
    if ('fault' in input) {
      if (clientTimes.has(input.at)) exact = false
      faults.push({ at: input.at, ...input.fault })
    } else {
      const { node, op } = input.client
      clientTimes.add(input.at)
      workload.push(
        op.op === 'propose'
          ? { at: input.at, node, op: 'propose', value: op.value }
          : { at: input.at, node, op: 'read' },
      )
    }
  }
  const out: ScenarioInput = { ...scenario }
  if (faults.length > 0) out.faults = faults
  if (workload.length > 0) out.workload = workload
  return { scenario: out, exact }
}
