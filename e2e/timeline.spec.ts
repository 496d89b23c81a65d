import { expect, test, type Page } from '@playwright/test'
import type { TimedIntervention } from '../src/engine'
import { defaultRunHash, pause, playUntil, runInfo, simTime, traceHash } from './perturb-helpers'
import { openView } from './views'

/**
 * The timeline and the space-time diagram: scrubbing back restores the true earlier state,
 * acting in the past replaces the future, a killed worker is recovered where it was, and cut
 * links show their dropped messages as crosses.
 */

const timeline = (page: Page) => page.getByTestId('timeline')

/** Wait for a seek to land: the paused run shows a new time. */
async function timeChangesFrom(page: Page, before: number) {
  await expect.poll(() => simTime(page)).not.toBe(before)
  return simTime(page)
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?lang=en')
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await page.getByTestId('speed').fill('300') // about 10×
})

test('scrubbing back shows the true earlier state; acting there replaces the future', async ({
  page,
}, testInfo) => {
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(12)
  await pause(page)
  // interventions made while paused apply at the paused time, so the test knows their times
  const T0 = await simTime(page)
  await page.getByTestId('node-c2').click()
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')
  await playUntil(page, T0 + 15)
  const T1 = await simTime(page)
  await page.getByTestId('node-c2').click()
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'up')
  await playUntil(page, T1 + 10)
  const head = await simTime(page)
  const faults: TimedIntervention[] = [
    { at: T0, type: 'crash', node: 'c2' },
    { at: T1, type: 'restart', node: 'c2' },
  ]
  expect(await traceHash(page)).toBe(defaultRunHash(faults, head))

  // click on the scrubber between the crash and the restart
  const box = (await timeline(page).boundingBox())!
  const frac = (T0 + T1) / 2 / head
  await page.mouse.click(box.x + 8 + frac * (box.width - 16), box.y + box.height / 2)
  const T = await timeChangesFrom(page, head)
  expect(T).toBeGreaterThan(T0)
  expect(T).toBeLessThan(T1)
  expect(await traceHash(page)).toBe(defaultRunHash(faults, T))
  await expect(page.getByTestId('sim-time')).toHaveText(T.toFixed(6))
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')
  await expect(timeline(page)).toHaveAttribute('data-head', String(head))
  await expect(timeline(page)).toHaveAttribute('aria-valuenow', String(T))

  // the keyboard: one second back, then Home and End
  await timeline(page).focus()
  await page.keyboard.press('ArrowLeft')
  const Tk = await timeChangesFrom(page, T)
  expect(Tk).toBeCloseTo(T - 1, 9)
  expect(await traceHash(page)).toBe(defaultRunHash(faults, Tk))
  await page.keyboard.press('Home')
  await expect.poll(() => simTime(page)).toBe(0)
  await page.keyboard.press('End')
  await expect.poll(() => simTime(page)).toBe(head)
  expect(await traceHash(page)).toBe(defaultRunHash(faults, head))
  await page.keyboard.press('Home')
  await expect.poll(() => simTime(page)).toBe(0)
  await page.mouse.click(box.x + 8 + frac * (box.width - 16), box.y + box.height / 2)
  expect(await timeChangesFrom(page, 0)).toBe(T)

  // acting in the past: crash c3 at T, after saying it replaces c2's restart. The head comes back
  // to T, the old future is gone
  await page.getByTestId('node-c3').click()
  await expect(page.getByRole('dialog')).toContainText('1 intervention is recorded after this time')
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('node-c3')).toHaveAttribute('data-status', 'crashed')
  await expect(timeline(page)).toHaveAttribute('data-head', String(T))
  await expect(timeline(page)).toHaveAttribute('data-branches', '1')
  // the discarded future stays drawn (hatched) until the new run passes it
  await page
    .locator('.timeline-bar')
    .screenshot({ path: testInfo.outputPath('timeline-branch.png') })
  await playUntil(page, T1 + 5)
  await expect(page.getByTestId('node-c2')).toHaveAttribute('data-status', 'crashed')
  const T2 = await simTime(page)
  expect(await traceHash(page)).toBe(
    defaultRunHash(
      [
        { at: T0, type: 'crash', node: 'c2' },
        { at: T, type: 'crash', node: 'c3' },
      ],
      T2,
    ),
  )
})

/** The timeline thumb's transform writes during `frames` display refreshes ("old -> new"). */
const thumbWrites = (page: Page, frames: number) =>
  page.evaluate(
    (frames) =>
      new Promise<string[]>((done) => {
        const thumb = document.querySelector('[data-testid=timeline] svg > g')!
        const writes: string[] = []
        const watch = new MutationObserver((ms) =>
          ms.forEach((m) => writes.push(`${m.oldValue} -> ${thumb.getAttribute('transform')}`)),
        )
        watch.observe(thumb, { attributeFilter: ['transform'], attributeOldValue: true })
        let n = 0
        const tick = () => {
          if (++n < frames) return void requestAnimationFrame(tick)
          watch.disconnect()
          done(writes)
        }
        requestAnimationFrame(tick)
      }),
    frames,
  )

test('the thumb is written only when its whole-pixel position changes', async ({ page }) => {
  await expect.poll(() => simTime(page)).toBeGreaterThan(3)
  // live, the thumb stays at the head's end of the rail: a second of play writes nothing
  const before = await simTime(page)
  const live = await thumbWrites(page, 60)
  expect(await simTime(page)).toBeGreaterThan(before)
  expect(live).toEqual([])
  // replaying the recorded run from its start, the thumb moves: whole pixels, each one new
  await pause(page)
  const head = await simTime(page)
  await timeline(page).focus()
  await page.keyboard.press('Home')
  await timeChangesFrom(page, head)
  await page.getByTestId('play-pause').click()
  const moving = await thumbWrites(page, 30)
  expect(moving.length).toBeGreaterThan(0)
  for (const w of moving) {
    const [from, to] = w.split(' -> ')
    expect(to).toMatch(/^translate\(\d+,0\)$/)
    expect(to).not.toBe(from)
  }
})

test('a killed worker is replaced and resumes at the same simulated time with the same hash', async ({
  page,
}) => {
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(8)
  await pause(page)
  const Ta = await simTime(page)
  await page.getByTestId('node-c1').click()
  await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'crashed')
  await playUntil(page, Ta + 20)
  // seek back, so the run is not at its recorded head when the worker dies
  await timeline(page).focus()
  const head = await simTime(page)
  await page.keyboard.press('PageDown')
  const T = await timeChangesFrom(page, head)
  expect(T).toBeCloseTo(head - 10, 9)
  const hash = await traceHash(page)
  expect(hash).toBe(defaultRunHash([{ at: Ta, type: 'crash', node: 'c1' }], T))

  await page.evaluate(() =>
    (window as unknown as { __driftlab: { killWorker(): void } }).__driftlab.killWorker(),
  )
  const notice = page.getByTestId('worker-notice')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('worker killed by the test hook')
  await expect(notice).toContainText('interventions made so far: 1')
  await expect(runInfo(page)).toHaveAttribute('data-sim-time', String(T))
  await expect(runInfo(page)).toHaveAttribute('data-trace-hash', hash!)
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'crashed')
  // the recorded run came back too: the head is where it was
  await expect(timeline(page)).toHaveAttribute('data-head', String(head))

  // killed while playing: it plays on from where it was
  await page.getByTestId('play-pause').click()
  await expect.poll(() => simTime(page)).toBeGreaterThan(T + 2)
  await page.evaluate(() =>
    (window as unknown as { __driftlab: { killWorker(): void } }).__driftlab.killWorker(),
  )
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true')
  const resumed = await simTime(page)
  await expect.poll(() => simTime(page)).toBeGreaterThan(resumed + 2)
  await pause(page)
  expect(await traceHash(page)).toBe(
    defaultRunHash([{ at: Ta, type: 'crash', node: 'c1' }], await simTime(page)),
  )
})

test('messages on a cut link end in crosses in the space-time diagram (screenshots en, zh)', async ({
  page,
}, testInfo) => {
  await openView(page, 'spacetime')
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(9)
  const diagram = page.getByTestId('spacetime')
  await diagram.scrollIntoViewIfNeeded() // views off screen paint nothing
  await expect
    .poll(async () => Number(await diagram.getAttribute('data-arrows')))
    .toBeGreaterThan(0)
  await expect(diagram).toHaveAttribute('data-drops', '0')
  await page.getByTestId('link-s1-c1').click()
  const cutAt = await simTime(page)
  await expect.poll(() => simTime(page), { timeout: 30_000 }).toBeGreaterThan(cutAt + 20)
  await pause(page)
  await diagram.scrollIntoViewIfNeeded() // clicking the link scrolled the map into view
  await expect.poll(async () => Number(await diagram.getAttribute('data-drops'))).toBeGreaterThan(0)
  await expect(diagram).toHaveAttribute('data-following', 'true')

  // local clock ticks on, and a look at the whole section in both languages
  await page.getByTestId('spacetime-local-ticks').check()
  const section = page.locator('section.spacetime')
  await section.scrollIntoViewIfNeeded()
  await section.screenshot({ path: testInfo.outputPath('spacetime-en.png') })

  // zoom in on the present moment with the wheel: still following, a shorter span
  await diagram.scrollIntoViewIfNeeded()
  const box = (await diagram.boundingBox())!
  const from = Number(await diagram.getAttribute('data-from'))
  await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2)
  await page.mouse.wheel(0, -600)
  await expect
    .poll(async () => Number(await diagram.getAttribute('data-from')))
    .toBeGreaterThan(from)
  await expect(diagram).toHaveAttribute('data-following', 'true')
  // drag to pan back: following stops, the follow button brings it back
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(diagram).toHaveAttribute('data-following', 'false')
  await page.getByTestId('spacetime-follow').click()
  await expect(diagram).toHaveAttribute('data-following', 'true')

  // hovering a dropped message tells why: scan across the s1 → c1 stubs (lanes 0 and 1)
  const lanes = await page
    .locator('.st-lane-label')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('y'))))
  const stubY = box.y + lanes[0] + 0.2 * (lanes[1] - lanes[0])
  const card = page.getByTestId('spacetime-card')
  for (let x = box.x + 60; x < box.x + box.width - 10; x += 3) {
    await page.mouse.move(x, stubY)
    // other arrows (requests from lower lanes up to s1) cross this strip too
    if ((await card.isVisible()) && (await card.textContent())?.includes('the link is cut')) break
  }
  await expect(card).toContainText('the link is cut')
  await expect(card).toContainText('s1 → c1')
  await section.screenshot({ path: testInfo.outputPath('spacetime-hover-en.png') })
  await page.mouse.move(box.x + 5, box.y - 40)

  await page.getByTestId('lang-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(section).toContainText('时空图')
  await section.screenshot({ path: testInfo.outputPath('spacetime-zh.png') })
})

test('local clock ticks show each node reading its own time (screenshot)', async ({
  page,
}, testInfo) => {
  // no synchronisation: the clocks drift apart at 200, −150 and 50 ppm (c also starts 50 ms ahead)
  await page.getByTestId('scenario-picker').selectOption('free-drift')
  await expect(page.getByTestId('node-ref')).toBeVisible()
  await openView(page, 'spacetime')
  await page.getByTestId('speed').fill('1000')
  await expect.poll(() => simTime(page), { timeout: 30_000 }).toBeGreaterThan(200)
  await pause(page)
  await page.getByTestId('spacetime-local-ticks').check()
  const diagram = page.getByTestId('spacetime')
  await diagram.scrollIntoViewIfNeeded()
  const box = (await diagram.boundingBox())!
  await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2)
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -600)
  await expect
    .poll(
      async () =>
        Number(await diagram.getAttribute('data-to')) -
        Number(await diagram.getAttribute('data-from')),
    )
    .toBeLessThan(2)
  const section = page.locator('section.spacetime')
  await section.scrollIntoViewIfNeeded()
  await section.screenshot({ path: testInfo.outputPath('spacetime-ticks-en.png') })
})
