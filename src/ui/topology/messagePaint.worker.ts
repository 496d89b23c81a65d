/// <reference lib="webworker" />
/**
 * The message canvas's painter, off the page's thread (docs/ui-layers.md, message layer). The
 * page hands over its canvas once, then sends scene updates at its frame rate; the dots glide at
 * every display refresh from here, and what this draws goes to the compositor without the
 * page's main thread running a frame for it.
 */
import { servePaintWorker } from '../offscreenPainter'
import { createSceneHost, type SceneUpdate } from './messageScene'

declare const self: DedicatedWorkerGlobalScope

// a worker's requestAnimationFrame follows the display; a browser without one gets a timer
const nextRefresh = (paint: () => void): void => {
  if (typeof self.requestAnimationFrame === 'function') self.requestAnimationFrame(paint)
  else setTimeout(paint, 1000 / 60)
}

servePaintWorker<SceneUpdate>(
  self,
  (canvas, ctx) => createSceneHost(canvas, ctx, nextRefresh).apply,
)
