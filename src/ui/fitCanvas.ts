/**
 * Size a canvas's backing store to `width` × `height` CSS pixels at the device's pixel ratio
 * (sharp on a laptop's 2× screen, cheap on a 1× projector) and scale its context to CSS pixels.
 * The store is resized only when the size changed: resizing clears it.
 */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
): void {
  const dpr = window.devicePixelRatio || 1
  const w = Math.round(width * dpr)
  const h = Math.round(height * dpr)
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w
    canvas.height = h
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
}
