import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { simTime } from './perturb-helpers'
import { openView } from './views'

/**
 * The static build as a host would serve it (docs/architecture.md, "Deployment"): from a
 * sub-path, under its Content-Security-Policy, and offline after the first visit.
 */

const SUB = '/courses/ds/driftlab/'
const DIST = process.env.DRIFTLAB_OUT_DIR ?? 'dist'
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
}

/** A plain static server that knows nothing of the app: the build under SUB, 404 elsewhere. */
function serveSubPath(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (!path.startsWith(SUB)) {
      res.writeHead(404).end()
      return
    }
    const rel = normalize(path.slice(SUB.length) || 'index.html')
    if (rel.startsWith('..')) {
      res.writeHead(403).end()
      return
    }
    readFile(join(DIST, rel)).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end(),
    )
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** Every Content-Security-Policy violation the page reports, from before its first script. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspSeen: string[] }).cspSeen = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    )
  })
  return () => page.evaluate(() => (window as unknown as { cspSeen: string[] }).cspSeen)
}

test.use({ serviceWorkers: 'allow' })

let server: Server
test.beforeAll(async () => {
  server = await serveSubPath()
})
test.afterAll(() => new Promise<void>((done) => server.close(() => done())))
const appUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}${SUB}`

test('served from a sub-path the app runs with no CSP violation, and the policy blocks inline script', async ({
  page,
}) => {
  const violations = await watchCsp(page)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${appUrl()}?lang=en`)
  await expect(page.getByTestId('node-s1')).toBeVisible()
  await expect.poll(() => simTime(page)).toBeGreaterThan(0)
  // lazily loaded views, the lesson list and a scenario parse in the worker
  await openView(page, 'spacetime')
  await openView(page, 'transactions')
  await page.getByTestId('lessons-open').click()
  await expect(page.getByTestId('lesson-item-clocks-drift')).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByTestId('scenario-picker').selectOption('multi-paxos-5')
  await expect(page.getByTestId('node-n1')).toBeVisible()
  expect(await violations()).toEqual([])
  expect(errors).toEqual([])

  // the policy is in force: an injected inline script does not run, and is reported
  await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.injected = 1'
    document.head.append(s)
  })
  await expect.poll(violations).toEqual([expect.stringMatching(/^script-src-elem inline/)])
  expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBe(
    undefined,
  )
})

test('after one visit the app loads and runs with the network cut', async ({ page, context }) => {
  await page.goto(`${appUrl()}?lang=en`)
  await expect(page.getByTestId('node-s1')).toBeVisible()
  // the service worker has precached the build and controls the page
  await page.evaluate(() => navigator.serviceWorker.ready)
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByTestId('node-s1')).toBeVisible()
  const t0 = await simTime(page)
  await expect.poll(() => simTime(page)).toBeGreaterThan(t0)
  // a view loaded on demand, never opened online
  await openView(page, 'transactions')
  await expect(page.getByTestId('txn-empty')).toBeVisible()
  await context.setOffline(false)
})
