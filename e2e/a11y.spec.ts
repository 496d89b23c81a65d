import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { course } from '../src/ui/lessons/course'
import { pause, presetScenario, runInfo } from './perturb-helpers'
import { lowContrastSvgText } from './svgContrast'

/**
 * Accessibility (issue 8): axe-core finds no violation — and no SVG text, which axe cannot
 * judge, falls below AA contrast — on the default view, a lesson step (the first lesson's first
 * step; a crashed leader in the consensus view) and presenter mode, and with each of the
 * overlays open (the lesson list, the error banner of a hostile share link, the confirm dialog,
 * the large-scenario prompt), in English and Chinese, at the projector size 1366×768. Runs are
 * paused first so axe reads the page a screenshot shows.
 */
test.use({ viewport: { width: 1366, height: 768 } })

const PAGES = {
  default: '',
  lesson: `&lesson=${course[0].id}&step=1`,
  'crashed leader': '&lesson=leader-crash&step=4',
  presenter: '&present=1',
} as const

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations']

/** One line per violation and node, so a failure says what to fix. */
const summary = (violations: Violations) =>
  violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`),
  )

async function settle(page: Page) {
  await expect(runInfo(page)).toHaveAttribute('data-trace-hash', /./)
  await pause(page)
}

async function expectNoViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze()
  expect(summary(result.violations)).toEqual([])
  expect(await lowContrastSvgText(page)).toEqual([])
}

/** A scenario over the browser's node limit (1 000): loading it asks first. */
const huge = () => {
  const s = presetScenario('free-drift')
  s.nodes = Array.from({ length: 1200 }, (_, i) => ({ id: `n${i}` }))
  return Buffer.from(JSON.stringify(s))
}

/** Each overlay: how to open it on the default view, and what shows it is open. */
const OVERLAYS: Record<string, { open(page: Page): Promise<void>; shown: string }> = {
  'lesson list': {
    open: (page) => page.getByTestId('lessons-open').click(),
    shown: 'lesson-item-clocks-drift',
  },
  'error banner': {
    // a hostile share link: not base64url
    open: async (page) => {
      await page.evaluate(() => (location.hash = '#s=not*base64'))
    },
    shown: 'error-banner',
  },
  'confirm dialog': {
    // reset after an intervention asks first
    open: async (page) => {
      await page.getByTestId('node-c2').click()
      await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')
      await page.getByTestId('reset').click()
    },
    shown: 'confirm-dialog',
  },
  'large-scenario prompt': {
    open: (page) =>
      page.getByTestId('scenario-import').setInputFiles({
        name: 'huge.json',
        mimeType: 'application/json',
        buffer: huge(),
      }),
    shown: 'large-scenario',
  },
}

for (const lang of ['en', 'zh'] as const) {
  for (const [name, overlay] of Object.entries(OVERLAYS)) {
    test(`no accessibility violations: ${name} open (${lang})`, async ({ page }, testInfo) => {
      await page.goto(`/?lang=${lang}`)
      await settle(page)
      await overlay.open(page)
      await expect(page.getByTestId(overlay.shown)).toBeVisible()
      await page.screenshot({
        path: testInfo.outputPath(`a11y-${name.replaceAll(' ', '-')}-${lang}.png`),
      })
      await expectNoViolations(page)
    })
  }

  for (const [name, query] of Object.entries(PAGES)) {
    test(`no accessibility violations: ${name} (${lang})`, async ({ page }) => {
      await page.goto(`/?lang=${lang}${query}`)
      await settle(page)
      // the scan reads crashed-node styles only if the page shows one
      if (name === 'crashed leader')
        await expect(page.getByTestId('node-n2')).toHaveAttribute('data-status', 'crashed')
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en')
      await expectNoViolations(page)
    })
  }
}
