import { expect, test, type Page } from '@playwright/test'
import { presets } from '../src/engine/scenario/presets'

/**
 * The consensus views, driven as a student would: pick a Paxos scenario, propose and read from
 * the client panel, crash the leader by clicking it, and break the no-durable-storage variant
 * with clicks. Every wait is a poll on what the page shows (simulated state), never on wall time.
 */

// Runs are watched at 1× simulated speed; give slow, shared machines room (a limit, not a measure).
test.describe.configure({ timeout: 120_000 })

/** Slider position for 1 simulated second per wall second (log scale, 100 steps a decade from 0.01). */
const SPEED_1X = '200'
const SPEED_3X = '248'

const safety = (page: Page) => page.getByTestId('safety-status')
const row = (page: Page, id: string) => page.getByTestId(`consensus-node-${id}`)
const leaderOf = (page: Page) => page.getByTestId('consensus-leader').getAttribute('data-leader')

async function open(page: Page, preset: string, lang: 'en' | 'zh' = 'en') {
  await page.goto(`/?lang=${lang}`)
  await page.getByTestId('scenario-picker').selectOption(preset)
  // the consensus views are offered, the preset's own first view is on screen
  await expect(page.getByTestId('view-tab-paxos')).toBeVisible()
  const first = presets.find((p) => p.id === preset)!.views[0]
  await expect(page.getByTestId(`view-${first}`)).toBeVisible()
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true')
}

/** The values a node has learned chosen, in slot order. */
async function learned(page: Page, id: string): Promise<string[]> {
  return JSON.parse((await row(page, id).getAttribute('data-chosen')) ?? '[]') as string[]
}

async function waitForLeader(page: Page, not?: string): Promise<string> {
  await expect
    .poll(
      async () => {
        const l = await leaderOf(page)
        return l !== null && l !== '' && l !== not
      },
      { timeout: 30_000 },
    )
    .toBe(true)
  return (await leaderOf(page))!
}

async function propose(page: Page, node: string, value: string) {
  await page.getByTestId('client-node').selectOption(node)
  await page.getByTestId('client-value').fill(value)
  await page.getByTestId('client-propose').click()
}

async function expectChosenEverywhere(page: Page, nodes: string[], value: string) {
  for (const id of nodes)
    await expect.poll(() => learned(page, id), { timeout: 30_000 }).toContain(value)
}

const FIVE = ['n1', 'n2', 'n3', 'n4', 'n5']

test('a value proposed from the client panel is chosen and learned by every node', async ({
  page,
}) => {
  await open(page, 'multi-paxos-5')
  await page.getByTestId('speed').fill(SPEED_1X)
  await waitForLeader(page)
  // the leader wears the crown on the map and says so in the panel
  const leader = (await leaderOf(page))!
  await expect(page.getByTestId(`consensus-badge-${leader}`)).toHaveAttribute('data-role', 'leader')
  await expect(row(page, leader)).toHaveAttribute('data-role', 'leader')

  // after the scenario's own proposals, so "kiwi" is the register's latest value
  await expectChosenEverywhere(page, FIVE, 'banana')
  const follower = FIVE.find((id) => id !== leader && id !== 'n5')!
  await propose(page, follower, 'kiwi')
  await expectChosenEverywhere(page, FIVE, 'kiwi')
  // (the scenario's own read at n5, t = 3.5 s, may answer "kiwi" too)
  const request = page.locator(
    '[data-testid="client-request"][data-op="propose"][data-value="kiwi"]',
  )
  await expect(request).toHaveAttribute('data-outcome', 'chosen')
  await expect(request).toContainText(/chosen in slot \d+/)

  // a read at another node reflects it (answered by the leader from its lease)
  await page.getByTestId('client-node').selectOption(follower)
  await page.getByTestId('client-read').click()
  const read = page.locator(
    `[data-testid="client-request"][data-op="read"][data-node="${follower}"]`,
  )
  await expect(read).toHaveAttribute('data-result', 'kiwi', { timeout: 30_000 })
  await expect(read).toHaveAttribute('data-via', 'lease')
  await expect(safety(page)).toHaveAttribute('data-ok', 'true')

  // message dots carry their phase colour and name
  await expect(page.locator('.legend [data-kind="heartbeat"]')).toContainText('Heartbeat')
  await expect(page.locator('.legend [data-kind="accept"]')).toContainText('Accept2a')
})

test('clicking the leader crashes it; a new leader is elected and later proposals are chosen', async ({
  page,
}, testInfo) => {
  await open(page, 'multi-paxos-5')
  await page.getByTestId('speed').fill(SPEED_1X)
  const old = await waitForLeader(page)
  await expectChosenEverywhere(page, FIVE, 'banana') // the scenario's own workload, t = 2.5 s

  await page.getByTestId(`node-${old}`).click()
  await expect(page.getByTestId(`node-${old}`)).toHaveAttribute('data-status', 'crashed')
  await expect(row(page, old)).toHaveAttribute('data-role', 'crashed')
  const next = await waitForLeader(page, old)
  expect(next).not.toBe(old)
  await expect(page.getByTestId(`consensus-badge-${next}`)).toHaveAttribute('data-role', 'leader')
  await page.screenshot({ path: testInfo.outputPath('new-leader-en.png'), fullPage: true })

  const live = FIVE.filter((id) => id !== old)
  await propose(
    page,
    live.find((id) => id !== next)!,
    'mango',
  )
  await expectChosenEverywhere(page, live, 'mango')
  await expect(safety(page)).toHaveAttribute('data-ok', 'true')

  // the crashed node cannot take requests: the form says so instead of sending
  await propose(page, old, 'lost')
  await expect(page.getByTestId('client-error')).toContainText(`${old} is crashed`)

  // restarted, it catches up on what it missed
  await page.getByTestId(`node-${old}`).click()
  await expectChosenEverywhere(page, [old], 'mango')
  await expect(safety(page)).toHaveAttribute('data-ok', 'true')
})

test('the client form validates values with a clear message', async ({ page }) => {
  await open(page, 'multi-paxos-5')
  const error = page.getByTestId('client-error')
  await page.getByTestId('client-value').fill('   ')
  await page.getByTestId('client-propose').click()
  await expect(error).toHaveText('Type a value to propose.')
  await page.getByTestId('client-value').fill('x'.repeat(30))
  await page.getByTestId('client-propose').click()
  await expect(error).toHaveText('A value can be at most 24 characters long; this one has 30.')
  await page.getByTestId('client-value').fill('ok')
  await page.getByTestId('client-propose').click()
  await expect(error).toHaveCount(0)
  await expect(page.getByTestId('client-request').first()).toHaveAttribute('data-value', 'ok')
})

test('no durable storage: crash and restart the acceptors that chose "x", propose again, and the checker turns red', async ({
  page,
}, testInfo) => {
  await open(page, 'no-durable-acceptor')
  const banner = page.getByTestId('variant-banner')
  await expect(banner).toHaveAttribute('data-variant', 'no-durable-acceptor')
  await expect(banner).toContainText('Broken on purpose')
  await page.getByTestId('speed').fill(SPEED_1X)

  // the scenario: n3 down from the start, "x" proposed at n1 at t = 1 s and chosen by n1 + n2
  await expectChosenEverywhere(page, ['n1', 'n2'], 'x')
  await expect(safety(page)).toHaveAttribute('data-ok', 'true')
  for (const id of ['n1', 'n2']) {
    await page.getByTestId(`node-${id}`).click()
    await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-status', 'crashed')
  }
  for (const id of ['n1', 'n2']) {
    await page.getByTestId(`node-${id}`).click()
    await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-status', 'up')
  }
  // they forgot their votes: a new leader finds slot 0 free
  await waitForLeader(page)
  await propose(page, 'n2', 'y')

  await expect(safety(page)).toHaveAttribute('data-ok', 'false', { timeout: 30_000 })
  const agreement = page.locator('[data-testid="violation"][data-invariant="agreement"]')
  await expect(agreement).toHaveAttribute('data-slot', '0')
  await expect(agreement).toContainText('Agreement broken')
  await expect(agreement).toContainText('slot 0')
  await expect(agreement).toContainText('"x", "y"')
  await expect(agreement).toContainText(/nodes n\d/)
  await expect(safety(page)).toContainText(/violation\(s\), latest/)
  expect(Number(await agreement.getAttribute('data-at'))).toBeGreaterThan(1)
  await page.screenshot({ path: testInfo.outputPath('no-durable-red-en.png'), fullPage: true })

  // the same story in Chinese
  await page.getByTestId('lang-switch').click()
  await expect(agreement).toContainText('一致性被违反')
  await expect(agreement).toContainText('槽位 0')
  await expect(banner).toContainText('故意设置的错误版本')
  await page.screenshot({ path: testInfo.outputPath('no-durable-red-zh.png'), fullPage: true })
})

test('the drifting-clock lease scenario shows the lease outliving its promises and a stale read', async ({
  page,
}, testInfo) => {
  await open(page, 'lease-drift-stale-read')
  await page.getByTestId('speed').fill(SPEED_1X)
  // before the partition, n1's half-speed clock already stretches its lease past the promises
  await expect(page.getByTestId('lease-lease-n1')).toHaveAttribute('data-unsafe', 'true', {
    timeout: 30_000,
  })
  await expect(safety(page)).toHaveAttribute('data-ok', 'false', { timeout: 30_000 })
  await expect(
    page.locator('[data-testid="violation"][data-invariant="lease-exclusivity"]'),
  ).toBeVisible()
  await expect(page.locator('[data-testid="violation"][data-invariant="stale-read"]')).toBeVisible({
    timeout: 30_000,
  })
  // the stale read itself, in the client list: n1 answered "a" from its lease
  const stale = page.locator(
    '[data-testid="client-request"][data-op="read"][data-node="n1"][data-via="lease"][data-result="a"]',
  )
  await expect(stale).toHaveCount(2)
  // back to a moment when the unsafe stretch is on screen, for the picture: n1's lease
  // outlives the promises backing it from the skew on (t = 1 s) to its end by its clock
  await page.getByTestId('reset').click()
  await expect(page.getByTestId('lease-lease-n1')).toHaveAttribute('data-unsafe', 'true', {
    timeout: 30_000,
  })
  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('run-info')).toHaveAttribute('data-running', 'false')
  await page.screenshot({ path: testInfo.outputPath('stale-read-en.png'), fullPage: true })
  await page.getByTestId('lang-switch').click()
  await expect(page.getByTestId('lease-chart')).toContainText('租约')
  await page.screenshot({ path: testInfo.outputPath('stale-read-zh.png'), fullPage: true })
})

test('dueling proposers: labelled broken, ballots climb, nothing is chosen, safety holds', async ({
  page,
}) => {
  await open(page, 'dueling-proposers')
  await expect(page.getByTestId('variant-banner')).toHaveAttribute(
    'data-variant',
    'dueling-proposers',
  )
  await page.getByTestId('speed').fill(SPEED_3X)
  const round = async (id: string) =>
    Number(((await row(page, id).getAttribute('data-ballot')) ?? '0').split('.')[0] || 0)
  await expect.poll(() => round('n1'), { timeout: 30_000 }).toBeGreaterThan(10)
  for (const id of ['n1', 'n2', 'n3']) expect(await learned(page, id)).toEqual([])
  await expect(safety(page)).toHaveAttribute('data-ok', 'true')
})

test('single decree: one of two rival proposals wins everywhere, the other is reported lost', async ({
  page,
}, testInfo) => {
  await open(page, 'single-decree')
  await page.getByTestId('speed').fill(SPEED_1X)
  for (const id of ['n1', 'n2', 'n3'])
    await expect.poll(() => learned(page, id), { timeout: 60_000 }).toHaveLength(1)
  const [winner] = await learned(page, 'n1')
  expect(await learned(page, 'n2')).toEqual([winner])
  expect(await learned(page, 'n3')).toEqual([winner])
  const loser = winner === 'x' ? 'y' : 'x'
  await expect(
    page.locator(`[data-testid="client-request"][data-value="${winner}"]`),
  ).toHaveAttribute('data-outcome', 'chosen')
  await expect(
    page.locator(`[data-testid="client-request"][data-value="${loser}"]`),
  ).toHaveAttribute('data-outcome', 'lost')
  await expect(page.getByTestId('consensus-truth')).toContainText(winner)
  await expect(safety(page)).toHaveAttribute('data-ok', 'true')
  await page.screenshot({ path: testInfo.outputPath('single-decree-en.png'), fullPage: true })
})

test('screenshots in English and Chinese: a Multi-Paxos run mid-election', async ({
  page,
}, testInfo) => {
  await open(page, 'multi-paxos-5')
  await page.getByTestId('speed').fill(SPEED_1X)
  const leader = await waitForLeader(page)
  await expectChosenEverywhere(page, FIVE, 'banana')
  // paused, crash the leader, then step event by event until a candidate has gathered a
  // promise besides its own
  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('run-info')).toHaveAttribute('data-running', 'false')
  await page.getByTestId(`node-${leader}`).click()
  await expect(page.getByTestId(`node-${leader}`)).toHaveAttribute('data-status', 'crashed')
  const gathering = page.locator('.quorum-progress', { hasText: /^[2-9] of 3 promises$/ })
  const simTime = () => page.getByTestId('run-info').getAttribute('data-sim-time')
  for (let i = 0; i < 400 && (await gathering.count()) === 0; i++) {
    const before = await simTime()
    await page.getByTestId('step').click()
    await expect.poll(simTime).not.toBe(before)
  }
  await expect(gathering).toHaveCount(1)
  await page.screenshot({ path: testInfo.outputPath('election-en.png'), fullPage: true })
  await page.getByTestId('lang-switch').click()
  await expect(page.getByTestId('consensus-panel')).toContainText('共识')
  await page.screenshot({ path: testInfo.outputPath('election-zh.png'), fullPage: true })
})

test('a consensus view shown alone is styled: the lease chart, the safety status and the map marks', async ({
  page,
}, testInfo) => {
  // presenter mode on the lease lesson shows the lease chart and not the Paxos panel, which
  // used to be the only view that brought the consensus styles with it
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?lang=en&present=1&lesson=leader-leases&step=3')
  await expect(page.getByTestId('view-tab-lease')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('view-paxos')).toHaveCount(0)
  const style = (selector: string, property: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property)
  await expect.poll(() => style('.lease-grid', 'display')).toBe('flex')
  expect(await style('.safety.safety-ok', 'border-left-color')).toBe('rgb(22, 163, 74)')
  expect(await style('.role-label.role-leader', 'fill')).toBe('rgb(146, 64, 14)')
  await page.screenshot({ path: testInfo.outputPath('lease-alone.png') })
})
