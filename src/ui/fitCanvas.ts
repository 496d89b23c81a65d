/** A 2D canvas on the page, or one handed to a worker (topology/messagePaint.worker.ts). */
export interface Canvas2D {
  canvas: { width: number; height: number }
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D
}

/**
 * Size a canvas's backing store to `width` × `height` CSS pixels at the device's pixel ratio
 * (sharp on a laptop's 2× screen, cheap on a 1× projector) and scale its context to CSS pixels.
 * The store is resized only when the size changed: resizing clears it. A worker has no window:
 * the page tells it the ratio.
 */
export function fitCanvas(
  canvas: Canvas2D['canvas'],
  ctx: Canvas2D['ctx'],
  width: number,
  height: number,
  dpr = window.devicePixelRatio || 1,
): void {
  const w = Math.round(width * dpr)
  const h = Math.round(height * dpr)
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w
    canvas.height = h
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
}
