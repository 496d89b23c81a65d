/**
 * Runs before the end-to-end suite: fail with instructions, not a stack trace, when there is no
 * Chromium for Playwright to drive. Looks where playwright.config.ts looks.
 */
import { existsSync } from 'node:fs'

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
].filter(Boolean)

async function playwrightsOwn() {
  try {
    const { chromium } = await import('playwright-core')
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

const found =
  candidates.find((p) => existsSync(p)) ?? [await playwrightsOwn()].find((p) => p && existsSync(p))

if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`)
  process.exit(1)
}

if (!found) {
  console.error(
    [
      'No Chromium found for the end-to-end tests.',
      '',
      'Install one of these, then run `npm run test:e2e` again:',
      '  Debian / Ubuntu:  sudo apt-get install chromium',
      '  elsewhere:        npx playwright install chromium',
      '',
      'Or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ].join('\n'),
  )
  process.exit(1)
}
