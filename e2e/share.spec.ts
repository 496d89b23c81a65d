import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import type { ScenarioInput } from '../src/engine'
import { encodeShare } from '../src/engine/scenario/shareCodec'
import {
  cliHash,
  fast,
  pause,
  presetScenario,
  runInfo,
  simTime,
  traceHash,
} from './perturb-helpers'
import { openView } from './views'

/**
 * A run with a few interventions at different times, paused: the state every test here shares
 * or reproduces. Driven by Step, so the time stays small (opening a link replays from 0) and
 * does not depend on how fast the machine is.
 */
async function breakAndPause(page: Page) {
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await openView(page, 'perturb')
  await openView(page, 'interventions', true)
  await pause(page)
  const step = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const t = await simTime(page)
      await page.getByTestId('step').click()
      await expect.poll(() => simTime(page)).toBeGreaterThan(t)
    }
  }
  await step(3)
  await page.getByTestId('link-c1-s1').click()
  await step(4)
  await page.getByTestId('node-c3').click()
  await step(2)
  await page.getByTestId('net-loss-input').fill('5')
  await page.getByTestId('net-loss-input').press('Enter')
  await step(6)
  await expect(page.getByTestId('intervention')).toHaveCount(3)
  return { T: await simTime(page), hash: await traceHash(page) }
}

test('a share link opened in a fresh page reproduces the run: same time, same trace hash', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto('/?lang=en')
  const { T, hash } = await breakAndPause(page)
  await openView(page, 'share', true)
  await page.getByTestId('share-link').click()
  const url = await page.getByTestId('share-url').inputValue()
  expect(url).toMatch(/\?lang=en#s=[A-Za-z0-9_-]+$/)
  await page.screenshot({ path: testInfo.outputPath('share-en.png'), fullPage: true })

  // a new context: no autosaved session, nothing shared but the link
  const other = await browser.newContext()
  const fresh = await other.newPage()
  await fresh.goto(url)
  await expect(runInfo(fresh)).toHaveAttribute('data-sim-time', String(T))
  await expect(runInfo(fresh)).toHaveAttribute('data-trace-hash', hash!)
  await expect(fresh.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false')
  await expect(fresh.getByTestId('link-c1-s1')).toHaveAttribute('data-status', 'cut')
  await expect(fresh.getByTestId('node-c3')).toHaveAttribute('data-status', 'crashed')
  await expect(fresh.getByTestId('run-notice')).toContainText(`paused at ${T.toFixed(6)} s`)
  // the payload leaves the address bar, so a reload shows the autosaved session instead
  expect(new URL(fresh.url()).hash).toBe('')
  // and it plays on from there; "paused at" no longer holds, so the note goes
  await fresh.getByTestId('play-pause').click()
  await expect.poll(() => simTime(fresh)).toBeGreaterThan(T)
  await expect(fresh.getByTestId('run-notice')).toHaveCount(0)
  await other.close()
})

test('a bad share link shows the banner naming the problem and changes nothing else', async ({
  page,
}) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await openView(page, 'interventions')
  await page.getByTestId('link-c2-s1').click()
  const banner = page.getByTestId('error-banner')
  const good = encodeShare(presetScenario('free-drift'), 5)
  const bad = presetScenario('free-drift') as { nodes: { clock?: unknown }[] }
  bad.nodes[1].clock = { skewPpm: 'fast' }
  const cases: [string, RegExp][] = [
    ['#s=not*base64', /outside base64url/],
    [
      `#s=${good.slice(0, Math.floor(good.length / 2))}`,
      /corrupt or truncated|not valid base64url|not valid JSON/,
    ],
    [`#s=${'A'.repeat(250_000)}`, /too long/],
    [
      `#s=${encodeShare(bad as unknown as ScenarioInput)}`,
      /nodes\[1\]\.clock\.skewPpm: must be a number/,
    ],
    [`#s=${good.replace(/.$/, '')}`, /share link: /],
  ]
  for (const [hash, message] of cases) {
    const before = await simTime(page)
    await page.evaluate((h) => (window.location.hash = h), hash)
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('Share link not opened')
    await expect(banner).toContainText(message)
    await expect(banner).toContainText('The running simulation was left unchanged.')
    // same run, still playing, the intervention still there
    await expect(page.getByTestId('scenario-picker')).toHaveValue('cristian-lan')
    await expect(page.getByTestId('link-c2-s1')).toHaveAttribute('data-status', 'cut')
    await expect(page.getByTestId('intervention')).toHaveCount(1)
    await expect.poll(() => simTime(page)).toBeGreaterThan(before)
    await banner.getByRole('button', { name: 'Dismiss' }).click()
  }

  // hostile text in a valid link is shown as text, never markup
  const hostile = presetScenario('free-drift')
  hostile.name = '<img src=x onerror="window.__pwned=1">'
  await page.evaluate((h) => (window.location.hash = h), `#s=${encodeShare(hostile, 1)}`)
  await expect(page.getByTestId('node-ref')).toBeVisible()
  await expect(runInfo(page)).toContainText('<img src=x onerror="window.__pwned=1">')
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()
  await expect(page.locator('img')).toHaveCount(0)
})

test('an oversize or hostile scenario file is refused by a banner naming the problem', async ({
  page,
}) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  const banner = page.getByTestId('error-banner')
  await page.getByTestId('scenario-import').setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(12_000_000, 32),
  })
  await expect(banner).toContainText('The file is too large (12 MB; at most 10 MB).')
  await expect(banner).toContainText('The running simulation was left unchanged.')

  const hostile = presetScenario('free-drift') as { name?: string; nodes: { id: string }[] }
  hostile.name = '<script>window.__pwned = 1</script>'
  hostile.nodes[2].id = '<img src=x onerror="window.__pwned=1">'
  await page.getByTestId('scenario-import').setInputFiles({
    name: '<b>evil</b>.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostile)),
  })
  await expect(banner).toContainText('nodes[2].id: must match')
  await expect(page.getByTestId('scenario-picker')).toHaveValue('cristian-lan')
  await expect(page.locator('img, script:not([src]):not([type])')).toHaveCount(0)
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()
})

test('a reload restores the session paused at the same time with the same trace hash', async ({
  page,
}, testInfo) => {
  await page.goto('/?lang=en')
  const { T, hash } = await breakAndPause(page)
  await fast(page) // the speed is part of the session too
  // no waiting for the autosave throttle: leaving the page saves at once (pagehide)
  await page.reload()
  await expect(runInfo(page)).toHaveAttribute('data-sim-time', String(T))
  await expect(runInfo(page)).toHaveAttribute('data-trace-hash', hash!)
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('run-notice')).toContainText('Restored your last session')
  // the interventions are live again: listed and removable
  await openView(page, 'interventions')
  await expect(page.getByTestId('intervention')).toHaveText([
    /Cut link c1 → s1/,
    /Crash c3/,
    /Set message loss to 5 %/,
  ])
  await expect(page.getByTestId('speed')).toHaveValue('300')

  // the language is part of the session
  await page.getByTestId('lang-switch').click()
  await expect(page.getByTestId('lang-switch')).toHaveText('English')
  await page.goto('/')
  await expect(page.getByTestId('step')).toHaveText('单步')
  await expect(page.getByTestId('run-notice')).toContainText('已恢复上次的会话')
  await page.screenshot({ path: testInfo.outputPath('restored-zh.png'), fullPage: true })
})

test('a full storage is said, not hidden: the autosave notice shows until a save succeeds', async ({
  browser,
}) => {
  const context = await browser.newContext()
  // storage that refuses every write, as a full one does
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem
    ;(window as unknown as { fullStorage: boolean }).fullStorage = true
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { fullStorage: boolean }).fullStorage)
        throw new DOMException('quota', 'QuotaExceededError')
      setItem.call(this, key, value)
    }
  })
  const page = await context.newPage()
  await page.goto('/?lang=en')
  await breakAndPause(page)
  const notice = page.getByTestId('autosave-failed')
  await expect(notice).toContainText('storage is full')
  // the run itself goes on
  await expect(page.getByTestId('error-banner')).toHaveCount(0)
  const t0 = await simTime(page)
  await page.getByTestId('play-pause').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(t0)
  // room again: the next save succeeds and the notice goes
  await page.evaluate(() => ((window as unknown as { fullStorage: boolean }).fullStorage = false))
  await expect(notice).toHaveCount(0, { timeout: 10_000 })
  await context.close()
})

test('a corrupted saved session is ignored with a notice, and the default run starts', async ({
  browser,
}) => {
  for (const stored of ['{"v":1,"base":', '{"v":1,"base":{"version":1},"inputs":[]}', '"x"']) {
    // A fresh context whose storage holds the corrupted session before the app's first line
    // runs (setting it from a loaded page races the app's own save on reload).
    const context = await browser.newContext()
    await context.addInitScript((s) => localStorage.setItem('driftlab.session.v1', s), stored)
    const page = await context.newPage()
    await page.goto('/?lang=en')
    const banner = page.getByTestId('error-banner')
    await expect(banner).toContainText('Saved session ignored')
    await expect(banner).toContainText('A fresh run was started instead.')
    await expect(page.getByTestId('scenario-picker')).toHaveValue('cristian-lan')
    await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true')
    await expect.poll(() => simTime(page)).toBeGreaterThan(0)
    await context.close()
  }
})

test('the exported scenario replays in the engine to the same trace hash as the UI', async ({
  page,
}) => {
  await page.goto('/?lang=en')
  const { T, hash } = await breakAndPause(page)
  await openView(page, 'share')
  const downloading = page.waitForEvent('download')
  await page.getByTestId('scenario-export').click()
  const file = await downloading
  expect(file.suggestedFilename()).toBe(`cristian-on-a-lan-t${T.toFixed(3)}.json`)
  const exported = JSON.parse(await readFile(await file.path(), 'utf8'))
  expect(exported.faults).toEqual([
    expect.objectContaining({ type: 'cutLink', from: 'c1', to: 's1' }),
    expect.objectContaining({ type: 'crash', node: 'c3' }),
    expect.objectContaining({ type: 'setLoss', p: 0.05 }),
  ])
  // what `npm run sim -- file.json --duration T` computes
  expect(cliHash(exported, T)).toBe(hash)
})

test('topology SVG and PNG and the offsets CSV download with their content', async ({ page }) => {
  await page.goto('/?lang=en')
  await expect.poll(() => simTime(page)).toBeGreaterThan(0.1)
  await pause(page)
  await openView(page, 'share')
  const save = async (testId: string) => {
    const downloading = page.waitForEvent('download')
    await page.getByTestId(testId).click()
    const file = await downloading
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
  }
  const svg = await save('export-svg')
  expect(svg.name).toMatch(/-topology-t[\d.]+\.svg$/)
  const text = svg.bytes.toString('utf8')
  expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(text).toContain('data-testid="node-c1"')
  expect(text).toMatch(/style="[^"]*stroke:/)

  const png = await save('export-png')
  expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])

  // every sample the offset charts hold: one row per sample per node, times increasing
  const csv = (await save('export-csv')).bytes.toString('utf8').split('\r\n')
  const T = await simTime(page)
  expect(csv[0]).toBe('time_s,node,offset_s,correction_ppm')
  expect(csv.at(-1)).toBe('')
  const rows = csv.slice(1, -1).map((row) => row.split(','))
  const ids = ['s1', 'c1', 'c2', 'c3', 'c4']
  expect(rows.length).toBeGreaterThan(2 * ids.length)
  expect(rows.length % ids.length).toBe(0)
  for (let k = 0; k < rows.length; k += ids.length) {
    const group = rows.slice(k, k + ids.length)
    expect(group.map((r) => r[1])).toEqual(ids)
    expect(new Set(group.map((r) => r[0])).size).toBe(1)
    if (k > 0) expect(Number(group[0][0])).toBeGreaterThan(Number(rows[k - 1][0]))
  }
  expect(Number(rows[0][0])).toBe(0)
  expect(Number(rows.at(-1)![0])).toBeLessThanOrEqual(T)
  // the reference server is the truth
  expect(rows.filter((r) => r[1] === 's1').every((r) => Number(r[2]) === 0)).toBe(true)
})

test('?embed=1 shows only the topology and the run controls; ?lang is honoured', async ({
  page,
}, testInfo) => {
  await page.goto('/?embed=1&lang=zh')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await expect(page.getByTestId('play-pause')).toHaveText('暂停')
  await expect(page.getByTestId('lang-switch')).toHaveCount(0)
  await expect(page.getByTestId('run-info')).toHaveCount(0)
  await expect(page.getByTestId('share-link')).toHaveCount(0)
  await expect(page.getByTestId('link-c1-s1')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('embed-zh.png') })
})
