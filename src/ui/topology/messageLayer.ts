import { MSG_STRIDE, type Frame } from '../../worker/wire'
import { phaseOf } from '../consensus/phases'
import { writeAttr } from '../domWrites'
import { t, useLangStore } from '../i18n'
import { categoricalColour } from '../palette'
import type { MapObstacles } from './flightLabels'
import type { LinkCurve } from './geometry'
import type { TopologyLayout } from './layout'
import { offscreenPainter } from '../offscreenPainter'
import { LABEL_LIMIT, firstInFlight } from './flight'
import type { KindStyle, SceneUpdate } from './messageScene'

/** A message's colour: a Paxos phase keeps its own colour (consensus/phases.ts), others go by order. */
export const messageColour = (kinds: readonly string[], kind: number): string =>
  phaseOf(kinds[kind] ?? '')?.colour ?? categoricalColour(kind)

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
  const painter = offscreenPainter<SceneUpdate>(
    canvas,
    () => new Worker(new URL('./messagePaint.worker.ts', import.meta.url), { type: 'module' }),
    (canvas, ctx) => {
      // only a browser that cannot hand a canvas over draws here: it loads the scene's drawing
      // then, and what was sent meanwhile is applied in order
      const early: SceneUpdate[] = []
      let apply: ((u: SceneUpdate) => void) | null = null
      void import('./messageScene').then(({ createSceneHost }) => {
        const host = createSceneHost(canvas, ctx, requestAnimationFrame)
        apply = (u) => host.apply(u)
        early.splice(0).forEach(apply)
      })
      return (u) => (apply ? apply(u) : early.push(u))
    },
  )
  const send = (u: SceneUpdate) => painter.send(u)
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
