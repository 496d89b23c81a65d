import { expect, test, type Page } from '@playwright/test'
import { openView } from './views'

/**
 * Logical time on the space-time diagram: stamps per event, and a clicked event's causal past
 * and future; the node inspector's logical clocks and clock-error bound.
 */

const runInfo = (page: Page) => page.getByTestId('run-info')
const simTime = async (page: Page) => Number(await runInfo(page).getAttribute('data-sim-time'))

test('stamps per event and the causal past and future of a clicked event (screenshots en, zh)', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await page.getByTestId('speed').fill('300')
  await openView(page, 'spacetime')
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(8)
  await page.getByTestId('play-pause').click()
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false')

  const diagram = page.getByTestId('spacetime')
  await diagram.scrollIntoViewIfNeeded()
  const box = (await diagram.boundingBox())!
  // zoom in on the last seconds so stamps fit
  await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2)
  await page.mouse.wheel(0, -500)
  await page.getByTestId('spacetime-stamps').selectOption('lamport')
  await expect(diagram).toHaveAttribute('data-stamps-shown', 'true')

  // click along the lanes until an event (an arrow's end) is hit
  const lanes = await page
    .locator('.st-lane-label')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('y'))))
  expect(lanes.length).toBeGreaterThan(1)
  const summary = page.getByTestId('causal-summary')
  found: for (const y of lanes)
    for (let x = box.x + box.width - 30; x > box.x + 80; x -= 4) {
      await page.mouse.click(x, box.y + y)
      if (await summary.isVisible()) break found
    }
  await expect(summary).toBeVisible()
  const past = Number(await diagram.getAttribute('data-causal-past'))
  const future = Number(await diagram.getAttribute('data-causal-future'))
  const concurrent = Number(await diagram.getAttribute('data-causal-concurrent'))
  // an event late in a chatty run has a causal past; the others are split into future/concurrent
  expect(past + future).toBeGreaterThan(0)
  expect(past + future + concurrent).toBeGreaterThan(5)
  const section = page.locator('section.spacetime')
  await section.screenshot({ path: testInfo.outputPath('logical-lamport-en.png') })
  await page.getByTestId('spacetime-stamps').selectOption('vector')
  await section.screenshot({ path: testInfo.outputPath('logical-vector-en.png') })
  await page.getByTestId('lang-switch').click()
  await expect(section).toContainText('因果过去')
  await page.getByTestId('spacetime-stamps').selectOption('hlc')
  await section.screenshot({ path: testInfo.outputPath('logical-hlc-zh.png') })
  await page.getByTestId('causal-clear').click()
  await expect(summary).toBeHidden()
})

test('the node inspector shows logical clocks and the clock-error bound', async ({ page }) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await page.getByTestId('speed').fill('300')
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(5)
  await openView(page, 'inspector')
  const inspector = page.getByTestId('inspector-logical')
  await inspector.scrollIntoViewIfNeeded()
  await expect(inspector).toBeVisible()
  await expect
    .poll(async () => Number(await page.getByTestId('logical-lamport').textContent()))
    .toBeGreaterThan(0)
  await expect(page.getByTestId('logical-vector')).toContainText(':')
  // the selected client runs Cristian: once synchronised its bound is known and holds
  await expect
    .poll(async () =>
      Number(await page.getByTestId('logical-error-bound').getAttribute('data-bound')),
    )
    .toBeGreaterThan(0)
})
