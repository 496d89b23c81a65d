import { expect, test, type Page } from '@playwright/test'
import { presets } from '../src/engine/scenario/presets'
import { crampedReadouts, readoutCollisions, readoutsOffMap } from './mapText'
import { openView } from './views'

/**
 * The workspace (docs/ui-layers.md): at projector sizes the page is the window — the map and
 * the views a preset is about on screen without scrolling, every other view one tab away;
 * presenter mode; tablet and phone widths.
 */

/** The element's box lies inside the window (the whole of it, not just a corner). */
async function inViewport(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect()
    return (
      r.width > 0 &&
      r.height > 0 &&
      r.top >= 0 &&
      r.left >= 0 &&
      r.bottom <= window.innerHeight &&
      r.right <= window.innerWidth
    )
  })
}

const pageScrolls = (page: Page) =>
  page.evaluate(() => ({
    down: document.documentElement.scrollHeight > window.innerHeight,
    sideways: document.documentElement.scrollWidth > window.innerWidth,
  }))

async function openPreset(page: Page, id: string) {
  await page.getByTestId('scenario-picker').selectOption(id)
  await expect(page.locator('[data-testid^="node-"]').first()).toBeVisible()
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} every preset's own views are on screen beside the map, no page scroll`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height })
    await page.goto('/?lang=en')
    await expect(page.getByTestId('node-s1')).toBeVisible()
    expect(presets.length).toBeGreaterThan(10)
    for (const preset of presets) {
      await openPreset(page, preset.id)
      for (const view of preset.views) {
        await expect(page.getByTestId(`view-tab-${view}`)).toHaveAttribute('aria-selected', 'true')
        await expect(page.getByTestId(`view-${view}`)).toBeVisible()
      }
      // the first view, most important, entirely in the window; the map too
      await expect.poll(() => inViewport(page, `view-${preset.views[0]}`)).toBe(true)
      expect(await inViewport(page, 'timeline')).toBe(true)
      const map = await page.locator('.topology').boundingBox()
      expect(map!.height).toBeGreaterThan(height * 0.45)
      expect(await pageScrolls(page)).toEqual({ down: false, sideways: false })
    }
  })
}

test('every other view is one click away, Shift-click puts one beside the first', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  for (const view of ['perturb', 'interventions', 'share', 'help', 'spacetime', 'clocks']) {
    await page.getByTestId(`view-tab-${view}`).click()
    await expect(page.getByTestId(`view-tab-${view}`)).toHaveAttribute('aria-selected', 'true')
    await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveCount(1)
    await expect.poll(() => inViewport(page, `view-${view}`)).toBe(true)
  }
  await openView(page, 'inspector', true)
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveCount(2)
  await expect(page.getByTestId('view-clocks')).toBeVisible()
  await expect(page.getByTestId('inspect-node')).toBeVisible()
  // run-info stays readable whichever views are on screen (docs/ui-contract.md)
  expect(Number(await page.getByTestId('run-info').getAttribute('data-sim-time'))).toBeGreaterThan(
    0,
  )
  // consensus views are offered only while a consensus protocol runs
  await expect(page.getByTestId('view-tab-paxos')).toHaveCount(0)
  await openPreset(page, 'multi-paxos-5')
  await expect(page.getByTestId('view-tab-paxos')).toHaveAttribute('aria-selected', 'true')
})

test('screenshots of the workspace at 1366×768 in English and Chinese', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  for (const lang of ['en', 'zh']) {
    // the autosaved session reopens the last preset: wait for any node
    await page.goto(`/?lang=${lang}`)
    await expect(page.locator('[data-testid^="node-"]').first()).toBeVisible()
    for (const id of ['cristian-lan', 'ntp-falsetickers', 'multi-paxos-5']) {
      await openPreset(page, id)
      await page.getByTestId('speed').fill('300')
      await page.waitForTimeout(1500)
      await page.screenshot({ path: testInfo.outputPath(`workspace-${id}-${lang}.png`) })
    }
  }
})

for (const present of [false, true]) {
  test(`a lesson step at 1366×768${present ? ' in presenter mode' : ''}: the map's readouts stay clear of each other, the nodes and the edge`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    // five servers, two of them liars, and two clients: the most crowded map of the course
    await page.goto(`/?lang=en&lesson=falsetickers&step=3${present ? '&present=1' : ''}`)
    await expect(page.getByTestId('lesson-step')).toContainText('3')
    await expect(page.locator('.node-readout')).toHaveCount(7)
    await expect.poll(() => readoutCollisions(page)).toEqual([])
    expect(await readoutsOffMap(page)).toEqual([])
    // a readout's own lines too, in presenter mode's larger text and in Chinese
    expect(await crampedReadouts(page)).toEqual([])
    await page.getByTestId('lang-switch').click()
    await expect(page.locator('.node-offset').first()).toContainText('偏移')
    expect(await crampedReadouts(page)).toEqual([])
    await page.getByTestId('lang-switch').click()
    await page.screenshot({
      path: testInfo.outputPath(`falsetickers-3${present ? '-present' : ''}.png`),
    })

    // on this short window the key to the marks is folded; opened, it lies over the map
    // without changing the map's size
    const map = page.locator('.topology')
    const before = await map.boundingBox()
    const toggle = page.getByTestId('legend-toggle')
    await expect(page.getByTestId('legend-marks')).toBeHidden()
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await expect(page.getByTestId('legend-marks')).toBeVisible()
    await expect(page.getByTestId('legend-marks')).toContainText('Reference clock')
    expect(await map.boundingBox()).toEqual(before)
    await toggle.click()
    await expect(page.getByTestId('legend-marks')).toBeHidden()
  })
}

test('presenter mode: one view, large map labels, readable clocks, keyboard and clicker', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?lang=en&present=1')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  const toggle = page.getByTestId('presenter-toggle')
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveCount(1)
  await expect.poll(() => inViewport(page, 'view-offsetChart')).toBe(true)
  const fontPx = (sel: string) =>
    page
      .locator(sel)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(await fontPx('.node-readout')).toBeGreaterThanOrEqual(16)
  expect(await fontPx('.node-id')).toBeGreaterThanOrEqual(16)
  await page.screenshot({ path: testInfo.outputPath('presenter-en.png') })

  // the clicker's PageDown / → shows the next view, PageUp / ← the one before, each in full
  await page.locator('body').click({ position: { x: 5, y: 400 } })
  await page.keyboard.press('PageDown')
  await expect(page.getByTestId('view-tab-precision')).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => inViewport(page, 'view-precision')).toBe(true)
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('view-tab-clocks')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('PageUp')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('view-tab-offsetChart')).toHaveAttribute('aria-selected', 'true')

  // Space plays and pauses
  const play = page.getByTestId('play-pause')
  await expect(play).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press(' ')
  await expect(play).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press(' ')
  await expect(play).toHaveAttribute('aria-pressed', 'true')

  // the simulated-time readout changes a few times a second, not every frame
  await page.getByTestId('speed').fill('300')
  const changes = await page.getByTestId('sim-time').evaluate(
    (el) =>
      new Promise<number>((done) => {
        let n = 0
        const seen = new MutationObserver(() => n++)
        seen.observe(el, { childList: true, characterData: true, subtree: true })
        setTimeout(() => {
          seen.disconnect()
          done(n)
        }, 2000)
      }),
  )
  expect(changes).toBeGreaterThan(1)
  expect(changes).toBeLessThanOrEqual(12)

  // off again: two views, ?present gone from the address
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  expect(new URL(page.url()).searchParams.get('present')).toBeNull()
  await page.getByTestId('lang-switch').click()
  await toggle.click()
  await page.screenshot({ path: testInfo.outputPath('presenter-zh.png') })
})

for (const lang of ['en', 'zh'] as const)
  test(`presenter mode on a 1280×720 projector (${lang}): the control bar stays one row`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto(`/?lang=${lang}&present=1`)
    await expect(page.getByTestId('node-s1')).toBeVisible()
    // the quiet-period notice comes and goes in room kept for it: the row never changes
    const middle = async (id: string) => {
      const box = (await page.getByTestId(id).boundingBox())!
      return box.y + box.height / 2
    }
    expect(Math.abs((await middle('sim-time')) - (await middle('play-pause')))).toBeLessThan(8)
    expect(Math.abs((await middle('speed')) - (await middle('play-pause')))).toBeLessThan(8)
    await page.screenshot({ path: testInfo.outputPath(`presenter-1280-${lang}.png`) })
  })

for (const [name, width, height] of [
  ['tablet', 768, 1024],
  ['phone', 390, 844],
] as const) {
  test(`on a ${name} (${width} px) the page never scrolls sideways`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height })
    await page.goto('/?lang=en')
    await expect(page.getByTestId('node-s1')).toBeVisible()
    for (const id of ['cristian-lan', 'ntp-falsetickers', 'multi-paxos-5']) {
      await openPreset(page, id)
      for (const view of ['offsetChart', 'inspector', 'perturb', 'share', 'spacetime']) {
        await openView(page, view)
        expect((await pageScrolls(page)).sideways, `${id} ${view}`).toBe(false)
      }
      expect((await pageScrolls(page)).sideways, id).toBe(false)
    }
    await page.getByTestId('node-n1').click()
    await expect(page.getByTestId('node-n1')).toHaveAttribute('data-status', 'crashed')
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true })
  })
}
