import { expect, type Page } from '@playwright/test'
import type { ScenarioInput, TimedIntervention } from '../src/engine'
import { presets } from '../src/engine/scenario/presets'

/** Shared by perturb.spec.ts and share.spec.ts. */
export const presetScenario = (id: string): ScenarioInput =>
  structuredClone(presets.find((p) => p.id === id)!.scenario)

export const runInfo = (page: Page) => page.getByTestId('run-info')
export const simTime = async (page: Page) =>
  Number(await runInfo(page).getAttribute('data-sim-time'))
export const traceHash = (page: Page) => runInfo(page).getAttribute('data-trace-hash')
export const dropped = async (page: Page) =>
  Number(await page.getByTestId('dropped-count').getAttribute('data-count'))

export async function pause(page: Page) {
  const button = page.getByTestId('play-pause')
  if ((await button.getAttribute('aria-pressed')) === 'true') await button.click()
  await expect(button).toHaveAttribute('aria-pressed', 'false')
  // the worker's answer to the pause: a frame that says it is not running
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false')
}

/** Play until the simulated time passes `t`, then pause there. */
export async function playUntil(page: Page, t: number) {
  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => simTime(page), { timeout: 30_000 }).toBeGreaterThan(t)
  await pause(page)
}

/** About 10× real time (the speed slider is logarithmic over 0.01…1000). */
export async function fast(page: Page) {
  await page.getByTestId('speed').fill('300')
}

export { cliHash, cliRun } from '../src/worker/cliHash'
import { cliHash } from '../src/worker/cliHash'

/** The CLI's trace hash for the default preset (cristian-lan) with these interventions, run to T. */
export const defaultRunHash = (faults: TimedIntervention[], T: number): string =>
  cliHash({ ...presetScenario('cristian-lan'), faults }, T)
