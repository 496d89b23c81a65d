import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { course } from '../src/ui/lessons/course'
import { pause, runInfo } from './perturb-helpers'
import { lowContrastSvgText } from './svgContrast'

/**
 * Accessibility (issue 8): axe-core finds no violation — and no SVG text, which axe cannot
 * judge, falls below AA contrast — on the default view, a lesson step (the first lesson's first
 * step; a crashed leader in the consensus view) and presenter mode, in English and Chinese, at
 * the projector size 1366×768. Runs are paused first so axe reads the page a screenshot shows.
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

for (const lang of ['en', 'zh'] as const) {
  for (const [name, query] of Object.entries(PAGES)) {
    test(`no accessibility violations: ${name} (${lang})`, async ({ page }) => {
      await page.goto(`/?lang=${lang}${query}`)
      await settle(page)
      // the scan reads crashed-node styles only if the page shows one
      if (name === 'crashed leader')
        await expect(page.getByTestId('node-n2')).toHaveAttribute('data-status', 'crashed')
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en')
      const result = await new AxeBuilder({ page }).analyze()
      expect(summary(result.violations)).toEqual([])
      expect(await lowContrastSvgText(page)).toEqual([])
    })
  }
}
