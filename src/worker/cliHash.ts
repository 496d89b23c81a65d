/** Test helper: what the CLI prints, to compare the worker's runs with (unit and e2e tests). */
import { createSimulation, parseScenario, runAndSummarize } from '../engine'

/** The summary the CLI prints for `--duration T` (tests compare the worker's runs with it). */
export function cliRun(scenario: unknown, duration: number) {
  const parsed = parseScenario({ ...(scenario as object), duration })
  if (!parsed.ok) throw new Error(parsed.error)
  return runAndSummarize(createSimulation(parsed.scenario), duration)
}

/** What the CLI prints as traceHash for `--duration T`. */
export const cliHash = (scenario: unknown, duration: number): string =>
  cliRun(scenario, duration).traceHash
