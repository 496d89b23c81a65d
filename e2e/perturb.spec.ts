import { expect, test, type Page } from '@playwright/test'
import { scenarioWithInputs, type LoggedInput } from '../src/worker/inputLog'
import {
  cliHash,
  dropped,
  fast,
  pause,
  presetScenario,
  runInfo,
  simTime,
  traceHash,
} from './perturb-helpers'
import { openView } from './views'

/** Play 20 simulated seconds more: the drop count must not move (the network is whole again). */
async function expectNoNewDrops(page: Page) {
  const before = await dropped(page)
  const t0 = await simTime(page)
  await page.getByTestId('play-pause').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(t0 + 20)
  expect(await dropped(page)).toBe(before)
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  // the perturbation controls with the intervention log beside them
  await openView(page, 'perturb')
  await openView(page, 'interventions', true)
})

test('every link direction the protocol uses is there before traffic, and cutting one drops its messages', async ({
  page,
}) => {
  await pause(page)
  // Cristian: each client with its server, both ways, drawn from t = 0
  for (const c of ['c1', 'c2', 'c3', 'c4']) {
    await expect(page.getByTestId(`link-${c}-s1`)).toHaveAttribute('data-status', 'up')
    await expect(page.getByTestId(`link-s1-${c}`)).toHaveAttribute('data-status', 'up')
  }
  await expect(page.getByTestId('link-c1-c2')).toHaveCount(0)
  expect(await dropped(page)).toBe(0)

  const link = page.getByTestId('link-c1-s1')
  await expect(link).toHaveAccessibleName(/Link c1 → s1 carries messages/)
  await link.click()
  await expect(link).toHaveAttribute('data-status', 'cut')
  await expect(page.getByTestId('link-s1-c1')).toHaveAttribute('data-status', 'up')
  await expect(page.getByTestId('cut-links')).toHaveText('c1 → s1')
  await expect(page.getByTestId('intervention')).toHaveText([/Cut link c1 → s1/])

  // c1's requests now die on the wire: the drop count rises, and only c1 loses its server
  await fast(page)
  await page.getByTestId('play-pause').click()
  await expect.poll(() => dropped(page), { timeout: 20_000 }).toBeGreaterThan(0)
  await pause(page)

  // keyboard: focus the link and press Enter to heal it
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(link).toHaveAttribute('data-status', 'up')
  await expect(page.getByTestId('cut-links')).toHaveText('none')
  await expect(page.getByTestId('intervention')).toHaveCount(2)
  await expectNoNewDrops(page)
})

test('partition mode splits the nodes into groups, traffic across groups is dropped, heal restores it', async ({
  page,
}) => {
  await pause(page)
  await page.getByTestId('partition-start').click()
  await expect(page.getByTestId('partition-brush-B')).toHaveAttribute('aria-checked', 'true')
  // in partition mode a node click assigns a group: nothing crashes
  for (const id of ['c1', 'c2']) {
    await page.getByTestId(`node-${id}`).click()
    await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-status', 'up')
  }
  await expect(page.getByTestId('node-c1')).toHaveAccessibleName(/Node c1 is in group B/)
  await page.getByTestId('partition-apply').click()
  await expect(page.getByTestId('partition-status')).toHaveText(
    'In force: A: s1, c3, c4 · B: c1, c2',
  )
  await expect(page.getByTestId('link-c1-s1')).toHaveAttribute('data-blocked', 'partition')
  await expect(page.getByTestId('link-s1-c2')).toHaveAttribute('data-blocked', 'partition')
  await expect(page.getByTestId('link-c3-s1')).not.toHaveAttribute('data-blocked', /.*/)

  await fast(page)
  await page.getByTestId('play-pause').click()
  await expect.poll(() => dropped(page), { timeout: 20_000 }).toBeGreaterThan(0)
  await pause(page)

  await page.getByTestId('heal-all').click()
  await expect(page.getByTestId('partition-status')).toHaveText('No partition in force.')
  await expect(page.getByTestId('link-c1-s1')).not.toHaveAttribute('data-blocked', /.*/)
  await expect(page.getByTestId('intervention')).toHaveText([
    /Partition: A: s1, c3, c4 · B: c1, c2/,
    /Heal the network/,
  ])
  await expectNoNewDrops(page)
})

test('the node menu opens by right-click and by keyboard, and asks for numbers strictly', async ({
  page,
}) => {
  await pause(page)
  await page.getByTestId('node-c2').click({ button: 'right' })
  const menu = page.getByRole('menu', { name: 'Actions for node c2' })
  await expect(menu).toBeVisible()
  await menu.getByRole('menuitem', { name: 'Pause the process' }).click()
  await expect(menu).toHaveCount(0)
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'paused')

  // keyboard: Shift+F10 on a focused node, arrows, Enter; focus returns to the node
  const c3 = page.getByTestId('node-c3')
  await c3.focus()
  await page.keyboard.press('Shift+F10')
  await expect(page.getByRole('menuitem', { name: 'Crash' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Pause the process' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(c3).toHaveAttribute('data-status', 'crashed')
  await expect(c3).toBeFocused()
  await page.keyboard.press('Shift+F10')
  await expect(page.getByRole('menuitem', { name: 'Restart' })).toBeFocused()
  // a crashed process cannot be paused
  await expect(page.getByRole('menuitem', { name: 'Pause the process' })).toHaveAttribute(
    'aria-disabled',
    'true',
  )
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(c3).toBeFocused()

  // drift: a form that refuses garbage and out-of-range values without touching the run
  await page.getByTestId('node-c4').click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Set drift…' }).click()
  const value = page.getByTestId('node-ask-value')
  await expect(value).toBeFocused()
  await value.fill('fast')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a number' })).toBeVisible()
  await value.fill('9999999')
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('alert').filter({ hasText: 'Must be between -500000 and 500000 ppm' }),
  ).toBeVisible()
  await expect(page.getByTestId('intervention')).toHaveCount(2)
  await value.fill('250')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('intervention')).toHaveText([
    /Pause c2/,
    /Crash c3/,
    /Set the drift of c4 to 250 ppm/,
  ])

  // a quick clock step from the menu
  await page.getByTestId('node-c1').click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Step clock +100.000 ms' }).click()
  await expect(page.getByTestId('intervention').last()).toHaveText(
    /Step the clock of c1 by \+100\.000 ms/,
  )
  // "Step clock by…" asks in the unit the quick steps above it name
  await page.getByTestId('node-c2').click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Step clock by…' }).click()
  await expect(page.getByTestId('node-ask')).toContainText('ms')
  await page.getByTestId('node-ask-value').fill('250')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('intervention').last()).toHaveText(
    /Step the clock of c2 by \+250\.000 ms/,
  )
})

test('loss, latency and jitter: typed values are range-checked and recorded as interventions', async ({
  page,
}) => {
  await pause(page)
  const loss = page.getByTestId('net-loss-input')
  await loss.fill('150')
  await loss.press('Enter')
  await expect(page.getByTestId('net-loss-error')).toHaveText(
    'Must be between 0 and 100 %; nothing was changed.',
  )
  await expect(page.getByTestId('intervention')).toHaveCount(0)
  await loss.fill('12.5')
  await loss.press('Enter')
  await expect(page.getByTestId('net-loss-error')).toHaveCount(0)
  await expect(page.getByTestId('intervention')).toHaveText([/Set message loss to 12.5 %/])

  const latency = page.getByTestId('net-latency-input')
  await latency.fill('40')
  await latency.press('Enter')
  await expect(page.getByTestId('intervention').last()).toHaveText(
    /Set latency to 40.000 ms, jitter 500.0 µs/,
  )
  // the slider follows what the worker reports
  await expect(latency).toHaveValue('40')

  // one drag of a slider is one intervention, committed on release
  const jitter = page.getByTestId('net-jitter').locator('input[type="range"]')
  await jitter.focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('intervention')).toHaveCount(3)
})

test('removing a past intervention rebuilds the run: the hash equals a fresh run of the remaining inputs', async ({
  page,
}) => {
  await fast(page)
  await expect.poll(() => simTime(page)).toBeGreaterThan(3)
  await page.getByTestId('node-c2').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(8)
  await page.getByTestId('link-c1-s1').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(12)
  await pause(page)
  const entries = page.getByTestId('intervention')
  await expect(entries).toHaveCount(2)
  const T = await simTime(page)
  const cutAt = Number(await entries.nth(1).getAttribute('data-at'))

  await entries
    .nth(0)
    .getByRole('button', { name: /Take back “Crash c2”/ })
    .click()
  await expect(entries).toHaveText([/Cut link c1 → s1/])
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'up')
  await expect(page.getByTestId('link-c1-s1')).toHaveAttribute('data-status', 'cut')
  expect(await simTime(page)).toBe(T)

  const remaining: LoggedInput[] = [{ at: cutAt, fault: { type: 'cutLink', from: 'c1', to: 's1' } }]
  const { scenario } = scenarioWithInputs(presetScenario('cristian-lan'), remaining)
  await expect(runInfo(page)).toHaveAttribute('data-trace-hash', cliHash(scenario, T))
  expect(await traceHash(page)).not.toBe(cliHash(presetScenario('cristian-lan'), T))
})

test('screenshots: links cut, a partition in force and the node menu, in English and Chinese', async ({
  page,
}, testInfo) => {
  await fast(page)
  await expect.poll(() => simTime(page)).toBeGreaterThan(2)
  await page.getByTestId('link-c1-s1').click()
  await page.getByTestId('link-s1-c4').click()
  await page.getByTestId('partition-start').click()
  await page.getByTestId('node-c3').click()
  await page.getByTestId('partition-apply').click()
  await page.getByTestId('node-c2').click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Pause the process' }).click()
  await page.waitForTimeout(1200)
  await pause(page)
  await page.getByTestId('node-c4').click({ button: 'right' })
  await page.screenshot({ path: testInfo.outputPath('perturb-en.png'), fullPage: true })
  await page.locator('.topology').screenshot({ path: testInfo.outputPath('topology-en.png') })
  await page.keyboard.press('Escape')
  await page.getByTestId('lang-switch').click()
  await expect(page.getByRole('heading', { name: '制造故障' })).toBeVisible()
  await page.getByTestId('partition-start').click()
  await page.getByTestId('node-c1').click({ button: 'right' })
  await expect(page.getByRole('menu', { name: '节点 c1 的操作' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('perturb-zh.png'), fullPage: true })
})
