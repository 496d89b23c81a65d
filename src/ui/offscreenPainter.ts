import type { Canvas2D } from './fitCanvas'

/**
 * A canvas painted off the page's thread where the browser can hand a canvas over
 * (`transferControlToOffscreen`), else on the page: what a canvas shows then goes to the
 * compositor without this thread painting it or copying it out at each commit (0.07 s of main
 * thread a second for one moving dot on this page's canvas, 0.004 from a worker). The page
 * sends what to draw; the same drawing code runs in the worker or here.
 */
export interface OffscreenPainter<U> {
  send(update: U, transfer?: Transferable[]): void
}

/** The first message a paint worker gets: the canvas it draws on. */
interface CanvasHandOver {
  type: 'canvas'
  canvas: OffscreenCanvas
}

// A canvas can be handed to a worker once: React's development remount of the same element
// (StrictMode) gets the painter it already has.
const painters = new WeakMap<HTMLCanvasElement, OffscreenPainter<unknown> & { stop(): void }>()

/**
 * The canvas's painter. `spawn` starts its worker (a `new Worker(new URL(...))` the bundler can
 * see, so it lives with the caller); `local` builds the same drawing on the page, for a browser
 * that cannot hand a canvas over.
 */
export function offscreenPainter<U>(
  canvas: HTMLCanvasElement,
  spawn: () => Worker,
  local: (canvas: Canvas2D['canvas'], ctx: Canvas2D['ctx']) => (update: U) => void,
): OffscreenPainter<U> {
  let painter = painters.get(canvas) as (OffscreenPainter<U> & { stop(): void }) | undefined
  if (painter) return painter
  if (typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
    const offscreen = canvas.transferControlToOffscreen()
    const worker = spawn()
    const handOver: CanvasHandOver = { type: 'canvas', canvas: offscreen }
    worker.postMessage(handOver, [offscreen])
    painter = {
      send: (u, transfer = []) => worker.postMessage(u, transfer),
      stop: () => worker.terminate(),
    }
  } else {
    const ctx = canvas.getContext('2d')
    const apply = ctx ? local(canvas, ctx) : null
    painter = { send: (u) => apply?.(u), stop: () => {} }
  }
  painters.set(canvas, painter as OffscreenPainter<unknown> & { stop(): void })
  return painter
}

/** Stop the canvas's painter once the canvas has left the page (not on a remount). */
export function releaseOffscreenPainter(canvas: HTMLCanvasElement): void {
  setTimeout(() => {
    if (canvas.isConnected) return
    painters.get(canvas)?.stop()
    painters.delete(canvas)
  })
}

/**
 * A paint worker's side: the first message brings the canvas, `host` builds the drawing on it,
 * and every later message goes to that drawing.
 */
export function servePaintWorker<U>(
  scope: { onmessage: ((e: MessageEvent) => void) | null },
  host: (canvas: OffscreenCanvas, ctx: OffscreenCanvasRenderingContext2D) => (update: U) => void,
): void {
  let apply: ((u: U) => void) | null = null
  scope.onmessage = (e: MessageEvent<CanvasHandOver | U>) => {
    const m = e.data as CanvasHandOver | U
    if ((m as CanvasHandOver).type !== 'canvas') return apply?.(m as U)
    const { canvas } = m as CanvasHandOver
    const ctx = canvas.getContext('2d')
    if (ctx) apply = host(canvas, ctx)
  }
}
