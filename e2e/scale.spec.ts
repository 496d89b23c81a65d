import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { cristianFleet, paxosCluster } from '../bench/uiScenarios'
import type { ScenarioInput } from '../src/engine'
import { encodeShare } from '../src/engine/scenario/shareCodec'
import { countRenders } from './reactCommits'
import { openView } from './views'

/**
 * Large runs (issue 10): 200-node Multi-Paxos with about 2 000 messages in flight and a 1 000-node
 * Cristian fleet open, play, and their controls still answer. Functional only: frame rates
 * are measured by `npm run bench:ui`, never asserted here.
 */
const runInfo = (page: Page) => page.getByTestId('run-info')

async function openLarge(page: Page, scenario: ScenarioInput, n: number) {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`/?lang=en#s=${encodeShare(scenario, 0)}`)
  await expect(page.getByTestId(`node-${scenario.nodes[n - 1].id}`)).toBeAttached({
    timeout: 30_000,
  })
}

async function playAndPause(page: Page) {
  const play = page.getByTestId('play-pause')
  // a share link opens paused
  await expect(play).toHaveAttribute('aria-pressed', 'false')
  const t0 = Number(await runInfo(page).getAttribute('data-sim-time'))
  await play.click()
  await expect(play).toHaveAttribute('aria-pressed', 'true')
  await expect
    .poll(async () => Number(await runInfo(page).getAttribute('data-sim-time')), {
      timeout: 30_000,
    })
    .toBeGreaterThan(t0)
  await play.click()
  await expect(play).toHaveAttribute('aria-pressed', 'false')
  await expect(runInfo(page)).toHaveAttribute('data-running', 'false', { timeout: 30_000 })
}

async function changePreset(page: Page) {
  await page.getByTestId('scenario-picker').selectOption('cristian-lan')
  await expect(page.getByTestId('node-s1')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('node-c1')).toBeVisible()
}

test('200 nodes with about 2 000 messages in flight: plays, pauses, and a preset replaces it', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openLarge(page, paxosCluster(200), 200)
  await playAndPause(page)
  await page.screenshot({ path: test.info().outputPath('scale-200.png') })

  // The offset arcs are four paths (ahead, behind, each also faint for crashed nodes) in an SVG
  // over the glyphs, not 200 paths in the map's SVG: a few arcs moving a step repainted all of
  // it. The SVG export draws them, over the nodes.
  const arcs = page.getByTestId('offset-arcs')
  await expect(page.locator('svg.topology-svg path.node-arc')).toHaveCount(0)
  await expect(arcs.locator('path.node-arc')).toHaveCount(4)
  const drawn = Number(await arcs.getAttribute('data-arcs'))
  expect(drawn).toBeGreaterThan(0)
  expect(drawn).toBeLessThanOrEqual(200)
  const sectors = (ds: string[]) => ds.join('').match(/M/g)?.length ?? 0
  expect(
    sectors(
      await arcs.locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '')),
    ),
  ).toBe(drawn)
  await openView(page, 'share')
  const downloading = page.waitForEvent('download')
  await page.getByTestId('export-svg').click()
  const text = (await readFile(await (await downloading).path())).toString('utf8')
  const exported = [...text.matchAll(/<path class="node-arc [^"]*" d="([^"]*)"/g)]
  expect(sectors(exported.map((m) => m[1]))).toBe(drawn)
  expect(exported[0].index).toBeGreaterThan(text.lastIndexOf('data-testid="node-'))
  // (copied: the page keeps its layer)
  await expect(arcs).toHaveAttribute('data-arcs', String(drawn))
  await changePreset(page)
  // a small map's arcs are its glyphs' own again
  await expect(arcs).toHaveCount(0)
  await expect(page.locator('svg.topology-svg path.node-arc')).toHaveCount(5)
})

test('1 000 nodes: plays, pauses, and a preset replaces it', async ({ page }) => {
  test.setTimeout(180_000)
  await openLarge(page, cristianFleet(1000), 1000)
  await playAndPause(page)
  await page.screenshot({ path: test.info().outputPath('scale-1000.png') })
  await changePreset(page)
})

test('200 nodes: the link mesh is a layer of its own under the map, and the SVG export keeps it', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openLarge(page, paxosCluster(200), 200)
  // every pair of the 200 members, one curve each, in one path outside the map's SVG: readouts
  // and arcs that change never re-raster it (it has its own composited layer)
  const mesh = page.locator('svg.topology-links path.link-bundle')
  await expect(mesh).toHaveCount(1)
  expect(((await mesh.getAttribute('d')) ?? '').match(/M/g)?.length).toBe(200 * 199)
  expect(
    await page.locator('svg.topology-links').evaluate((e) => getComputedStyle(e).willChange),
  ).toBe('transform')
  await expect(page.locator('svg.topology-svg .link-bundle')).toHaveCount(0)

  // When the map's box changes size, the mesh is carried onto the new layout by a CSS transform
  // on its own SVG, not rebuilt (rebuilding 39 800 curves was a 100–400 ms task each time a
  // legend row appeared) nor laid out again (a transform on the path itself was)
  const d = await mesh.getAttribute('d')
  const layer = page.locator('svg.topology-links')
  const carried = () => layer.evaluate((e) => (e as SVGSVGElement).style.transform)
  // (the map may already have changed size once since the mesh was built: the legend fills in)
  const moved = await carried()
  const centre = async () => {
    const node = (await page.getByTestId('node-n1').boundingBox())!
    const map = (await page.locator('svg.topology-svg').boundingBox())!
    return { x: node.x + node.width / 2 - map.x, y: node.y + node.height / 2 - map.y }
  }
  const before = await centre()
  await page.setViewportSize({ width: 1200, height: 700 })
  await expect.poll(carried).toMatch(/^matrix\(/)
  await expect.poll(carried).not.toBe(moved)
  expect(await mesh.getAttribute('transform')).toBeNull()
  expect(await mesh.getAttribute('d')).toBe(d)
  // [sx, sy, tx, ty] of a carrying transform (the identity before any)
  const matrix = (m: string) => {
    const [sx, , , sy, tx, ty] = /^matrix\((.*)\)$/.exec(m)?.[1].split(', ').map(Number) ?? [
      1, 0, 0, 1, 0, 0,
    ]
    return { sx, sy, tx, ty }
  }
  const was = matrix(moved)
  const now = matrix(await carried())
  const after = await centre()
  expect(after.x).not.toBeCloseTo(before.x, 0)
  // where the mesh was drawn for n1, carried to where n1 is now
  const drawn = { x: (before.x - was.tx) / was.sx, y: (before.y - was.ty) / was.sy }
  expect(now.sx * drawn.x + now.tx).toBeCloseTo(after.x, 0)
  expect(now.sy * drawn.y + now.ty).toBeCloseTo(after.y, 0)

  await openView(page, 'share')
  const downloading = page.waitForEvent('download')
  await page.getByTestId('export-svg').click()
  const text = (await readFile(await (await downloading).path())).toString('utf8')
  expect(text.includes('class="link link-bundle"')).toBe(true)
  // moved, and still a hairline in the picture
  // (booleans: a failure must not print the 2 MB file)
  expect(/<g transform="matrix\([^"]*\)"><path class="link link-bundle"/.test(text)).toBe(true)
  expect(text.includes('vector-effect:non-scaling-stroke')).toBe(true)
  // the mesh is drawn first, under the nodes
  expect(text.indexOf('link-bundle')).toBeLessThan(text.indexOf('data-testid="node-n1"'))
})

test('200 nodes: the space-time diagram shows a window of 24 lanes, paged and moved to the selected node', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openLarge(page, paxosCluster(200), 200)
  await openView(page, 'spacetime')
  const lanes = page.getByTestId('spacetime-lanes')
  const labels = page.locator('.st-lane-label')
  await expect(lanes).toHaveText('Nodes 1–24 of 200')
  await expect(labels).toHaveCount(24)
  await expect(labels.first()).toHaveText('n1')
  await expect(page.getByTestId('spacetime-lanes-prev')).toBeDisabled()
  // the canvas holds the window's lanes, not 200 (1 000 lanes froze the tab)
  const box = await page.locator('.spacetime-canvas').boundingBox()
  expect(box!.height).toBeLessThan(26 + 24 * 44)
  // messages to nodes off the window still show, as short strokes off the edge
  const play = page.getByTestId('play-pause')
  await play.click()
  await expect
    .poll(async () => Number(await page.getByTestId('spacetime').getAttribute('data-arrows')), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0)
  await play.click()
  await expect(play).toHaveAttribute('aria-pressed', 'false')

  await page.getByTestId('spacetime-lanes-next').click()
  await expect(lanes).toHaveText('Nodes 25–48 of 200')
  await expect(labels.first()).toHaveText('n25')
  await expect(page.getByTestId('spacetime-lanes-prev')).toBeEnabled()

  // selecting a node elsewhere brings its lane into the window
  await openView(page, 'inspector')
  await page.getByTestId('inspect-node').selectOption('n150')
  await openView(page, 'spacetime')
  await expect(labels.filter({ hasText: /^n150$/ })).toHaveCount(1)
  await expect(page.getByTestId('spacetime-lanes-next')).toBeEnabled()

  await page.getByTestId('lang-switch').click()
  await expect(lanes).toContainText('共 200 个')
})

test('200 nodes: a small change of the map box carries the nodes with the mesh; a large one places them afresh', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openLarge(page, paxosCluster(200), 200)
  const nodes = page.locator('svg.topology-svg g.nodes')
  const glyph = page.locator('svg.topology-svg g.nodes > g').first()
  const placedAt = await glyph.getAttribute('transform')
  /** how far from n1's box the mesh's first curve (n1's first link) starts, on screen */
  const linkGap = () =>
    page.evaluate(() => {
      const path = document.querySelector<SVGPathElement>('svg.topology-links path.link-bundle')!
      const [x, y] = path.getAttribute('d')!.slice(1).split(/[ ,Q]/).map(Number)
      const start = new DOMPoint(x, y).matrixTransform(path.getScreenCTM()!)
      const node = document.querySelector('[data-testid="node-n1"]')!.getBoundingClientRect()
      const r = node.width / 2
      return Math.hypot(start.x - (node.x + r), start.y - (node.y + node.height / 2)) - r
    })
  const gap = await linkGap()
  const top = async () => (await page.getByTestId('node-n1').boundingBox())!.y
  const before = await top()
  // 20 px less height (as when a legend row appears): one transform moves all 200 nodes
  await page.setViewportSize({ width: 1366, height: 748 })
  await expect(nodes).toHaveAttribute('transform', /^matrix\(/)
  expect(await glyph.getAttribute('transform')).toBe(placedAt)
  await expect.poll(top).not.toBe(before)
  // and they stay on their links, which the mesh's own transform carries
  expect(Math.abs((await linkGap()) - gap)).toBeLessThan(1)
  // a much smaller map: placed afresh, no transform left
  await page.setViewportSize({ width: 1000, height: 600 })
  await expect(nodes).not.toHaveAttribute('transform', /.+/)
  expect(await glyph.getAttribute('transform')).not.toBe(placedAt)
})

test('200 nodes: when the map grows (the shared-run notice goes), the nodes move without one glyph rendering again', async ({
  page,
}) => {
  test.setTimeout(120_000)
  // NodeGlyph is the component with an `onToggle` prop
  const glyphRenders = await countRenders(page, 'onToggle')
  await openLarge(page, paxosCluster(200), 200)
  // n51, a quarter of the way round the ring: level with its centre, which moves down as the map grows
  const glyph = page.locator('svg.topology-svg g.nodes > g').nth(50)
  const placedAt = await glyph.getAttribute('transform')
  const rendered = await glyphRenders()
  const top = async () => (await page.getByTestId('node-n51').boundingBox())!.y
  const before = await top()
  await page.getByTestId('run-notice').getByRole('button').click()
  await expect(page.getByTestId('run-notice')).toHaveCount(0)
  // a change too large to carry: every node placed afresh
  await expect(page.locator('svg.topology-svg g.nodes')).not.toHaveAttribute('transform', /.+/)
  await expect(glyph).not.toHaveAttribute('transform', placedAt ?? '')
  await expect.poll(top).not.toBe(before)
  expect(await glyphRenders()).toBe(rendered)
  // the count does see a glyph render: crashing n1 renders n1's
  await page.getByTestId('node-n1').click()
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-status', 'crashed')
  expect(await glyphRenders()).toBeGreaterThan(rendered)
})
