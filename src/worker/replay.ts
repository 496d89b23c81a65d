import type { LiveInput, Simulation } from '../engine'
import type { LoggedInput } from './inputLog'
import { runAll, runTo, type Sliced } from './slices'

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
  return runAll(replaySliced(sim, inputs, until, refuse, (t) => runTo(sim, t, () => 0)))
}

/**
 * `replayInputs` with the running done by `runTo` (the worker's: sliced, with checkpoints on the
 * way, timeline.ts). The list is checked before anything runs, so a bad list fails at once.
 * Stopped part way (a cancelled replay), the inputs not reached yet stay in the run, ahead of
 * where it stands, as after a rewind: playing on applies them where they were made.
 */
export function* replaySliced(
  sim: Simulation,
  inputs: readonly LoggedInput[],
  until: number,
  refuse: (sim: Simulation, input: LiveInput) => string | null,
  runTo: (t: number) => Sliced<unknown>,
): Sliced<string | null> {
  if (!Number.isFinite(until) || until < 0) return 'time: must be a non-negative number'
  let last = 0
  for (let i = 0; i < inputs.length; i++) {
    const at = inputs[i].at
    if (typeof at !== 'number' || !Number.isFinite(at) || at < last || at > until)
      return `inputs[${i}].at: must be a time between the previous input and ${until}`
    last = at
  }
  const live = inputs.map(({ at: _at, ...input }) => input as LiveInput)
  for (let i = 0; i < live.length; i++) {
    const why = refuse(sim, live[i])
    if (why) return `inputs[${i}]: ${why}`
  }
  let next = 0
  try {
    for (; next < live.length; next++) {
      yield* runTo(inputs[next].at)
      sim.inject(live[next])
    }
    yield* runTo(until)
  } finally {
    for (let i = next; i < live.length; i++) sim.plan(live[i], inputs[i].at)
  }
  return null
}
