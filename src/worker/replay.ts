import type { LiveInput, Simulation } from '../engine'
import type { LoggedInput } from './inputLog'

/**
 * Re-make live inputs on a fresh simulation at the simulated times they were first made, then
 * run to `until`. Each input goes in with `runUntil(at)` + `inject`, which is exactly where the
 * engine puts a scheduled input of the same time (after every event at that instant, after the
 * scenario's own entries): the trace hash equals a fresh run of the scenario with the inputs
 * folded in (`scenarioWithInputs`), while the inputs stay live — listed, removable, exported.
 *
 * Returns why the inputs cannot be replayed (the caller then keeps its current run), or null.
 */
export function replayInputs(
  sim: Simulation,
  inputs: readonly LoggedInput[],
  until: number,
  refuse: (sim: Simulation, input: LiveInput) => string | null,
): string | null {
  if (!Number.isFinite(until) || until < 0) return 'time: must be a non-negative number'
  let last = 0
  for (let i = 0; i < inputs.length; i++) {
    const { at, ...input } = inputs[i]
    if (typeof at !== 'number' || !Number.isFinite(at) || at < last || at > until)
      return `inputs[${i}].at: must be a time between the previous input and ${until}`
    last = at
    sim.runUntil(at)
    const why = refuse(sim, input as LiveInput)
    if (why) return `inputs[${i}]: ${why}`
    sim.inject(input as LiveInput)
  }
  sim.runUntil(until)
  return null
}
