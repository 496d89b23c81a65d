import { expect, test } from '@playwright/test'
import { pause, runInfo, simTime } from './perturb-helpers'
import { openView } from './views'

/** The transactions view on its presets (docs/ui-layers.md; issue 9 §3). */

test('a transactions preset runs with no page error and marks its anomaly on the row', async ({
  page,
}, testInfo) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
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
