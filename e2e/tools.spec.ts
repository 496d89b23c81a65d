import { expect, test } from '@playwright/test'
import { createSimulation, parseScenario, presets, type TraceRecord } from '../src/engine'
import { translate } from '../src/ui/i18n'
import { summarizeStep } from '../src/ui/step/stepCaption'
import { toStepEvent, type StepEvent } from '../src/worker/stepEvents'
import { pause, runInfo, traceHash } from './perturb-helpers'
import { openView } from './views'

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

test('readouts that come and go while playing keep the run strip on one row, so the map keeps its size', async ({
  page,
}) => {
  // a laptop, and the classroom projector in Chinese
  for (const [width, height, lang] of [
    [1280, 800, 'en'],
    [1366, 768, 'zh'],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.goto(`/?lang=${lang}`)
    await expect(page.getByTestId('node-s1')).toBeVisible()
    const skip = page.locator('.control-bar input[type=checkbox]')
    await skip.uncheck()
    const effective = page.getByTestId('speed-effective')
    await expect(effective).toBeHidden()
    const bar = page.locator('.control-bar')
    const map = page.locator('.topology')
    const barBefore = (await bar.boundingBox())!
    const mapBefore = (await map.boundingBox())!
    expect(barBefore.height).toBeLessThan(50)
    await skip.check()
    await expect(effective).toBeVisible()
    expect((await bar.boundingBox())!.height).toBe(barBefore.height)
    expect((await map.boundingBox())!).toEqual(mapBefore)
    // the notices fit their fixed place, nothing cut off (text written as the painter does)
    const notices = [
      ['.pace:not(.pace-limited)', translate(lang, 'controls.paceSkipping')],
      ['.pace-limited', translate(lang, 'controls.speedLimited', { rate: '12.5' })],
    ] as const
    for (const [selector, text] of notices) {
      const fits = await page.locator(`.control-bar ${selector}`).evaluate((e, text) => {
        e.textContent = text
        ;(e as HTMLElement).hidden = false
        return e.scrollWidth <= e.clientWidth && e.clientWidth > 0
      }, text)
      expect(fits, text).toBe(true)
    }
  }
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

test.describe('fault tool palette', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto('/?lang=en')
    await expect(page.getByTestId('node-s1')).toBeVisible()
    await pause(page)
  })

  test('crash/restart is the default tool: a plain click toggles the node, a link click cuts it', async ({
    page,
  }) => {
    await expect(page.getByRole('toolbar', { name: /Fault tools/ })).toBeVisible()
    await expect(page.getByTestId('tool-crash')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('tool-inspect')).toHaveAttribute('aria-pressed', 'false')
    await expect(page.getByTestId('tool-crash')).toHaveAttribute('title', /\(key 2\)/)
    await page.getByTestId('node-c2').click()
    await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')
    await page.getByTestId('node-c2').click()
    await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'up')
    await page.getByTestId('link-c1-s1').click()
    await expect(page.getByTestId('link-c1-s1')).toHaveAttribute('data-status', 'cut')
  })

  test('inspect selects and never changes the run: no crash, no cut, same trace hash', async ({
    page,
  }) => {
    const hash = await traceHash(page)
    await page.getByTestId('tool-inspect').click()
    await expect(page.getByTestId('tool-inspect')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('tool-crash')).toHaveAttribute('aria-pressed', 'false')
    await page.getByTestId('node-c3').click()
    await expect(page.getByTestId('node-c3')).toHaveAttribute('data-status', 'up')
    await expect(page.getByTestId('node-c3')).toHaveAttribute('data-selected', 'true')
    await expect(page.getByTestId('node-c3')).toHaveAccessibleName(/c3 is selected/)
    // the inspector comes on screen showing it
    await expect(page.getByTestId('inspect-node')).toHaveValue('c3')
    await page.getByTestId('link-c1-s1').click()
    await expect(page.getByTestId('link-c1-s1')).toHaveAttribute('data-status', 'up')
    expect(await traceHash(page)).toBe(hash)
    await openView(page, 'interventions')
    await expect(page.getByTestId('intervention')).toHaveCount(0)
    // Escape goes back to the default tool
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('tool-crash')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('node-c3')).not.toHaveAttribute('data-selected', 'true')
  })

  test('drift tool: key 5, a value in ppm, a click sets that node’s drift', async ({ page }) => {
    await page.keyboard.press('5')
    await expect(page.getByTestId('tool-drift')).toHaveAttribute('aria-pressed', 'true')
    const value = page.getByTestId('tool-value')
    await expect(value).toHaveValue('100')
    await expect(page.locator('.tool-value .unit')).toHaveText('ppm')
    await value.fill('abc')
    await expect(page.getByTestId('tool-value-error')).toBeVisible()
    await value.fill('-2500')
    await expect(page.getByTestId('tool-value-error')).toHaveCount(0)
    // typing in the field is not a shortcut
    await expect(page.getByTestId('tool-drift')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('node-c4')).toHaveAccessibleName(/frequency error to -2500 ppm/)
    await page.getByTestId('node-c4').click()
    await expect(page.getByTestId('node-c4')).toHaveAttribute('data-status', 'up')
    await openView(page, 'interventions')
    await expect(page.getByTestId('intervention')).toHaveText([/Set the drift of c4 to -2500 ppm/])
  })

  test('cut tool: links cut and heal, nodes are left alone', async ({ page }) => {
    await page.getByTestId('tool-cut').click()
    await page.getByTestId('node-c1').click()
    await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'up')
    const link = page.getByTestId('link-s1-c2')
    await link.click()
    await expect(link).toHaveAttribute('data-status', 'cut')
    await link.click()
    await expect(link).toHaveAttribute('data-status', 'up')
    await openView(page, 'interventions')
    await expect(page.getByTestId('intervention')).toHaveText([
      /Cut link s1 → c2/,
      /Heal link s1 → c2/,
    ])
  })

  test('node tools leave links alone: a link click says the tool acts on nodes', async ({
    page,
  }, testInfo) => {
    const link = page.getByTestId('link-c1-s1')
    const notice = page.getByTestId('tool-notice')
    await expect(notice).toHaveText('')
    for (const tool of ['pause', 'step', 'drift', 'falseticker', 'partition'] as const) {
      await page.getByTestId(`tool-${tool}`).click()
      await expect(link).toHaveAccessibleName(/acts on nodes, not links/)
      await link.click()
      await expect(link).toHaveAttribute('data-status', 'up')
      await expect(notice).toContainText('acts on nodes: click a node')
      await expect(notice).toContainText('choose Cut link (key 7)')
      if (tool === 'drift')
        await page.screenshot({ path: testInfo.outputPath('tools-link-notice-1366.png') })
    }
    // choosing another tool clears the notice; nothing reached the run
    await page.getByTestId('tool-cut').click()
    await expect(notice).toHaveText('')
    await openView(page, 'interventions')
    await expect(page.getByTestId('intervention')).toHaveCount(0)
    await page.getByTestId('lang-switch').click()
    await page.getByTestId('tool-pause').click()
    await link.click()
    await expect(notice).toContainText('作用于节点')
  })

  test('pause, clock step and falseticker tools act on the clicked node; partition drawn on the map', async ({
    page,
  }, testInfo) => {
    await page.getByTestId('tool-pause').click()
    await page.getByTestId('node-c1').click()
    await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'paused')
    await page.getByTestId('node-c1').click()
    await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'up')
    await page.getByTestId('tool-step').click()
    await expect(page.locator('.tool-value .unit')).toHaveText('ms')
    await page.getByTestId('node-c2').click()
    await page.getByTestId('tool-falseticker').click()
    await page.getByTestId('node-s1').click()
    // the partition tool: click nodes into group B, apply; the groups stay drawn on the map
    await page.getByTestId('tool-partition').click()
    await page.getByTestId('node-c3').click()
    await page.getByTestId('node-c4').click()
    await expect(page.getByTestId('node-c3')).toHaveAttribute('data-status', 'up')
    await page.screenshot({ path: testInfo.outputPath('tools-partition-draft-1366.png') })
    await page.getByTestId('partition-apply').click()
    await expect(page.getByTestId('tool-crash')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('.group-halos .group-ring')).toHaveCount(5)
    await openView(page, 'interventions')
    await expect(page.getByTestId('intervention')).toHaveText([
      /Pause c1/,
      /Resume c1/,
      /Step the clock of c2 by \+100/,
      /s1 serves time off by \+1/,
      /Partition: A: s1, c1, c2 · B: c3, c4/,
    ])
    await page.screenshot({ path: testInfo.outputPath('tools-partition-applied-1366.png') })
  })
})

/** What Step's caption says after each of the first `n` steps of a preset from t = 0, in `lang`. */
function expectedCaptions(id: string, n: number, lang: 'en' | 'zh'): string[] {
  const parsed = parseScenario(structuredClone(presets.find((p) => p.id === id)!.scenario))
  if (!parsed.ok) throw new Error(parsed.error)
  let events: StepEvent[] = []
  const sim = createSimulation(parsed.scenario, {
    trace: (r: TraceRecord) => events.push(toStepEvent(r)),
  })
  sim.runUntil(0)
  return Array.from({ length: n }, () => {
    events = []
    sim.step()
    return summarizeStep(events, 0, (k, p) => translate(lang, k, p)).caption
  })
}

test('Step says what happened: a caption, the node and link on the map, the arrow in the diagram', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await openView(page, 'spacetime')
  await pause(page)
  await page.getByTestId('reset').click()
  await expect(runInfo(page)).toHaveAttribute('data-sim-time', '0')
  const caption = page.getByTestId('step-caption')
  await expect(caption).toHaveAttribute('aria-live', 'polite')
  await expect(caption).toHaveText('')
  const expected = expectedCaptions('cristian-lan', 3, 'en')
  expect(expected[2]).toMatch(/received Time reply from s1/)
  for (const text of expected) {
    await page.getByTestId('step').click()
    await expect(caption).toHaveText(text)
  }
  // the receiving node ringed, the link lit; the message's arrow highlighted in the diagram
  await expect(page.locator('.mark-node-highlight')).toHaveCount(1)
  await expect(page.locator('.mark-link-highlight')).toHaveCount(1)
  await expect(page.getByTestId('spacetime')).not.toHaveAttribute('data-step-message', '')
  await page.screenshot({ path: testInfo.outputPath('step-caption-1366-en.png') })
  // in Chinese, from the catalogue
  await page.getByTestId('lang-switch').click()
  await expect(caption).toHaveText(expectedCaptions('cristian-lan', 3, 'zh')[2])
  await page.screenshot({ path: testInfo.outputPath('step-caption-1366-zh.png') })
  // playing on clears it
  await page.getByTestId('play-pause').click()
  await expect(caption).toHaveText('')
  await expect(page.locator('.mark-node-highlight')).toHaveCount(0)
})
