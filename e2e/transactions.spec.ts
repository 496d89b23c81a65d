import { expect, test, type Page } from '@playwright/test'
import type { ScenarioInput } from '../src/engine'
import { withCommitWait } from '../src/ui/transactions/commitWait'
import { scenarioWithInputs, type LoggedInput } from '../src/worker/inputLog'
import {
  cliHash,
  cliRun,
  pause,
  playUntil,
  presetScenario,
  runInfo,
  simTime,
} from './perturb-helpers'
import { openView } from './views'

/** The transactions view on its presets and live (docs/transactions.md, "In the browser"). */

/** The app at 1366×768 in English; the page errors it will collect. */
async function openApp(page: Page): Promise<string[]> {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  return errors
}

test('a transactions preset runs with no page error and marks its anomaly on the row', async ({
  page,
}, testInfo) => {
  const errors = await openApp(page)
  await page.getByTestId('scenario-picker').selectOption('txn-skewed-clocks')
  await expect(page.getByTestId('node-c2')).toBeVisible()
  await openView(page, 'transactions')
  await page.getByTestId('speed').fill('300')
  await expect.poll(() => simTime(page), { timeout: 30_000 }).toBeGreaterThan(2.2)
  await pause(page)
  await expect(page.getByTestId('txn-view')).toBeVisible()
  await expect(page.getByTestId('txn-row-t2')).toHaveAttribute('data-outcome', 'committed')
  await expect(page.getByTestId('txn-row-t2')).toHaveAttribute(
    'data-anomaly',
    'external-consistency',
  )
  await expect(page.getByTestId('txn-row-t1')).toHaveAttribute('data-anomaly', '')
  await page.screenshot({ path: testInfo.outputPath('transactions-en.png') })
  await page.getByTestId('lang-switch').click()
  await page.screenshot({ path: testInfo.outputPath('transactions-zh.png') })
  expect(await runInfo(page).getAttribute('data-trace-hash')).toBeTruthy()
  expect(errors).toEqual([])
})

/** txn-skewed-clocks with c2's clock true: no anomaly until a live skew change makes one. */
function trueClocks(): ScenarioInput {
  const scenario = presetScenario('txn-skewed-clocks')
  scenario.nodes = scenario.nodes.map((n) => (n.id === 'c2' ? { id: 'c2' } : n))
  return scenario
}

/** A violation as the CLI summary's `transactions.violations` lists it (docs/cli.md). */
interface Violation {
  invariant: string
  at: number
  detail: string
}

const anomalies = (page: Page) =>
  page.locator('[data-testid^="txn-row-"]:not([data-anomaly=""])').count()

test('a skew change brings external-consistency anomalies, commit-wait stops them; hashes equal the CLI', async ({
  page,
}, testInfo) => {
  const errors = await openApp(page)
  const base = trueClocks()
  await page.getByTestId('scenario-import').setInputFiles({
    name: 'txn-true-clocks.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(base)),
  })
  await expect(page.getByTestId('node-c2')).toBeVisible()
  await openView(page, 'transactions')
  // real time, no skipping: the pauses land close to the times asked for
  await page.getByTestId('speed').fill('200')
  await page.getByRole('checkbox', { name: 'Skip quiet periods' }).uncheck()
  await pause(page)

  // true clocks: transactions commit in timestamp order
  await playUntil(page, 2.5)
  await expect(page.getByTestId('txn-row-t4')).toHaveAttribute('data-outcome', 'committed')
  expect(await anomalies(page)).toBe(0)
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-violations', '0')

  // c2's clock now runs 2 % slow: by t8 (2.5 s later) it is 50 ms behind, more than a commit takes
  const skewAt = await simTime(page)
  await page.getByTestId('node-c2').click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Set drift…' }).click()
  await page.getByTestId('node-ask-value').fill('-20000')
  await page.keyboard.press('Enter')
  await playUntil(page, skewAt + 3.5)
  // what the CLI finds for the same inputs up to the same moment, row by row and in total
  const inputs: LoggedInput[] = [
    { at: skewAt, fault: { type: 'setSkew', node: 'c2', ppm: -20000 } },
  ]
  const T1 = await simTime(page)
  const cli = cliRun(scenarioWithInputs(base, inputs).scenario, T1)
  const found = (cli.transactions as { violations: Violation[] }).violations
  expect(found.length).toBeGreaterThan(0)
  expect(found.every((v) => v.invariant === 'external-consistency' && v.at > skewAt)).toBe(true)
  await expect.poll(() => anomalies(page)).toBe(found.length)
  // each is the later of two transactions, named first in the checker's detail
  for (const v of found)
    await expect(page.getByTestId(`txn-row-${v.detail.split(' ')[0]}`)).toHaveAttribute(
      'data-anomaly',
      'external-consistency',
    )
  // the violations are marked on the timeline too
  await expect(page.getByTestId('timeline')).toHaveAttribute(
    'data-violations',
    String(found.length),
  )
  await expect(runInfo(page)).toHaveAttribute('data-trace-hash', cli.traceHash)
  await page.screenshot({ path: testInfo.outputPath('skew-anomalies.png') })

  // commit-wait (TrueTime, ε = 150 ms > c2's error): the run restarts with the skew change replayed
  const toggle = page.getByTestId('txn-commitwait-toggle')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => simTime(page)).toBe(T1)
  expect(await anomalies(page)).toBe(0)
  await playUntil(page, 8.8)
  await expect(page.getByTestId('txn-row-t16')).toHaveAttribute('data-outcome', 'committed')
  expect(await anomalies(page)).toBe(0)
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-violations', '0')
  const T2 = await simTime(page)
  await expect(runInfo(page)).toHaveAttribute(
    'data-trace-hash',
    cliHash(scenarioWithInputs(withCommitWait(base, true), inputs).scenario, T2),
  )
  await page.screenshot({ path: testInfo.outputPath('commit-wait.png') })
  expect(errors).toEqual([])
})

test('a lesson step that shows the transactions view draws its rows on every visit, not only the first', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  // The view's chart is measured once it appears; it used to be measured only if it was there
  // when the view mounted, so a second visit (chunk cached, run not yet loaded) drew no row.
  for (const step of [4, 3, 4, 4]) {
    await page.goto(`/?lang=en&lesson=atomic-commit&step=${step}`)
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(step))
    await expect(page.getByTestId('txn-row-t1')).toHaveAttribute(
      'data-outcome',
      step === 4 ? 'blocked' : 'pending',
    )
  }
})
