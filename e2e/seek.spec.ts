import { expect, test, type Page } from '@playwright/test'
import { encodeShare } from '../src/engine/scenario/shareCodec'
import { cliHash, presetScenario, runInfo, simTime, traceHash } from './perturb-helpers'
import { openView } from './views'

/**
 * Long seeks run in slices (src/worker/slices.ts): progress shows, Cancel stops where the run got
 * to, a preset chosen meanwhile loads at once, and the trace is the CLI's either way. A worker
 * that stops answering is reported and can be replaced (src/ui/sim/client.ts watchdog).
 */
test.use({ viewport: { width: 1366, height: 768 } })

const paxos = presetScenario('multi-paxos-5')
const link = (t: number) => `/?lang=en#s=${encodeShare(paxos, t)}`

const progress = (page: Page) => page.getByTestId('seek-progress')
const reached = async (page: Page) => Number(await progress(page).getAttribute('data-at'))

test('a link at t = 999 999 shows progress; Cancel stops there, paused, with the CLI trace hash', async ({
  page,
}, testInfo) => {
  await page.goto(link(999_999))
  await expect(progress(page)).toBeVisible({ timeout: 15_000 })
  await expect(progress(page)).toHaveAttribute('data-to', '999999')
  const bar = page.getByRole('progressbar', { name: 'Simulated time reached' })
  await expect(bar).toBeVisible()
  const first = await reached(page)
  await expect.poll(() => reached(page)).toBeGreaterThan(first)
  await page.screenshot({ path: testInfo.outputPath('seek-progress-en.png') })

  await page.getByTestId('seek-cancel').click()
  const cancelled = page.getByTestId('seek-cancelled')
  await expect(cancelled).toBeVisible()
  await expect(progress(page)).toHaveCount(0)
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false')
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false')
  const T = await simTime(page)
  expect(T).toBeGreaterThanOrEqual(first)
  expect(T).toBeLessThan(999_999)
  await expect(cancelled).toContainText(`Stopped at ${T.toFixed(6)} s instead of 999999.000000 s`)
  // the link's "opened at t" notice would be wrong now
  await expect(page.getByTestId('run-notice')).toHaveCount(0)
  expect(await traceHash(page)).toBe(cliHash(paxos, T))
  await page.screenshot({ path: testInfo.outputPath('seek-cancelled-en.png') })
  // and it plays on from there
  await page.getByTestId('play-pause').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(T)
})

test('a cancelled replay keeps the interventions it had not reached: undo far into a run', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.goto(link(5000))
  await expect.poll(() => simTime(page), { timeout: 60_000 }).toBe(5000)
  await openView(page, 'interventions', true)
  const entries = page.getByTestId('intervention')
  // two crashes at t = 5 000 (a link opens paused), then undo the second: the run is re-made
  // from time 0 with the first, a replay long enough to show progress
  await page.getByTestId('node-n2').click()
  await page.getByTestId('node-n3').click()
  await expect(entries).toHaveCount(2)
  await page.getByTestId('undo').click()
  await expect(progress(page)).toBeVisible({ timeout: 15_000 })
  await page.getByTestId('seek-cancel').click()
  await expect(page.getByTestId('seek-cancelled')).toBeVisible()
  const T = await simTime(page)
  expect(T).toBeLessThan(5000)
  expect(await traceHash(page)).toBe(cliHash(paxos, T))
  // the crash it had not reached is still in the list, ahead of the run, to apply when it plays on
  await expect(entries).toHaveCount(1)
  await expect(entries).toHaveAttribute('data-at', '5000')
  await expect(page.getByTestId('node-n2')).toHaveAttribute('data-status', 'up')
})

test('choosing a preset during a long seek abandons the seek and loads the preset', async ({
  page,
}) => {
  await page.goto(link(999_999))
  await expect(progress(page)).toBeVisible({ timeout: 15_000 })
  await page.getByTestId('scenario-picker').selectOption('cristian-lan')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await expect(progress(page)).toHaveCount(0)
  await expect(page.getByTestId('seek-cancelled')).toHaveCount(0)
  await expect(runInfo(page)).toHaveAttribute('data-sim-time', '0')
})

test('a link at a moderate time lands on the CLI trace hash (sliced or not: slices never change a run)', async ({
  page,
}) => {
  const T = 3000
  await page.goto(link(T))
  await expect(runInfo(page)).toHaveAttribute('data-sim-time', String(T), { timeout: 60_000 })
  await expect(progress(page)).toHaveCount(0)
  expect(await traceHash(page)).toBe(cliHash(paxos, T))
})

test('a worker that stops answering is reported; a restart resumes the run without what hung it', async ({
  page,
}, testInfo) => {
  await page.goto('/?lang=en')
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(3)
  await page.getByTestId('play-pause').click()
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false')
  const T = await simTime(page)
  const hash = await traceHash(page)
  await page.evaluate(() => window.__driftlab!.hangWorker())
  const stalled = page.getByTestId('worker-stalled')
  await expect(stalled).toBeVisible({ timeout: 15_000 })
  await expect(stalled).toContainText('has not answered for 5 s while running')
  await expect(stalled).toContainText(`last seen at ${T.toFixed(6)} s`)
  await page.screenshot({ path: testInfo.outputPath('worker-stalled-en.png') })
  await page.getByTestId('worker-restart').click()
  await expect(stalled).toHaveCount(0)
  await expect(runInfo(page)).toHaveAttribute('data-sim-time', String(T))
  await expect(runInfo(page)).toHaveAttribute('data-trace-hash', hash!)
  await page.getByTestId('play-pause').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(T)
})
