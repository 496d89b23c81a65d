import { expect, test, type Page } from '@playwright/test'
import { drawOnPage, rgb, screenPixels } from './screenPixels'
import { createSimulation, parseScenario, runAndSummarize } from '../src/engine'
import { presets } from '../src/engine/scenario/presets'
import { countReactCommits } from './reactCommits'

const presetScenario = (id: string) => structuredClone(presets.find((p) => p.id === id)!.scenario)

const runInfo = (page: Page) => page.getByTestId('run-info')
const simTime = async (page: Page) => Number(await runInfo(page).getAttribute('data-sim-time'))

/** The first message drawn on the message canvas, by id → position (`data-first`: "id x,y"). */
const messagePositions = async (page: Page): Promise<Record<string, string>> => {
  const first = (await page.getByTestId('messages').getAttribute('data-first')) ?? ''
  const [id, at] = first.split(' ')
  return at ? { [id]: at } : {}
}

async function pause(page: Page) {
  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false')
  // the worker's answer to the pause: a frame that says it is not running
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false')
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
})

test('opens with the default scenario running and messages moving along the links', async ({
  page,
}) => {
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('scenario-picker')).toHaveValue('cristian-lan')
  for (const id of ['s1', 'c1', 'c2', 'c3', 'c4'])
    await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-status', 'up')
  await expect(page.getByTestId('messages')).not.toHaveAttribute('data-count', /^0?$/)
  // some message is seen at two different places on its way
  await expect
    .poll(
      async () => {
        const a = await messagePositions(page)
        await page.waitForTimeout(40)
        const b = await messagePositions(page)
        return Object.keys(a).some((id) => id in b && a[id] !== b[id])
      },
      { timeout: 15_000 },
    )
    .toBe(true)
  const c1 = page.getByTestId('node-c1')
  expect(Number(await c1.getAttribute('data-local'))).toBeGreaterThan(0)
  expect(Number.isFinite(Number(await c1.getAttribute('data-offset')))).toBe(true)
})

for (const where of ['worker', 'page'] as const)
  test(`the message canvas shows a message in its kind colour where the page says it is (drawn by the ${where})`, async ({
    page,
  }) => {
    // the canvas is painted by a worker of its own; only the screen shows what it drew
    if (where === 'page') await drawOnPage(page)
    await pause(page)
    const messages = page.getByTestId('messages')
    for (let i = 0; i < 50 && !(await messages.getAttribute('data-first')); i++)
      await page.getByTestId('step').click()
    const [, at] = ((await messages.getAttribute('data-first')) ?? '').split(' ')
    const [x, y] = at.split(',').map(Number)
    const colours = await page
      .locator('.legend-kinds circle')
      .evaluateAll((cs) => cs.map((c) => c.getAttribute('fill')!))
    expect(colours.length).toBeGreaterThan(0)
    // the canvas paints at the next display refresh after the attribute is written
    const shown = async () => {
      const {
        pixels: [pixel],
      } = await screenPixels(page, messages, { at: [[x, y]] })
      const near = colours.some((c) => rgb(c).every((v, k) => Math.abs(v - pixel[k]) < 24))
      return near ? 'a kind colour' : `pixel ${pixel} at ${x},${y}, not one of ${colours}`
    }
    await expect.poll(shown).toBe('a kind colour')
  })

test('clicking a node crashes it, clicking again restarts it; the keyboard does the same', async ({
  page,
}) => {
  const c2 = page.getByTestId('node-c2')
  await c2.click()
  await expect(c2).toHaveAttribute('data-status', 'crashed')
  await c2.click()
  await expect(c2).toHaveAttribute('data-status', 'up')

  const c3 = page.getByTestId('node-c3')
  await c3.focus()
  await page.keyboard.press('Enter')
  await expect(c3).toHaveAttribute('data-status', 'crashed')
  await page.keyboard.press(' ')
  await expect(c3).toHaveAttribute('data-status', 'up')
})

test('pause stops simulated time and step advances it', async ({ page }) => {
  await pause(page)
  const shown = page.getByTestId('sim-time')
  const before = await shown.textContent()
  await page.waitForTimeout(600)
  await expect(shown).toHaveText(before!)

  const t0 = await simTime(page)
  await page.getByTestId('step').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(t0)
  const t1 = await simTime(page)
  await expect(shown).toHaveText(t1.toFixed(6))
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false')
})

test('the language switch shows Chinese and keeps it in the URL', async ({ page }, testInfo) => {
  await page.waitForTimeout(1500) // let some exchanges happen, for the screenshot
  await page.screenshot({ path: testInfo.outputPath('app-en.png') })
  await page.getByTestId('lang-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByTestId('play-pause')).toHaveText('暂停')
  await expect(page.getByTestId('lang-switch')).toHaveText('English')
  await expect(page.getByTestId('view-tab-run')).toHaveText('本次运行')
  expect(new URL(page.url()).searchParams.get('lang')).toBe('zh')
  await page.screenshot({ path: testInfo.outputPath('app-zh.png') })

  await page.goto('/?lang=zh')
  await expect(page.getByTestId('step')).toHaveText('单步')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})

test('a bad scenario file shows the field-precise error and leaves the running simulation alone', async ({
  page,
}) => {
  const bad = presetScenario('free-drift') as { nodes: { clock?: Record<string, unknown> }[] }
  bad.nodes[1].clock = { skewPpm: 'fast' }
  const before = await simTime(page)
  await page.getByTestId('scenario-import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  })
  const banner = page.getByTestId('error-banner')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('nodes[1].clock.skewPpm: must be a number')
  // same scenario, still advancing
  await expect(page.getByTestId('scenario-picker')).toHaveValue('cristian-lan')
  await expect(page.getByTestId('node-c4')).toBeVisible()
  await expect.poll(() => simTime(page)).toBeGreaterThan(before)

  await page.getByTestId('scenario-import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"version": 1,'),
  })
  await expect(banner).toContainText('not valid JSON')
  await expect(page.getByTestId('scenario-picker')).toHaveValue('cristian-lan')

  // nested far past any field: refused by name before it is posted to the worker
  const n = 100_000
  const deep = `${JSON.stringify(presetScenario('free-drift')).slice(0, -1)},"extra":${'['.repeat(n)}${']'.repeat(n)}}`
  await page.getByTestId('scenario-import').setInputFiles({
    name: 'deep.json',
    mimeType: 'application/json',
    buffer: Buffer.from(deep),
  })
  await expect(banner).toContainText('extra[0][0][0]…: nested more than 64 levels deep')
  await expect(page.getByTestId('node-c4')).toBeVisible()
  await expect(page.getByTestId('worker-notice')).toHaveCount(0)
})

test('a scenario past the browser limits is loaded only when the user says so', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const huge = presetScenario('free-drift')
  huge.nodes = Array.from({ length: 1200 }, (_, i) => ({ id: `n${i}` }))
  const importHuge = () =>
    page.getByTestId('scenario-import').setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(huge)),
    })
  await importHuge()
  const prompt = page.getByTestId('large-scenario')
  await expect(prompt).toContainText('1,200 nodes (comfortable: up to 1,000)')
  await expect(page.getByTestId('large-scenario-keep')).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('large-scenario.png') })
  // keep: nothing changes, the run goes on
  const before = await simTime(page)
  await page.getByTestId('large-scenario-keep').click()
  await expect(prompt).toHaveCount(0)
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await expect.poll(() => simTime(page)).toBeGreaterThan(before)
  // load it anyway
  await importHuge()
  await page.getByTestId('large-scenario-load').click()
  await expect(page.getByTestId('node-n1199')).toBeAttached()
  await expect(prompt).toHaveCount(0)
  await expect(page.getByTestId('node-s1')).toHaveCount(0)
})

test('a scenario file saved with a byte-order mark loads', async ({ page }) => {
  await page.getByTestId('scenario-import').setInputFiles({
    name: 'bom.json',
    mimeType: 'application/json',
    buffer: Buffer.from('\uFEFF' + JSON.stringify(presetScenario('free-drift'))),
  })
  await expect(page.getByTestId('node-ref')).toBeVisible()
  await expect(page.getByTestId('error-banner')).toHaveCount(0)
})

test('a good scenario file replaces the run', async ({ page }) => {
  await page.getByTestId('scenario-import').setInputFiles({
    name: 'drift.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(presetScenario('free-drift'))),
  })
  await expect(page.getByTestId('node-ref')).toBeVisible()
  await expect(page.getByTestId('node-s1')).toHaveCount(0)
  await expect(page.getByTestId('error-banner')).toHaveCount(0)
  await expect(runInfo(page)).toHaveAttribute('data-seed', '7')
})

test('paused at T, run-info carries the trace hash the CLI prints for --duration T', async ({
  page,
}) => {
  await page.getByTestId('speed').fill('300') // about 10×
  await expect.poll(() => simTime(page), { timeout: 15_000 }).toBeGreaterThan(9) // past a poll interval
  await pause(page)
  const T = await simTime(page)
  const hash = await runInfo(page).getAttribute('data-trace-hash')
  expect(await runInfo(page).getAttribute('data-seed')).toBe('42')

  const parsed = parseScenario({ ...presetScenario('cristian-lan'), duration: T })
  if (!parsed.ok) throw new Error(parsed.error)
  expect(runAndSummarize(createSimulation(parsed.scenario), T).traceHash).toBe(hash)
})

test('playback keeps React commits to a handful per second: frames are painted, not rendered', async ({
  page,
}) => {
  const commits = await countReactCommits(page)
  await page.goto('/?lang=en')
  await page.getByTestId('speed').fill('250') // 1× real time: frames change every display refresh
  await expect.poll(() => simTime(page)).toBeGreaterThan(1)
  expect(await commits()).toBeGreaterThan(0) // the hook is live
  const c0 = await commits()
  const t0 = await simTime(page)
  await page.waitForTimeout(3000)
  expect(await simTime(page)).toBeGreaterThan(t0 + 1) // frames kept flowing
  expect(await commits()).toBeLessThanOrEqual(c0 + 10)
})

test('a worker that dies is noticed and replaced: same scenario, paused, with a message', async ({
  page,
}) => {
  // The first worker script to load throws at start-up; later ones are the real thing.
  let served = 0
  await page.route(/sim\.worker-[^/]*\.js$/, async (route) => {
    if (served++ === 0) {
      await route.fulfill({
        contentType: 'text/javascript',
        body: 'throw new Error("worker test failure")',
      })
    } else await route.continue()
  })
  await page.goto('/?lang=en')
  const notice = page.getByTestId('worker-notice')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('worker test failure')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await expect(page.getByTestId('scenario-picker')).toHaveValue('cristian-lan')
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false')
  // and the new worker runs
  await page.getByTestId('play-pause').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(0)
  expect(served).toBe(2)
})
