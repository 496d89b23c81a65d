/**
 * `npm run bench:ui`: what the page costs the browser while it plays. Builds the app, serves
 * `dist/` on loopback and measures each case in headless Chromium at 1280×800 for a fixed wall
 * time, several times, interleaved (so a noisy neighbour on this shared machine hits every case
 * alike), and reports medians. Each measurement is two windows: `--seconds` of cost (main
 * thread, renderer CPU, long tasks), with nothing of the bench's own running in the page, then
 * half as long of frame intervals, from a requestAnimationFrame loop that would otherwise make
 * every page run a display frame at every refresh:
 *
 * - fps, p50/p95 interval between animation frames, long tasks (PerformanceObserver)
 * - main-thread busy seconds per second: CDP `Performance.getMetrics` TaskDuration
 * - renderer CPU seconds per second: CDP `SystemInfo.getProcessInfo` (the page's renderer
 *   process, which also runs its worker)
 * - JS heap and DOM node counts at the end
 * - frames from the worker: mean binary payload (kB) and main-thread ms to receive one
 * - the message canvas's own refresh rate: its paint worker draws at display refreshes while
 *   messages fly, off the main thread, so the page's fps does not show it (dots fps and p95)
 *
 * Two pages set the floors: a blank one, and one dot moving on a canvas at 60 Hz.
 *
 * Options: `--reference URL|DIR` measures another page in the same run and prints DriftLab's
 * default page as a ratio of it; `--compare DIR|URL` measures every DriftLab case on another
 * build too (e.g. main before a change) and prints both side by side; `--seconds S`, `--reps N`,
 * `--only a,b`, `--no-build`; `--soak MIN` instead runs Multi-Paxos at 1 000× for MIN minutes
 * and prints the page's heap and DOM nodes and each worker's heap over time; `--views` instead opens every view of the 200- and
 * 1 000-node runs in turn, at a share link's speed and at 1× (sweepViews), into bench/ui-views.json. Writes bench/ui-results.json. Figures, never pass/fail.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, resolve } from 'node:path'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test'
import { encodeShare } from '../src/engine'
import { speedToSlider } from '../src/ui/controls/speedScale'
import { cristianFleet, paxosCluster } from './uiScenarios'

const args = process.argv.slice(2)
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const SECONDS = Number(opt('seconds') ?? 10)
/** the window for fps after the cost window (see FRAME_RECORDER) */
const FPS_SECONDS = Math.max(3, SECONDS / 2)
const REPS = Number(opt('reps') ?? 3)
const ONLY = opt('only')?.split(',')
const REFERENCE = opt('reference')
const COMPARE = opt('compare')
const SOAK_MIN = opt('soak') === undefined ? undefined : Number(opt('soak'))
const VIEWS = args.includes('--views')
const VIEWPORT = { width: 1280, height: 800 }

// ---- serving a build -------------------------------------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** A static file server on loopback for a directory (the built app, or a reference page). */
function serve(dir: string): Promise<{ url: string; server: Server }> {
  const root = resolve(dir)
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let file = join(root, path)
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address()
      done({ url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`, server })
    }),
  )
}

// ---- cases -----------------------------------------------------------------------------------

interface Case {
  id: string
  label: string
  /** DriftLab cases run against every build; `blank` and `reference` once */
  app: boolean
  open(page: Page, base: string): Promise<void>
}

const play = async (page: Page) => {
  const button = page.getByTestId('play-pause')
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
}
const pause = async (page: Page) => {
  const button = page.getByTestId('play-pause')
  if ((await button.getAttribute('aria-pressed')) === 'true') await button.click()
}
const ready = (page: Page) =>
  page.getByTestId('run-info').waitFor({ state: 'attached', timeout: 60_000 })

/**
 * A share link that opens a generated scenario (paused at 0), then play at 1× (a link keeps the
 * speed the page had, the default preset's slow one).
 */
const generated = (
  id: string,
  label: string,
  scenario: Parameters<typeof encodeShare>[0],
): Case => ({
  id,
  label,
  app: true,
  async open(page, base) {
    await page.goto(`${base}?lang=en#s=${encodeShare(scenario)}`)
    await ready(page)
    await page.getByTestId('node-' + scenario.nodes[0].id).waitFor({ timeout: 60_000 })
    await page.getByTestId('speed').fill(String(speedToSlider(1)))
    await play(page)
  },
})

const DOT_PAGE = `<!doctype html><body style="margin:0"><canvas width="707" height="530"></canvas>
<script>
const ctx = document.querySelector('canvas').getContext('2d')
const tick = (t) => {
  ctx.clearRect(0, 0, 707, 530)
  ctx.beginPath()
  ctx.arc(350 + 200 * Math.sin(t / 900), 260 + 150 * Math.cos(t / 700), 6, 0, 7)
  ctx.fill()
  requestAnimationFrame(tick)
}
requestAnimationFrame(tick)
</script>`

const CASES: Case[] = [
  {
    id: 'blank',
    label: 'blank page (floor)',
    app: false,
    open: (page) => page.goto('about:blank').then(() => undefined),
  },
  {
    // What moving anything at 60 Hz costs here before any app work: one dot circling on a canvas
    // the size of the default page's map. A page that animates cannot go below this.
    id: 'dot',
    label: 'one dot on a canvas at 60 Hz (animation floor)',
    app: false,
    open: (page) => page.setContent(DOT_PAGE),
  },
  {
    id: 'reference',
    label: 'reference page',
    app: false,
    open: (page, base) => page.goto(base).then(() => undefined),
  },
  {
    id: 'default',
    label: 'default (Cristian, 5 nodes)',
    app: true,
    async open(page, base) {
      await page.goto(`${base}?lang=en`)
      await ready(page)
    },
  },
  {
    id: 'embed',
    label: 'topology only (?embed=1)',
    app: true,
    async open(page, base) {
      await page.goto(`${base}?lang=en&embed=1`)
      await page.getByTestId('node-s1').waitFor({ timeout: 60_000 })
    },
  },
  {
    id: 'paxos5',
    label: 'Multi-Paxos 5 nodes, 1×',
    app: true,
    async open(page, base) {
      await page.goto(`${base}?lang=en`)
      await ready(page)
      await page.getByTestId('scenario-picker').selectOption('multi-paxos-5')
      await page.waitForTimeout(500)
      await play(page)
    },
  },
  {
    id: 'paused',
    label: 'default, paused',
    app: true,
    async open(page, base) {
      await page.goto(`${base}?lang=en`)
      await ready(page)
      await pause(page)
    },
  },
  generated('cristian200', 'Cristian 200 nodes (~200 in flight), 1×', cristianFleet(200)),
  generated('paxos200', 'Multi-Paxos 200 nodes (~2 000 in flight), 1×', paxosCluster(200)),
  generated('cristian1000', 'Cristian 1 000 nodes (~1 200 in flight), 1×', cristianFleet(1000)),
]

// ---- measuring -------------------------------------------------------------------------------

interface Figures {
  fps: number
  p50: number
  p95: number
  longTasks: number
  mainBusy: number
  rendererCpu: number
  heapMB: number
  domNodes: number
  /** mean binary payload of a frame from the worker (node and message arrays), kB */
  frameKB?: number
  /** mean main-thread ms the app spends receiving one frame (decode into its stores) */
  receiveMs?: number
  /** the message canvas's paints per second while messages fly (its worker's display refreshes) */
  dotsFps?: number
  /** p95 ms between two of those paints */
  dotsP95?: number
  /** the app's own in-flight count when it shows one (RunPanel) */
  inFlight?: number
  /** ms from a click on play/pause until the button answers (controls still respond) */
  clickMs?: number
  /** why the case could not be measured (a frozen or crashed tab) */
  error?: string
}

const FAILED = (error: string): Figures => ({
  fps: 0,
  p50: NaN,
  p95: NaN,
  longTasks: NaN,
  mainBusy: NaN,
  rendererCpu: NaN,
  heapMB: NaN,
  domNodes: NaN,
  error,
})

/** A frozen tab never answers: give up on it after `ms`. */
const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, fail) =>
      setTimeout(() => fail(new Error(`no answer in ${ms / 1000} s`)), ms),
    ),
  ])

/** CPU seconds of every renderer process: one page is open at a time, so that is this page's. */
async function rendererCpu(browserCdp: CDPSession): Promise<number> {
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; cpuTime: number }[]
  }
  return processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + p.cpuTime, 0)
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[]
  }
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}

/**
 * Long tasks, recorded in the page from now on, and the wire tap's counts started over. A string,
 * not a function: tsx compiles functions with helpers (`__name`) that do not exist in the page.
 */
const RECORDER = `(() => {
  const b = (window.__bench = { frames: [], long: 0 })
  new PerformanceObserver((list) => (b.long += list.getEntries().length)).observe({ type: 'longtask' })
  const w = window.__wire
  if (w) w.count = w.bytes = w.ms = 0
})()`

/**
 * Frame intervals, from a requestAnimationFrame loop of the bench's own. Started only after the
 * cost window: the loop makes the page run a display frame at every refresh, which a page that
 * runs fewer would be charged for.
 */
const FRAME_RECORDER = `(() => {
  const b = window.__bench
  const tick = (t) => { b.frames.push(t); requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
})()`

/**
 * Installed before the app loads: wraps the handler the app gives its worker (`onmessage`) to
 * count the frames that arrive, their binary payload (node and message arrays, transferred) and
 * the main-thread time the app spends receiving each (decoding it into its stores).
 */
const WIRE_TAP = `(() => {
  const w = (window.__wire = { count: 0, bytes: 0, ms: 0 })
  const slot = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')
  Object.defineProperty(Worker.prototype, 'onmessage', {
    configurable: true,
    get() { return slot.get.call(this) },
    set(handler) {
      slot.set.call(this, handler && ((e) => {
        const d = e.data
        if (!d || d.type !== 'frame') return handler(e)
        const t0 = performance.now()
        handler(e)
        w.ms += performance.now() - t0
        w.count++
        w.bytes += d.nodes.byteLength + d.messages.byteLength
      }))
    },
  })
})()`

/**
 * The message canvas's paints, recorded in its paint worker: the worker asks for each display
 * refresh through `requestAnimationFrame`, wrapped here to note when each came.
 */
const PAINT_RECORDER = `(() => {
  const b = (self.__bench = { paints: [] })
  const raf = self.requestAnimationFrame.bind(self)
  self.requestAnimationFrame = (cb) => raf((t) => { b.paints.push(t); cb(t) })
})()`

/** Paint rate and p95 interval over the stretches while messages flew (gaps under 100 ms). */
function dotPaints(paints: number[]): { fps: number; p95: number } | null {
  const gaps = paints
    .slice(1)
    .map((t, i) => t - paints[i])
    .filter((g) => g < 100)
    .sort((a, b) => a - b)
  if (gaps.length < 10) return null
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length
  return { fps: 1000 / mean, p95: gaps[Math.floor(0.95 * (gaps.length - 1))] }
}

async function measure(browser: Browser, c: Case, base: string): Promise<Figures> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    return await within((SECONDS + FPS_SECONDS + 90) * 1000, measureIn(context, browser, c, base))
  } catch (e) {
    return FAILED(String(e instanceof Error ? e.message : e).split('\n')[0])
  } finally {
    await within(10_000, context.close()).catch(() => undefined)
  }
}

async function measureIn(
  context: BrowserContext,
  browser: Browser,
  c: Case,
  base: string,
): Promise<Figures> {
  const page = await context.newPage()
  {
    if (c.app) await page.addInitScript(WIRE_TAP)
    await c.open(page, base)
    await page.waitForTimeout(2000) // let the load settle and the JIT warm up
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' })
    const browserCdp = await browser.newBrowserCDPSession()
    await page.evaluate(RECORDER)
    // first what the page costs, with nothing of the bench's own running in it
    const m0 = await metrics(cdp)
    const cpu0 = await rendererCpu(browserCdp)
    const wall0 = performance.now()
    await page.waitForTimeout(SECONDS * 1000)
    const wall = (performance.now() - wall0) / 1000
    const m1 = await metrics(cdp)
    const cpu1 = await rendererCpu(browserCdp)
    // then how smoothly it moves
    await page.evaluate(FRAME_RECORDER)
    const painter = page.workers().find((w) => w.url().includes('messagePaint'))
    await painter?.evaluate(PAINT_RECORDER)
    await page.waitForTimeout(FPS_SECONDS * 1000)
    const rec = (await within(
      15_000,
      page.evaluate(() => {
        const win = window as unknown as {
          __bench: { frames: number[]; long: number }
          __wire?: { count: number; bytes: number; ms: number }
        }
        return { frames: win.__bench.frames, long: win.__bench.long, wire: win.__wire }
      }),
    )) as {
      frames: number[]
      long: number
      wire?: { count: number; bytes: number; ms: number }
    }
    const gaps = rec.frames.slice(1).map((t, i) => t - rec.frames[i])
    gaps.sort((a, b) => a - b)
    const q = (p: number) =>
      gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] : NaN
    const span = rec.frames.length > 1 ? (rec.frames.at(-1)! - rec.frames[0]) / 1000 : wall
    const figures: Figures = {
      fps: gaps.length / span,
      p50: q(0.5),
      p95: q(0.95),
      longTasks: rec.long,
      mainBusy: (m1.TaskDuration - m0.TaskDuration) / wall,
      rendererCpu: (cpu1 - cpu0) / wall,
      heapMB: m1.JSHeapUsedSize / 2 ** 20,
      domNodes: m1.Nodes,
    }
    if (rec.wire && rec.wire.count > 0) {
      figures.frameKB = rec.wire.bytes / rec.wire.count / 1024
      figures.receiveMs = rec.wire.ms / rec.wire.count
    }
    const paints = painter
      ? dotPaints((await painter.evaluate('self.__bench.paints')) as number[])
      : null
    if (paints) {
      figures.dotsFps = paints.fps
      figures.dotsP95 = paints.p95
    }
    if (c.app) {
      // the run panel's "in flight" readout (English, ?lang=en)
      const inFlight = await page.evaluate(() => {
        const dt = [...document.querySelectorAll('dt')].find((d) =>
          /in flight/i.test(d.textContent ?? ''),
        )
        return dt?.nextElementSibling?.textContent ?? null
      })
      if (inFlight) figures.inFlight = Number(inFlight)
      figures.clickMs = await clickLatency(page)
    }
    await browserCdp.detach()
    return figures
  }
}

/** Wall time from a click on play/pause until the button shows it and a frame is painted. */
async function clickLatency(page: Page): Promise<number | undefined> {
  const button = page.getByTestId('play-pause')
  if (!(await button.isVisible().catch(() => false))) return undefined
  const before = await button.getAttribute('aria-pressed')
  const box = await button.boundingBox()
  if (!box) return undefined
  const t0 = Date.now()
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await page
    .waitForFunction(
      (b) =>
        document.querySelector('[data-testid="play-pause"]')?.getAttribute('aria-pressed') !== b,
      before,
      { timeout: 10_000, polling: 'raf' },
    )
    .catch(() => undefined)
  return Date.now() - t0
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  return s.length ? s[(s.length - 1) >> 1] : NaN
}

function medianFigures(runs: Figures[]): Figures {
  const keys = [
    'fps',
    'p50',
    'p95',
    'longTasks',
    'mainBusy',
    'rendererCpu',
    'heapMB',
    'domNodes',
    'inFlight',
    'clickMs',
    'frameKB',
    'receiveMs',
    'dotsFps',
    'dotsP95',
  ] as const
  const out: Figures = FAILED('')
  for (const k of keys) out[k] = median(runs.map((r) => r[k] ?? NaN))
  // a case that failed in most runs is reported as failed
  const failed = runs.filter((r) => r.error)
  if (failed.length * 2 > runs.length) out.error = failed[0].error
  else delete out.error
  return out
}

// ---- every view of a large run -----------------------------------------------------------------

/**
 * Each view tab of the large runs in turn, at the speed a share link opens with (the default
 * preset's slow one, where a run learns its links over minutes) and at 1×: how long the tab
 * takes to answer the click, then fps and long tasks over SECONDS. A view that freezes the tab
 * shows here even when the default views are fine (the space-time diagram at 1 000 nodes did).
 */
async function sweepViews(browser: Browser, base: string) {
  const rows: {
    run: string
    speed: string
    view: string
    clickMs: number
    fps: number
    longTasks: number
    longestMs: number
  }[] = []
  const runs = [
    ['paxos200', paxosCluster(200)],
    ['cristian1000', cristianFleet(1000)],
  ] as const
  console.log('run           speed   view                 click ms    fps  long  longest ms')
  for (const [name, scenario] of runs)
    for (const speed of ['link', '1×']) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
      const page = await context.newPage()
      try {
        await page.goto(`${base}?lang=en#s=${encodeShare(scenario)}`)
        await ready(page)
        await page.getByTestId('node-' + scenario.nodes[0].id).waitFor({ timeout: 60_000 })
        if (speed === '1×') await page.getByTestId('speed').fill(String(speedToSlider(1)))
        await play(page)
        const tabs = await page
          .locator('[data-testid^="view-tab-"]')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.testid!))
        for (const tab of tabs) {
          const t0 = Date.now()
          await within(100_000, page.getByTestId(tab).click({ timeout: 100_000 }))
          const clickMs = Date.now() - t0
          await page.evaluate(VIEW_RECORDER)
          const w0 = Date.now()
          await page.waitForTimeout(SECONDS * 1000)
          const r = await within(
            100_000,
            page.evaluate('({ f: window.__view.frames, long: window.__view.long })') as Promise<{
              f: number
              long: number[]
            }>,
          )
          const row = {
            run: name,
            speed,
            view: tab.replace('view-tab-', ''),
            clickMs,
            fps: r.f / ((Date.now() - w0) / 1000),
            longTasks: r.long.length,
            longestMs: Math.round(Math.max(0, ...r.long)),
          }
          rows.push(row)
          console.log(
            `${name.padEnd(13)} ${speed.padEnd(6)}  ${row.view.padEnd(19)} ${String(clickMs).padStart(9)}  ${row.fps.toFixed(1).padStart(5)}  ${String(row.longTasks).padStart(4)}  ${String(row.longestMs).padStart(10)}`,
          )
        }
      } catch (e) {
        console.log(`${name.padEnd(13)} ${speed.padEnd(6)}  failed: ${(e as Error).message}`)
        rows.push({
          run: name,
          speed,
          view: 'failed',
          clickMs: NaN,
          fps: 0,
          longTasks: NaN,
          longestMs: NaN,
        })
      } finally {
        await context.close()
      }
    }
  return rows
}

/** Frames and long-task durations in the page from now on (see RECORDER). */
const VIEW_RECORDER = `(() => {
  const v = (window.__view = { frames: 0, long: [] })
  new PerformanceObserver((list) => { for (const e of list.getEntries()) v.long.push(e.duration) }).observe({ type: 'longtask' })
  const tick = () => { v.frames++; requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
})()`

// ---- soak ------------------------------------------------------------------------------------

/**
 * The page's workers (simulation, paint workers), each asked for its JS heap after a garbage
 * collection: a leak in a worker shows in no page metric. Playwright's own CDP session cannot
 * address a worker, so this one attaches to them and talks to each through its target session.
 */
async function workerHeaps(cdp: CDPSession): Promise<() => Promise<Record<string, number>>> {
  const workers = new Map<string, string>()
  const answers = new Map<number, (result: unknown) => void>()
  let next = 0
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, e.targetInfo.url)
  })
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId))
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    // answers carry the id they were asked with; events have none
    const m = JSON.parse(e.message) as { id?: number; result?: unknown }
    if (m.id === undefined) return
    answers.get(m.id)?.(m.result)
    answers.delete(m.id)
  })
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  })
  const ask = (sessionId: string, method: string) => {
    const id = ++next
    const answered = new Promise((done) => answers.set(id, done))
    void cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method }),
    })
    return within(10_000, answered)
  }
  return async () => {
    const heaps: Record<string, number> = {}
    for (const [session, url] of workers) {
      await ask(session, 'HeapProfiler.collectGarbage')
      const { usedSize } = (await ask(session, 'Runtime.getHeapUsage')) as { usedSize: number }
      // the file name without the bundler's hash: simulation, message paint, two chart paints
      const name = (url.split('/').pop() ?? url).replace(/-[\w-]{8}\.js$/, '')
      heaps[name] = (heaps[name] ?? 0) + usedSize / 2 ** 20
    }
    return heaps
  }
}

async function soak(browser: Browser, base: string, minutes: number) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  await page.goto(`${base}?lang=en`)
  await ready(page)
  await page.getByTestId('scenario-picker').selectOption('multi-paxos-5')
  await page.waitForTimeout(500)
  // the speed control is a log-scale slider: its position for 1 000×
  await page.getByTestId('speed').fill(String(speedToSlider(1000)))
  await play(page)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' })
  const workersHeap = await workerHeaps(cdp)
  const samples: {
    minute: number
    simTime: number
    heapMB: number
    domNodes: number
    listeners: number
    /** each worker's JS heap (MB), by script name */
    workersMB: Record<string, number>
  }[] = []
  console.log("minute  sim time (s)  JS heap (MB)  DOM nodes  listeners  workers' heaps (MB)")
  const t0 = Date.now()
  for (let i = 0; ; i++) {
    const minute = (Date.now() - t0) / 60_000
    await cdp.send('HeapProfiler.collectGarbage')
    const m = await metrics(cdp)
    const simTime = Number(await page.getByTestId('run-info').getAttribute('data-sim-time'))
    const s = {
      minute,
      simTime,
      heapMB: m.JSHeapUsedSize / 2 ** 20,
      domNodes: m.Nodes,
      listeners: m.JSEventListeners,
      workersMB: await workersHeap(),
    }
    samples.push(s)
    const workers = Object.entries(s.workersMB)
      .map(([name, mb]) => `${name} ${mb.toFixed(1)}`)
      .join(', ')
    console.log(
      `${minute.toFixed(1).padStart(6)}  ${simTime.toFixed(1).padStart(12)}  ${s.heapMB.toFixed(1).padStart(12)}  ${String(s.domNodes).padStart(9)}  ${String(s.listeners).padStart(9)}  ${workers}`,
    )
    if (minute >= minutes) break
    await page.waitForTimeout(Math.min(30_000, Math.max(1000, (minutes - minute) * 60_000)))
  }
  await context.close()
  return samples
}

// ---- main ------------------------------------------------------------------------------------

const fmt = (f: Figures) =>
  `${f.fps.toFixed(1).padStart(5)} ${f.p50.toFixed(1).padStart(6)} ${f.p95.toFixed(1).padStart(6)} ${String(f.longTasks).padStart(5)} ${f.mainBusy.toFixed(3).padStart(6)} ${f.rendererCpu.toFixed(3).padStart(6)} ${f.heapMB.toFixed(1).padStart(6)} ${String(f.domNodes).padStart(6)}`
/** a figure a case may lack (the blank page has no frames), blank when missing */
const optional = (v: number | undefined, digits: number, width: number) =>
  (v === undefined || Number.isNaN(v) ? '' : v.toFixed(digits)).padStart(width)
const HEAD = '  fps    p50    p95  long   main    cpu   heap    DOM'

async function main() {
  if (!args.includes('--no-build')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  const own = await serve('dist')
  const servers = [own.server]
  const targets: { name: string; base: string }[] = [{ name: 'this build', base: own.url }]
  /** a URL as it is, a directory served on loopback */
  const locate = async (where: string) => {
    if (/^https?:/.test(where)) return where
    const other = await serve(where)
    servers.push(other.server)
    return other.url
  }
  if (COMPARE) targets.push({ name: 'compare', base: await locate(COMPARE) })
  const referenceBase = REFERENCE ? await locate(REFERENCE) : ''
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    seconds: SECONDS,
    reps: REPS,
    viewport: VIEWPORT,
    loadBefore: load(),
  }
  try {
    if (SOAK_MIN !== undefined) {
      results.soak = await soak(browser, own.url, SOAK_MIN)
    } else if (VIEWS) {
      results.views = await sweepViews(browser, own.url)
    } else {
      const cases = CASES.filter(
        (c) => (c.id !== 'reference' || REFERENCE) && (!ONLY || ONLY.includes(c.id)),
      )
      const runs = new Map<string, Figures[]>()
      for (let rep = 0; rep < REPS; rep++)
        for (const c of cases)
          for (const target of c.app ? targets : targets.slice(0, 1)) {
            const key = c.app ? `${c.id}@${target.name}` : c.id
            const f = await measure(browser, c, c.id === 'reference' ? referenceBase : target.base)
            runs.set(key, [...(runs.get(key) ?? []), f])
            console.log(
              `  [${rep + 1}/${REPS}] ${key.padEnd(28)} ${f.error ? `failed: ${f.error}` : fmt(f)}`,
            )
          }
      const med = Object.fromEntries([...runs].map(([k, v]) => [k, medianFigures(v)]))
      console.log(
        `\nMedians of ${REPS} × ${SECONDS} s, ${VIEWPORT.width}×${VIEWPORT.height}, load average ${load()} (2 shared cores)`,
      )
      console.log(
        `${'case'.padEnd(46)}${HEAD}  in flight  click ms  frame kB  recv ms  dots fps  dots p95`,
      )
      for (const c of cases)
        for (const target of c.app ? targets : targets.slice(0, 1)) {
          const key = c.app ? `${c.id}@${target.name}` : c.id
          const f = med[key]
          const label = c.app && targets.length > 1 ? `${c.label} [${target.name}]` : c.label
          console.log(
            f.error
              ? `${label.padEnd(46)}failed: ${f.error}`
              : `${label.padEnd(46)}${fmt(f)}  ${optional(f.inFlight, 0, 9)}  ${optional(f.clickMs, 0, 8)}  ${optional(f.frameKB, 1, 8)}  ${optional(f.receiveMs, 2, 7)}  ${optional(f.dotsFps, 1, 8)}  ${optional(f.dotsP95, 1, 8)}`,
          )
        }
      if (REFERENCE && med.reference) {
        for (const target of targets) {
          const d = med[`default@${target.name}`]
          if (!d) continue
          console.log(
            `default page / reference [${target.name}]: main thread ${(d.mainBusy / med.reference.mainBusy).toFixed(2)}×, renderer CPU ${(d.rendererCpu / med.reference.rendererCpu).toFixed(2)}×`,
          )
        }
      }
      results.cases = Object.fromEntries(cases.map((c) => [c.id, c.label]))
      results.targets = targets
      results.reference = REFERENCE ?? null
      results.median = med
      results.runs = Object.fromEntries(runs)
    }
  } finally {
    results.loadAfter = load()
    await browser.close()
    for (const s of servers) s.close()
  }
  // the views sweep is a different table: it keeps the main figures' file as it was
  const file = VIEWS ? 'ui-views.json' : 'ui-results.json'
  writeFileSync(new URL(`./${file}`, import.meta.url), JSON.stringify(results, null, 2) + '\n')
  console.log(`written bench/${file}`)
}

await main()
