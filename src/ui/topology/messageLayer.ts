import { MSG_STRIDE, type Frame } from '../../worker/wire'
import { phaseOf } from '../consensus/phases'
import { writeAttr } from '../domWrites'
import { t, useLangStore } from '../i18n'
import { categoricalColour } from '../palette'
import type { MapObstacles } from './flightLabels'
import type { LinkCurve } from './geometry'
import type { TopologyLayout } from './layout'
import type { PaintCommand } from './messagePaint.worker'
import {
  LABEL_LIMIT,
  createSceneHost,
  firstInFlight,
  type KindStyle,
  type SceneUpdate,
} from './messageScene'

/** A message's colour: a Paxos phase keeps its own colour (consensus/phases.ts), others go by order. */
export const messageColour = (kinds: readonly string[], kind: number): string =>
  phaseOf(kinds[kind] ?? '')?.colour ?? categoricalColour(kind)

interface Painter {
  send(u: SceneUpdate): void
  stop(): void
}

/**
 * Where the canvas is painted: in a worker of its own where the browser can hand a canvas over
 * (the dots then move at every display refresh without this thread running a frame: 0.07 s of
 * main thread a second for one moving dot on this page's canvas, 0.004 from a worker), else here.
 */
function startPainter(canvas: HTMLCanvasElement): Painter {
  if (typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
    const offscreen = canvas.transferControlToOffscreen()
    const worker = new Worker(new URL('./messagePaint.worker.ts', import.meta.url), {
      type: 'module',
    })
    const canvasCommand: PaintCommand = { type: 'canvas', canvas: offscreen }
    worker.postMessage(canvasCommand, [offscreen])
    return { send: (u) => worker.postMessage(u), stop: () => worker.terminate() }
  }
  const ctx = canvas.getContext('2d')
  const host = ctx ? createSceneHost(canvas, ctx, requestAnimationFrame) : null
  return { send: (u) => host?.apply(u), stop: () => {} }
}

// A canvas can be handed to a worker once: React's development remount of the same element
// (StrictMode) gets the painter it already has.
const painters = new WeakMap<HTMLCanvasElement, Painter>()

/** Stop the canvas's painter once the canvas has left the page (not on a remount). */
export function releaseMessageLayer(canvas: HTMLCanvasElement): void {
  setTimeout(() => {
    if (canvas.isConnected) return
    painters.get(canvas)?.stop()
    painters.delete(canvas)
  })
}

/**
 * Messages in flight, on a canvas above the map's SVG (docs/ui-layers.md, message layer): the
 * one part of the map whose set changes all the time, so it has no DOM per message and the
 * static links and nodes under it are never repainted because a dot moved. This side sends what
 * to draw at the frame rate — the newest frame's messages, the map's geometry, each kind's
 * colour and phase name, what names keep clear of — and the scene (messageScene.ts) draws it
 * at every display refresh.
 *
 * The canvas carries what tests and tools can read instead of per-message elements, as of the
 * newest frame: `data-count` (messages in flight) and `data-first` ("id x,y" of the first one).
 */
export function createMessageLayer(canvas: HTMLCanvasElement) {
  let painter = painters.get(canvas)
  if (!painter) painters.set(canvas, (painter = startPainter(canvas)))
  const send = painter.send
  let size = { width: 0, height: 0, dpr: 0 }
  let detailed = true
  let kinds: readonly string[] | null = null
  let lang = ''
  let obstacles: MapObstacles | null = null
  /** messages in the last frame sent: frames with nothing in flight after it are not sent */
  let flying = 0

  const resize = (width: number, height: number) => {
    const dpr = window.devicePixelRatio || 1
    if (width === size.width && height === size.height && dpr === size.dpr) return
    size = { width, height, dpr }
    send({ type: 'size', ...size })
  }

  return {
    resize,

    layout(layout: TopologyLayout) {
      detailed = layout.detailed
      const nodes = layout.nodes.map(({ x, y }) => ({ x, y }))
      send({ type: 'layout', nodes, radius: layout.radius, detailed })
    },

    frame(
      frame: Frame,
      /** when the frame arrived (performance.now()) */
      receivedAt: number,
      kindNames: readonly string[],
      curveOf: (from: number, to: number) => LinkCurve | null,
    ) {
      resize(size.width, size.height) // the window may have moved to a screen of another density
      const count = frame.messages.length / MSG_STRIDE
      const nowLang = useLangStore.getState().lang
      if (kindNames !== kinds || nowLang !== lang) {
        kinds = kindNames
        lang = nowLang
        const styles: KindStyle[] = kindNames.map((name, k) => {
          const phase = phaseOf(name)
          return { colour: messageColour(kindNames, k), label: phase ? t(phase.name) : null }
        })
        send({ type: 'kinds', styles })
      }
      if (count > 0 || flying > 0) {
        const rate = !frame.running ? 0 : frame.pace === 'behind' ? frame.rate : frame.speed
        const at = performance.timeOrigin + receivedAt
        send({
          type: 'flight',
          flight: { messages: frame.messages, now: frame.now, rate, receivedAt: at },
        })
      }
      if (flying !== count || canvas.dataset.count === undefined)
        canvas.dataset.count = String((flying = count))
      writeAttr(canvas, 'data-first', firstInFlight(frame.messages, frame.now, curveOf))
    },

    /**
     * What phase names keep clear of, while names are drawn (a few messages on a small map).
     * Asked at the readout rate, after the readouts are written: measuring the DOM then costs
     * the layout the display refresh does anyway, not one of its own.
     */
    keepClear(obstaclesOf: () => MapObstacles) {
      if (!detailed || flying === 0 || flying > LABEL_LIMIT) return
      const o = obstaclesOf()
      if (o !== obstacles) send({ type: 'obstacles', obstacles: (obstacles = o) })
    },

    /** A new run: its message ids start over, so the old dots go. */
    clear() {
      send({ type: 'clear' })
      flying = 0
      canvas.dataset.count = '0'
      writeAttr(canvas, 'data-first', '')
    },
  }
}

export type MessageLayer = ReturnType<typeof createMessageLayer>
