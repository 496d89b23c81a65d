import { expect, test, type Page } from '@playwright/test'
import { countReactCommits } from './reactCommits'
import { openView } from './views'
import { drawOnPage, screenPixels } from './screenPixels'

/**
 * Clock synchronisation views: charts, readouts, the node inspector and live perturbation.
 * Runs go at the top speed and every wait is a poll on simulated quantities exposed in the DOM
 * (never on wall-clock timing).
 */

const simTime = async (page: Page) =>
  Number(await page.getByTestId('run-info').getAttribute('data-sim-time'))
const offsetOf = async (page: Page, id: string) =>
  Number(await page.getByTestId(`node-${id}`).getAttribute('data-offset'))
/** The oscillator's frequency error the clock table shows: the skew set plus random-walk wander. */
const skewOf = async (page: Page, id: string) =>
  Number(await page.getByTestId(`clock-row-${id}`).getAttribute('data-skew'))
/** Within the few ppm the presets' wander adds over an hour. */
const WANDER = 3

/** Open a preset at full speed; `node` is one of its nodes (to know the run has changed). */
async function openPreset(page: Page, id: string, node = 's3') {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await page.getByTestId('scenario-picker').selectOption(id)
  await expect(page.getByTestId(`node-${node}`)).toBeVisible()
  await page.getByTestId('speed').fill('500') // the top of the slider: 1000×
}

/** Wait until NTP has the client synchronised (SYNC, within 2 ms). */
async function waitForSync(page: Page, id: string) {
  await page.getByTestId('inspect-node').selectOption(id)
  await expect(page.getByTestId('ntp-discipline')).toHaveAttribute('data-state', 'SYNC', {
    timeout: 60_000,
  })
  await expect
    .poll(async () => Math.abs(await offsetOf(page, id)), { timeout: 60_000 })
    .toBeLessThan(2e-3)
}

test('a drift change makes the offset diverge, and NTP brings it back', async ({ page }) => {
  await openPreset(page, 'ntp-lan')
  await waitForSync(page, 'c1')
  // the inspector (to change the drift) with the clock table (to read it) beside it
  await openView(page, 'inspector')
  await openView(page, 'clocks', true)
  const row = page.getByTestId('clock-row-c1')
  await expect.poll(async () => Math.abs((await skewOf(page, 'c1')) - 60)).toBeLessThan(WANDER)

  // +100 ppm more drift than the frequency correction NTP has learnt
  await page.getByTestId('drift-input').fill('160')
  await page.getByTestId('drift-apply').click()
  await expect.poll(async () => Math.abs((await skewOf(page, 'c1')) - 160)).toBeLessThan(WANDER)
  const changedAt = await simTime(page)

  // the offset runs away at first…
  await expect
    .poll(async () => Math.abs(await offsetOf(page, 'c1')), { timeout: 60_000 })
    .toBeGreaterThan(20e-3)
  // …the chart sees it too (its newest sample of c1 is far from zero)…
  await openView(page, 'offsetChart', true)
  await expect
    .poll(async () =>
      Math.abs(Number(await page.getByTestId('offset-chart-line-c1').getAttribute('data-last'))),
    )
    .toBeGreaterThan(10e-3)
  // …and NTP's frequency correction follows the new drift and pulls it back
  await expect
    .poll(async () => Math.abs(await offsetOf(page, 'c1')), { timeout: 90_000 })
    .toBeLessThan(15e-3)
  expect(await simTime(page)).toBeGreaterThan(changedAt)
  await openView(page, 'clocks', true)
  await expect
    .poll(async () => Number(await row.getAttribute('data-correction')), { timeout: 60_000 })
    .toBeLessThan(-100)
})

test('a server made a falseticker is voted out in the clients’ peers table', async ({ page }) => {
  await openPreset(page, 'ntp-lan')
  await waitForSync(page, 'c1')
  await expect(page.getByTestId('peer-s2')).toHaveAttribute('data-status', /candidate|selected/)

  await page.getByTestId('inspect-node').selectOption('s2')
  await page.getByTestId('lie-input').fill('300')
  await page.getByTestId('lie-apply').click()
  await expect(page.getByTestId('lie-current')).toHaveAttribute('data-value', '0.3')

  await page.getByTestId('inspect-node').selectOption('c1')
  const s2 = page.getByTestId('peer-s2')
  await expect(s2).toHaveAttribute('data-status', 'falseticker', { timeout: 60_000 })
  await expect(s2).toContainText('falseticker')
  await expect(page.getByTestId('peer-s1')).toHaveAttribute('data-status', /candidate|selected/)
  // the liar does not drag the client along
  expect(Math.abs(await offsetOf(page, 'c1'))).toBeLessThan(5e-3)

  // honest again: back among the truechimers
  await page.getByTestId('inspect-node').selectOption('s2')
  await page.getByTestId('lie-end').click()
  await expect(page.getByTestId('lie-current')).toHaveAttribute('data-value', '0')
  await page.getByTestId('inspect-node').selectOption('c1')
  await expect(page.getByTestId('peer-s2')).toHaveAttribute('data-status', /candidate|selected/, {
    timeout: 90_000,
  })
})

test('out-of-range drift is refused with a message and changes nothing', async ({ page }) => {
  await openPreset(page, 'ntp-lan')
  await openView(page, 'inspector')
  await openView(page, 'clocks', true)
  await page.getByTestId('inspect-node').selectOption('c2')
  await expect.poll(async () => Math.abs((await skewOf(page, 'c2')) + 40)).toBeLessThan(WANDER)

  await page.getByTestId('drift-input').fill('250000')
  await page.getByTestId('drift-apply').click()
  const error = page.getByTestId('perturb-error')
  await expect(error).toContainText('between −100,000 and +100,000 ppm')
  await expect(error).toContainText('Nothing was changed')
  await page.getByTestId('drift-input').fill('fast')
  await page.getByTestId('drift-apply').click()
  await expect(error).toContainText('must be a number')

  const t0 = await simTime(page)
  await expect.poll(() => simTime(page)).toBeGreaterThan(t0 + 10)
  expect(Math.abs((await skewOf(page, 'c2')) + 40)).toBeLessThan(WANDER)
  await expect(page.getByTestId('error-banner')).toHaveCount(0)

  // a valid value clears the message and applies
  await page.getByTestId('drift-input').fill('-90')
  await page.getByTestId('drift-apply').click()
  await expect(error).toHaveCount(0)
  await expect.poll(async () => Math.abs((await skewOf(page, 'c2')) + 90)).toBeLessThan(WANDER)

  // the slider from the keyboard: one intervention when the key is released
  await page.getByTestId('drift-slider').focus()
  await page.keyboard.press('End')
  await expect.poll(async () => Math.abs((await skewOf(page, 'c2')) - 1000)).toBeLessThan(WANDER)
  await expect(page.getByTestId('drift-input')).toHaveValue(/^(999|1000)/)
})

test('the exchange diagram works θ and δ out from the T1–T4 it shows', async ({ page }) => {
  await openPreset(page, 'ntp-lan')
  await page.getByTestId('inspect-node').selectOption('c3')
  const diagram = page.getByTestId('ntp-exchange')
  await expect(diagram).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('run-info')).toHaveAttribute('data-running', 'false')
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false')

  const ts = await Promise.all(
    ['t1', 't2', 't3', 't4'].map(async (k) =>
      Number(await page.getByTestId(`exchange-${k}`).getAttribute('data-value')),
    ),
  )
  const [t1, t2, t3, t4] = ts
  for (const [k, v] of ['T1', 'T2', 'T3', 'T4'].map((k, i) => [k, ts[i]] as const))
    await expect(page.getByTestId(`exchange-${k.toLowerCase()}`)).toContainText(
      `${k}${v.toFixed(6)}`,
    )
  const theta = Number(await page.getByTestId('exchange-theta').getAttribute('data-value'))
  const delta = Number(await page.getByTestId('exchange-delta').getAttribute('data-value'))
  expect(theta).toBe((t2 - t1 + (t3 - t4)) / 2)
  expect(delta).toBe(t4 - t1 - (t3 - t2))
  await expect(page.getByTestId('exchange-theta')).toContainText('θ = ((T2 − T1) + (T3 − T4)) / 2')
  // a LAN round trip: fractions of a millisecond
  expect(delta).toBeGreaterThan(0)
  expect(delta).toBeLessThan(5e-3)
})

test('the charts zoom and pan with the wheel, the keyboard and the buttons', async ({ page }) => {
  await openPreset(page, 'ntp-lan')
  const chart = page.getByTestId('offset-chart')
  await chart.scrollIntoViewIfNeeded() // views off screen paint nothing
  await expect
    .poll(async () => Number(await chart.getAttribute('data-samples')))
    .toBeGreaterThan(200)
  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('run-info')).toHaveAttribute('data-running', 'false')
  const span = async () =>
    Number(await chart.getAttribute('data-x1')) - Number(await chart.getAttribute('data-x0'))
  // wait for the chart to paint the paused moment
  await chart.scrollIntoViewIfNeeded()
  const pausedAt = Number(await page.getByTestId('run-info').getAttribute('data-sim-time'))
  await expect.poll(async () => Number(await chart.getAttribute('data-now'))).toBe(pausedAt)
  // the whole history's window reaches past the present by at most a step (R10: 1.6 / 1.25 = 1.28)
  const x0 = Number(await chart.getAttribute('data-x0'))
  const x1 = Number(await chart.getAttribute('data-x1'))
  expect(x1).toBeGreaterThanOrEqual(pausedAt)
  expect(x1 - x0).toBeLessThanOrEqual((pausedAt - x0) * 1.28 + 0.5)
  const whole = await span()

  const box = (await chart.locator('.chart-zoom').boundingBox())!
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2)
  await page.mouse.wheel(0, -400)
  await expect.poll(span).toBeLessThan(whole * 0.8)
  await expect(page.getByTestId('chart-all')).toHaveAttribute('aria-pressed', 'false')
  // both charts show the same window
  const corr = page.getByTestId('correction-chart')
  expect(await corr.getAttribute('data-x0')).toBe(await chart.getAttribute('data-x0'))

  await page.getByTestId('chart-all').click()
  await expect.poll(span).toBeCloseTo(whole, 3)

  await page.locator('.chart-area').focus()
  await page.keyboard.press('+')
  await expect.poll(span).toBeCloseTo(whole / 2, 3)
  await page.keyboard.press('ArrowLeft')
  await expect
    .poll(async () => Number(await chart.getAttribute('data-x1')))
    .toBeLessThan(Number(await corr.getAttribute('data-x1')) + 1e-9)
  await page.keyboard.press('Home')
  await expect.poll(span).toBeCloseTo(whole, 3)
})

test('clicking a node still crashes it; the inspector is chosen from its own list', async ({
  page,
}) => {
  await openPreset(page, 'ntp-lan')
  await page.getByTestId('node-c2').click()
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')
  await expect(page.getByTestId('inspect-node')).toHaveValue('c1')
  await page.getByTestId('legend-node-c2').click()
  await expect(page.getByTestId('inspect-node')).toHaveValue('c2')
  await expect(page.getByTestId('inspector-status')).toHaveAttribute('data-status', 'crashed')
  // a crashed node's line breaks in the chart
  await expect
    .poll(async () => page.getByTestId('offset-chart-line-c2').getAttribute('data-last'))
    .toBe('NaN')
  await page.getByTestId('node-c2').click()
  await expect(page.getByTestId('inspector-status')).toHaveAttribute('data-status', 'up')
})

test('screenshots of the clock charts and the inspector, in English and in Chinese', async ({
  page,
}, testInfo) => {
  await openPreset(page, 'ntp-falsetickers')
  await page.getByTestId('inspect-node').selectOption('c1')
  await expect(page.getByTestId('peer-s5')).toHaveAttribute('data-status', 'falseticker', {
    timeout: 60_000,
  })
  await expect(page.getByTestId('ntp-discipline')).toHaveAttribute('data-state', 'SYNC', {
    timeout: 60_000,
  })
  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('run-info')).toHaveAttribute('data-running', 'false')
  const section = page.getByTestId('clock-section')
  await section.scrollIntoViewIfNeeded()
  await section.screenshot({ path: testInfo.outputPath('clock-en.png') })

  await page.getByTestId('lang-switch').click()
  await expect(page.getByTestId('peer-s5')).toContainText('虚假时钟源')
  await expect(section.getByRole('heading', { name: '时钟同步' })).toBeVisible()
  await section.screenshot({ path: testInfo.outputPath('clock-zh.png') })
})

test('Berkeley: precision becomes far better than accuracy, and the outlier is left out', async ({
  page,
}) => {
  await openPreset(page, 'berkeley-outlier', 'n4')
  // about real time: the first round (n4 still 1.5 s off) stays on screen for its 10 s poll
  await page.getByTestId('speed').fill('200')
  await page.getByTestId('reset').click()
  await page.getByTestId('inspect-node').selectOption('m')
  await expect(page.getByTestId('berkeley-role')).toHaveAttribute('data-master', 'true')
  await expect(page.getByTestId('berkeley-n4')).toHaveAttribute('data-status', 'outlier', {
    timeout: 20_000,
  })
  await expect(page.getByTestId('berkeley-n1')).toHaveAttribute('data-status', 'used')
  // n4 is moved to the average all the same
  await expect.poll(async () => Math.abs(await offsetOf(page, 'n4'))).toBeLessThan(0.1)
  await page.getByTestId('speed').fill('500')
  const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'))
  await expect.poll(() => value('clock-precision'), { timeout: 60_000 }).toBeLessThan(2e-3)
  // the average of the clocks that agree is ~17 ms from true time, and nothing pulls it back
  expect(await value('clock-accuracy')).toBeGreaterThan(5e-3)
  expect(await value('clock-accuracy')).toBeGreaterThan(4 * (await value('clock-precision')))
  await expect(page.locator('.quality-caption')).toContainText('Berkeley averages the clocks')
  // rounds later, the inspector still says which round left n4 out
  await expect(page.getByTestId('berkeley-n4')).toHaveAttribute('data-status', 'used')
  await expect(page.getByTestId('berkeley-outliers')).toHaveAttribute('data-round', '1')
  await expect(page.getByTestId('berkeley-outliers')).toContainText('left n4 out')
})

test('the naive formula is labelled a misconception, and its error doubles', async ({ page }) => {
  await page.goto('/?lang=zh')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await page.getByTestId('scenario-picker').selectOption('naive-misconception')
  const banner = page.getByTestId('naive-banner')
  await expect(banner).toContainText('常见误解')
  await expect(banner).toContainText('t ← t + Δt')
  await page.getByTestId('lang-switch').click()
  await expect(banner).toContainText('A common misconception')
  await expect(banner).toContainText('100.100')
  await expect(page.getByTestId('scenario-picker').locator('option:checked')).toContainText(
    'misconception',
  )
  await page.getByTestId('speed').fill('300')
  await openView(page, 'inspector')
  await openView(page, 'clocks', true)
  await page.getByTestId('inspect-node').selectOption('c1')
  await expect
    .poll(async () => Number(await page.getByTestId('naive-state').getAttribute('data-rounds')), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(3)
  // 50 ms fast at the start, doubled at least three times
  await expect.poll(async () => await offsetOf(page, 'c1')).toBeGreaterThan(0.05 * 2 ** 3 * 0.9)
  await expect(page.getByTestId('clock-row-c1')).toContainText('misconception')
})

test('NTP at full speed with the inspector open: charts are painted, React commits stay few', async ({
  page,
}) => {
  const commits = await countReactCommits(page)
  await openPreset(page, 'ntp-lan')
  await page.getByTestId('inspect-node').selectOption('c1')
  await page.getByTestId('clock-section').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('ntp-peers')).toBeVisible()
  const samples = async () =>
    Number(await page.getByTestId('offset-chart').getAttribute('data-samples'))
  const c0 = await commits()
  const n0 = await samples()
  const t0 = await simTime(page)
  await page.waitForTimeout(3000)
  expect(await simTime(page)).toBeGreaterThan(t0 + 100) // the run went on…
  expect(await samples()).toBeGreaterThan(n0) // …the chart kept drawing it…
  // …and React rendered only the inspector's few-times-a-second updates
  expect(await commits()).toBeLessThanOrEqual(c0 + 20)
})

test('a chart axis is redrawn only when its scale changes; the lines grow inside their window', async ({
  page,
}) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('offset-chart')).toBeVisible()
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(1)
  // for 90 display refreshes of the default run: which axis each paint touched, whether the
  // paint changed that axis's scale (`data-domain`), and how often the lines' right end
  // (`data-now`) and the window's (`data-x1`) moved
  const seen = await page.evaluate(
    () =>
      new Promise<{ paints: { axis: string; rescaled: boolean }[]; now: number; x1: number }>(
        (done) => {
          const figure = document.querySelector('[data-testid=offset-chart]')!
          const axes = [...figure.querySelectorAll('g.axis')]
          const paints: { axis: string; rescaled: boolean }[] = []
          const moved = { now: 0, x1: 0 }
          const watch = new MutationObserver((records) => {
            for (const r of records)
              if (
                r.target === figure &&
                (r.attributeName === 'data-now' || r.attributeName === 'data-x1')
              )
                moved[r.attributeName.slice(5) as 'now' | 'x1']++
            for (const g of axes) {
              const mine = records.filter((r) => g.contains(r.target))
              if (mine.length === 0) continue
              const rescaled = mine.some((r) => r.target === g && r.attributeName === 'data-domain')
              paints.push({ axis: g.classList.contains('axis-x') ? 'x' : 'y', rescaled })
            }
          })
          watch.observe(figure, {
            subtree: true,
            attributes: true,
            childList: true,
            characterData: true,
          })
          let n = 0
          const tick = () => {
            if (++n < 90) return void requestAnimationFrame(tick)
            watch.disconnect()
            done({ paints, ...moved })
          }
          requestAnimationFrame(tick)
        },
      ),
  )
  // the lines grew…
  expect(seen.now).toBeGreaterThan(0)
  // …inside a time window that moved less often than they did, and the time axis was redrawn
  // only when its window moved
  expect(seen.x1).toBeLessThan(seen.now)
  expect(seen.paints.filter((p) => p.axis === 'x').length).toBeLessThanOrEqual(seen.x1)
  // no axis was rewritten with the scale it already showed
  expect(seen.paints.filter((p) => !p.rescaled)).toEqual([])
})

test('ntpd vs chrony: two clients side by side, each running its own algorithm', async ({
  page,
}, testInfo) => {
  await openPreset(page, 'ntpd-vs-chrony', 'chronyd')
  await expect(page.getByTestId('clock-row-chronyd')).toContainText('chrony', { timeout: 60_000 })
  await expect(page.getByTestId('clock-row-ntpd')).toContainText('SYNC', { timeout: 60_000 })
  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('run-info')).toHaveAttribute('data-running', 'false')
  await page.screenshot({ path: testInfo.outputPath('ntpd-vs-chrony-en.png') })
  await page.getByTestId('lang-switch').click()
  await expect(page.getByTestId('clock-row-chronyd')).toContainText('chrony')
  await page.screenshot({ path: testInfo.outputPath('ntpd-vs-chrony-zh.png') })
})

for (const where of ['worker', 'page'] as const)
  test(`the offset chart shows its lines on screen, the selected one on top (drawn by the ${where})`, async ({
    page,
  }) => {
    // the lines are stroked by the chart's paint worker: only the screen shows what it drew
    await page.goto('/?lang=en')
    if (where === 'page') await drawOnPage(page)
    const chart = page.getByTestId('offset-chart')
    await expect
      .poll(async () => Number(await chart.getAttribute('data-samples')), { timeout: 20_000 })
      .toBeGreaterThan(20)
    const play = page.getByTestId('play-pause')
    if ((await play.getAttribute('aria-pressed')) === 'true') await play.click()
    const colour = (await page
      .getByTestId('legend-node-c2')
      .locator('line')
      .getAttribute('stroke'))!
    const canvas = chart.locator('canvas')
    const shown = async () => (await screenPixels(page, canvas, { colours: [colour] })).counts[0]
    const before = await shown()
    await page.getByTestId('legend-node-c2').click()
    // drawn last and three pixels wide, c2's line now shows along the whole window
    await expect.poll(shown).toBeGreaterThan(Math.max(100, before * 1.5))
  })
