import { expect, test, type Page } from '@playwright/test'
import { cristianFleet, paxosCluster } from '../bench/uiScenarios'
import type { ScenarioInput } from '../src/engine'
import { encodeShare } from '../src/engine/scenario/shareCodec'

/**
 * Large runs (issue 10): 200-node Multi-Paxos with about 2 000 messages in flight and a 1 000-node
 * Cristian fleet open, play, and their controls still answer. Functional only: frame rates
 * are measured by `npm run bench:ui`, never asserted here.
 */
const runInfo = (page: Page) => page.getByTestId('run-info')

async function openLarge(page: Page, scenario: ScenarioInput, n: number) {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`/?lang=en#s=${encodeShare(scenario, 0)}`)
  await expect(page.getByTestId(`node-${scenario.nodes[n - 1].id}`)).toBeAttached({
    timeout: 30_000,
  })
}

async function playAndPause(page: Page) {
  const play = page.getByTestId('play-pause')
  // a share link opens paused
  await expect(play).toHaveAttribute('aria-pressed', 'false')
  const t0 = Number(await runInfo(page).getAttribute('data-sim-time'))
  await play.click()
  await expect(play).toHaveAttribute('aria-pressed', 'true')
  await expect
    .poll(async () => Number(await runInfo(page).getAttribute('data-sim-time')), {
      timeout: 30_000,
    })
    .toBeGreaterThan(t0)
  await play.click()
  await expect(play).toHaveAttribute('aria-pressed', 'false')
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false', { timeout: 30_000 })
}

async function changePreset(page: Page) {
  await page.getByTestId('scenario-picker').selectOption('cristian-lan')
  await expect(page.getByTestId('node-s1')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('node-c1')).toBeVisible()
}

test('200 nodes with about 2 000 messages in flight: plays, pauses, and a preset replaces it', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openLarge(page, paxosCluster(200), 200)
  await playAndPause(page)
  await page.screenshot({ path: test.info().outputPath('scale-200.png') })
  await changePreset(page)
})

test('1 000 nodes: plays, pauses, and a preset replaces it', async ({ page }) => {
  test.setTimeout(180_000)
  await openLarge(page, cristianFleet(1000), 1000)
  await playAndPause(page)
  await page.screenshot({ path: test.info().outputPath('scale-1000.png') })
  await changePreset(page)
})
