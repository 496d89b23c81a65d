import { expect, test } from '@playwright/test'
import { presets } from '../src/engine/scenario/presets'

/**
 * Issue 8 §2, the map's tools and the run strip's honesty: the effective speed while quiet
 * periods are skipped, each preset's own speed, the fault tool palette and Step's caption.
 */

test('with quiet periods skipped the effective speed is shown, measured, above the slider speed', async ({
  page,
}) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true')
  const effective = page.getByTestId('speed-effective')
  // Cristian on a LAN at 0.02×: the 8 s between polls go by at the quiet rate
  await expect(effective).toBeVisible()
  await expect(effective).toHaveText(/^effective [\d.]+×$/)
  await expect
    .poll(async () => Number(await effective.getAttribute('data-rate')))
    .toBeGreaterThan(0.1)
  await page.getByLabel('Skip quiet periods').uncheck()
  await expect(effective).toBeHidden()
  await page.getByLabel('Skip quiet periods').check()
  await expect(effective).toBeVisible()
  // and in Chinese
  await page.getByTestId('lang-switch').click()
  await expect(effective).toHaveText(/^实际 [\d.]+×$/)
})

test('each preset opens at its own speed', async ({ page }) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  const readout = page.locator('.speed-readout')
  for (const id of ['multi-paxos-5', 'lease-drift-stale-read', 'free-drift', 'cristian-lan']) {
    await page.getByTestId('scenario-picker').selectOption(id)
    const speed = presets.find((p) => p.id === id)!.speed
    await expect(readout).toHaveText(`${speed}×`)
  }
})
