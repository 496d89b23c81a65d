import { expect, test, type Page } from '@playwright/test'
import type { TimedIntervention } from '../src/engine'
import { presets } from '../src/engine/scenario/presets'
import { defaultRunHash, pause, playUntil, simTime, traceHash } from './perturb-helpers'
import { openView } from './views'

/**
 * Undo / redo over the interventions, the question before acting after a rewind, and the
 * scenario picker that the keyboard can browse without throwing the run away.
 */

const dialog = (page: Page) => page.getByRole('dialog')

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await page.getByTestId('speed').fill('300') // about 10×
  await openView(page, 'interventions', true)
})

test('undo takes a crash back (the run equals one without it); redo and the keys put it back', async ({
  page,
}) => {
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(3)
  await pause(page)
  const undo = page.getByTestId('undo')
  const redo = page.getByTestId('redo')
  await expect(undo).toBeDisabled()
  await expect(redo).toBeDisabled()

  const T0 = await simTime(page)
  const c2 = page.getByTestId('node-c2')
  await c2.click()
  await expect(c2).toHaveAttribute('data-status', 'crashed')
  await expect(undo).toBeEnabled()
  await playUntil(page, T0 + 5)
  const T = await simTime(page)
  const crash: TimedIntervention[] = [{ at: T0, type: 'crash', node: 'c2' }]
  expect(await traceHash(page)).toBe(defaultRunHash(crash, T))

  await undo.click()
  await expect(c2).toHaveAttribute('data-status', 'up')
  await expect(page.getByTestId('intervention')).toHaveCount(0)
  await expect(undo).toBeDisabled()
  await expect(redo).toBeEnabled()
  await expect.poll(() => traceHash(page)).toBe(defaultRunHash([], T))
  expect(await simTime(page)).toBe(T)

  await page.keyboard.press('Control+Shift+Z')
  await expect(c2).toHaveAttribute('data-status', 'crashed')
  await expect(redo).toBeDisabled()
  await expect.poll(() => traceHash(page)).toBe(defaultRunHash(crash, T))
  await page.keyboard.press('Control+Z')
  await expect(c2).toHaveAttribute('data-status', 'up')
  // the undo's rebuild runs in slices: its frame can show c2 up before the worker's answer
  // makes redo available, and a Ctrl+Y before that has nothing to redo (as a click would)
  await expect(redo).toBeEnabled()
  await page.keyboard.press('Control+Y')
  await expect(c2).toHaveAttribute('data-status', 'crashed')
  await expect(page.getByTestId('intervention')).toHaveCount(1)
})

test('acting after a rewind asks first, naming how many interventions it replaces; cancel keeps them', async ({
  page,
}, testInfo) => {
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(3)
  await pause(page)
  const T0 = await simTime(page)
  await page.getByTestId('node-c2').click()
  await playUntil(page, T0 + 4)
  const T1 = await simTime(page)
  await page.getByTestId('node-c3').click()
  await playUntil(page, T1 + 4)
  const recorded: TimedIntervention[] = [
    { at: T0, type: 'crash', node: 'c2' },
    { at: T1, type: 'crash', node: 'c3' },
  ]
  const timeline = page.getByTestId('timeline')
  await timeline.focus()
  await page.keyboard.press('Home')
  await expect.poll(() => simTime(page)).toBe(0)

  const c4 = page.getByTestId('node-c4')
  await c4.click()
  await expect(dialog(page)).toBeVisible()
  await expect(dialog(page)).toContainText('2 interventions are recorded after this time')
  await expect(page.getByTestId('confirm-ok')).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('confirm-replace-en.png') })
  // focus stays inside
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('confirm-cancel')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('confirm-ok')).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('confirm-cancel')).toBeFocused()

  // Escape and Cancel change nothing
  await page.keyboard.press('Escape')
  await expect(dialog(page)).toHaveCount(0)
  await c4.click()
  await page.getByTestId('confirm-cancel').click()
  await expect(dialog(page)).toHaveCount(0)
  await expect(c4).toHaveAttribute('data-status', 'up')
  await expect(page.getByTestId('intervention')).toHaveCount(2)
  expect(await traceHash(page)).toBe(defaultRunHash(recorded, 0))

  // Enter confirms: the crash of c4 replaces both
  await c4.click()
  await expect(dialog(page)).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(c4).toHaveAttribute('data-status', 'crashed')
  await expect(page.getByTestId('intervention')).toHaveCount(1)
  await expect
    .poll(() => traceHash(page))
    .toBe(defaultRunHash([{ at: 0, type: 'crash', node: 'c4' }], 0))

  // undo brings the replaced ones back, still ahead of the current time
  await page.getByTestId('undo').click()
  await expect(page.getByTestId('intervention')).toHaveCount(2)
  await expect(c4).toHaveAttribute('data-status', 'up')
  await expect.poll(() => traceHash(page)).toBe(defaultRunHash(recorded, 0))
  await playUntil(page, T1 + 1)
  const T = await simTime(page)
  expect(await traceHash(page)).toBe(defaultRunHash(recorded, T))

  // the question in Chinese
  await timeline.focus()
  await page.keyboard.press('Home')
  await expect.poll(() => simTime(page)).toBe(0)
  await page.getByTestId('lang-switch').click()
  await c4.click()
  await expect(dialog(page)).toContainText('此刻之后还记录着 2 项干预')
  await page.screenshot({ path: testInfo.outputPath('confirm-replace-zh.png') })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('intervention')).toHaveCount(2)
})

test('arrow keys on the scenario picker browse without loading; Enter asks before discarding interventions', async ({
  page,
}, testInfo) => {
  const picker = page.getByTestId('scenario-picker')
  const ids = presets.map((p) => p.id)
  const next = ids[ids.indexOf('cristian-lan') + 1]
  await page.getByTestId('node-c2').click()
  await expect(page.getByTestId('intervention')).toHaveCount(1)

  await picker.focus()
  await page.keyboard.press('ArrowDown')
  await expect(picker).toHaveValue(next)
  await expect(page.getByTestId('scenario-picker-enter')).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(picker).toHaveValue(next)
  // nothing loaded: the same run with its intervention
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')
  await expect(page.getByTestId('intervention')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(picker).toHaveValue('cristian-lan')

  // Enter opens the scenario shown, after asking: cancel keeps the run
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(dialog(page)).toContainText('discards this run and the 1 intervention')
  await page.screenshot({ path: testInfo.outputPath('confirm-discard-en.png') })
  await page.getByTestId('confirm-cancel').click()
  await expect(picker).toHaveValue('cristian-lan')
  await expect(page.getByTestId('intervention')).toHaveCount(1)
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')

  await picker.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await page.getByTestId('confirm-ok').click()
  await expect(picker).toHaveValue(next)
  await expect(page.getByTestId('intervention')).toHaveCount(0)

  // without interventions nothing is asked
  await picker.focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveValue('cristian-lan')
  await expect(page.getByTestId('node-c1')).toBeVisible()
  await expect(dialog(page)).toHaveCount(0)
})

test('reset asks before discarding interventions, naming how many; without any it resets at once', async ({
  page,
}, testInfo) => {
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(1)
  await page.getByTestId('node-c2').click()
  await page.getByTestId('node-c3').click()
  await expect(page.getByTestId('intervention')).toHaveCount(2)
  await pause(page)
  const before = await simTime(page)

  await page.getByTestId('reset').click()
  await expect(dialog(page)).toContainText('discards the 2 interventions you made in this run')
  await expect(page.getByTestId('confirm-ok')).toHaveText('Restart')
  await page.screenshot({ path: testInfo.outputPath('confirm-reset-en.png') })
  // cancel keeps the run where it was, with its interventions and its undo
  await page.getByTestId('confirm-cancel').click()
  await expect(dialog(page)).toHaveCount(0)
  await expect(page.getByTestId('intervention')).toHaveCount(2)
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')
  expect(await simTime(page)).toBe(before)
  await expect(page.getByTestId('undo')).toBeEnabled()

  await page.getByTestId('lang-switch').click()
  await page.getByTestId('reset').click()
  await expect(dialog(page)).toContainText('2 项干预')
  await page.screenshot({ path: testInfo.outputPath('confirm-reset-zh.png') })
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('intervention')).toHaveCount(0)
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'up')
  await expect(page.getByTestId('run-info')).toHaveAttribute('data-sim-time', '0')

  // nothing to lose: no question
  await playUntil(page, 0.5)
  await page.getByTestId('reset').click()
  await expect(page.getByTestId('run-info')).toHaveAttribute('data-sim-time', '0')
  await expect(dialog(page)).toHaveCount(0)
})
