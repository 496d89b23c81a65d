import type { Locator, Page } from '@playwright/test'

/**
 * Reload the page as a browser that cannot hand a canvas to a worker would run it: the message
 * layer and the charts then draw on the page (offscreenPainter.ts's fallback).
 */
export async function drawOnPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen
  })
  await page.reload()
}

/** A `#rrggbb` colour as [r, g, b]. */
export const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16))

/**
 * What `target` shows on screen, read back from a screenshot: the pixels at `at` (x, y in the
 * element's CSS pixels) and, per colour of `colours`, how many pixels are within `tolerance` of
 * it. A canvas painted by a worker can only be read this way (its page element has no context).
 */
export async function screenPixels(
  page: Page,
  target: Locator,
  {
    at = [],
    colours = [],
    tolerance = 24,
  }: { at?: [number, number][]; colours?: string[]; tolerance?: number },
): Promise<{ pixels: number[][]; counts: number[] }> {
  const png = (await target.screenshot()).toString('base64')
  const wanted = colours.map(rgb)
  // decoded in the page: no image library here
  return page.evaluate(
    async ({ png, at, wanted, tolerance }) => {
      const img = new Image()
      img.src = `data:image/png;base64,${png}`
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const { data } = ctx.getImageData(0, 0, c.width, c.height)
      const pixels = at.map(([x, y]) => {
        const k = (Math.round(y) * c.width + Math.round(x)) * 4
        return [data[k], data[k + 1], data[k + 2]]
      })
      const counts = wanted.map((w) => {
        let n = 0
        for (let k = 0; k < data.length; k += 4)
          if (w.every((v, j) => Math.abs(v - data[k + j]) < tolerance)) n++
        return n
      })
      return { pixels, counts }
    },
    { png, at, wanted, tolerance },
  )
}
