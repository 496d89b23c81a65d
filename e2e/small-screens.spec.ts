import { mkdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { course } from '../src/ui/lessons/course'
import { readoutsOffMap } from './mapText'
import { runInfo, simTime } from './perturb-helpers'

/**
 * Small screens (issue 8 §2): on a tablet (768×1024) the app works — runs, steps, lessons —
 * and on a phone (390×844) the page never scrolls sideways and the map's readouts stay on the
 * map, on the default view and on lessons (one with the Paxos log, the widest view).
 * Screenshots of each page are kept as artefacts.
 */
const SHOTS = process.env.E2E_OUT ? `${process.env.E2E_OUT}/small` : 'test-results/small'

const PAGES = {
  default: '',
  lesson: `&lesson=${course[0].id}&step=1`,
  paxos: '&lesson=leader-crash&step=4',
} as const

/** How far the page reaches past the window sideways (0 = it does not scroll sideways). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!
    return root.scrollWidth - root.clientWidth
  })

for (const lang of ['en', 'zh'] as const) {
  for (const [name, query] of Object.entries(PAGES)) {
    test(`phone 390×844 (${lang}, ${name}): no sideways scroll, readouts on the map`, async ({
      page,
    }) => {
      mkdirSync(SHOTS, { recursive: true })
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(`/?lang=${lang}${query}`)
      await expect(runInfo(page)).toHaveAttribute('data-trace-hash', /./)
      // the map paints its readouts only while on screen (frameLoop.ts); a long narration pushes
      // it below a phone's fold
      await page.locator('.topology').scrollIntoViewIfNeeded()
      await expect(page.locator('.node-readout').first()).toBeVisible()
      expect(await sideways(page)).toBe(0)
      expect(await readoutsOffMap(page)).toEqual([])
      await page.screenshot({ path: `${SHOTS}/phone-${lang}-${name}.png`, fullPage: true })
    })
  }
}

test('tablet 768×1024: runs, steps and walks a lesson, without sideways scroll', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true })
  await page.setViewportSize({ width: 768, height: 1024 })
  await page.goto('/?lang=en')
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => simTime(page)).toBeGreaterThan(0)
  await page.getByTestId('play-pause').click()
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false')
  const before = await simTime(page)
  await page.getByTestId('step').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(before)
  // the map answers a tap: the default tool crashes and restarts a node
  await page.getByTestId('node-c1').click()
  await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'crashed')
  expect(await sideways(page)).toBe(0)
  expect(await readoutsOffMap(page)).toEqual([])
  await page.screenshot({ path: `${SHOTS}/tablet-en-default.png`, fullPage: true })

  const lesson = course[0]
  await page.getByTestId('lessons-open').click()
  await page.getByTestId(`lesson-item-${lesson.id}`).click()
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '1')
  await page.getByTestId('lesson-next').click()
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2')
  await expect(page.getByTestId('lesson-narration')).toBeInViewport()
  expect(await sideways(page)).toBe(0)
  // Step 2 opens paused at 30 s. Its offset chart, below the fold, shows those 30 s, not step
  // 1's empty axes: a paused frame is painted off screen too (a full-page capture never scrolls
  // the chart into view, and showed it empty)
  await expect.poll(() => simTime(page)).toBeGreaterThanOrEqual(30)
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false')
  await expect(page.getByTestId('offset-chart')).not.toBeInViewport()
  const line = page.getByTestId('offset-chart-line-a')
  await expect.poll(async () => Number(await line.getAttribute('data-points'))).toBeGreaterThan(10)
  await page.screenshot({ path: `${SHOTS}/tablet-en-lesson.png`, fullPage: true })
})
