import type { Page } from '@playwright/test'

/**
 * axe-core leaves SVG text "incomplete" (it cannot find the background of text drawn over
 * shapes), and the map, charts and diagrams are SVG. This reads each visible SVG text's fill and
 * what it is painted over — its own halo (paint-order: stroke), else the first filled shape or
 * opaque box under its centre — and returns every text below WCAG AA (4.5:1; 3:1 for large text).
 */
export async function lowContrastSvgText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number)
    const opaque = (c: number[]) => c.length === 3 || (c.length === 4 && c[3] > 0.5)
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    const behind = (t: Element, x: number, y: number): number[] | null => {
      for (const el of document.elementsFromPoint(x, y)) {
        if (el === t || t.contains(el) || el instanceof SVGTextContentElement) continue
        const s = getComputedStyle(el)
        if (el instanceof SVGSVGElement || !(el instanceof SVGElement)) {
          const c = rgb(s.backgroundColor)
          if (opaque(c)) return c
        } else if (s.fill !== 'none' && !s.fill.startsWith('url')) {
          const c = rgb(s.fill)
          if (opaque(c)) return c
        }
      }
      return null
    }
    // While a modal dialog is open the page behind it is inert: hit testing passes through it,
    // so what its text is painted over cannot be read (the map's white node ids measured against
    // the dialog above them), and nobody can reach it anyway; axe judges the dialog itself.
    const modal = document.querySelector('dialog:modal')
    const low: string[] = []
    for (const t of document.querySelectorAll<SVGTextContentElement>('svg text, svg tspan')) {
      if (!t.textContent?.trim() || (t instanceof SVGTextElement && t.querySelector('tspan')))
        continue
      if (modal && !modal.contains(t)) continue
      const r = t.getBoundingClientRect()
      if (!r.width || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth)
        continue
      const s = getComputedStyle(t)
      if (s.visibility === 'hidden' || Number(s.opacity) === 0 || s.fill.startsWith('url')) continue
      const halo = s.paintOrder.startsWith('stroke') && parseFloat(s.strokeWidth) >= 2
      const bg =
        halo && s.stroke !== 'none'
          ? rgb(s.stroke)
          : behind(t, r.x + r.width / 2, r.y + r.height / 2)
      if (!bg) continue
      const [a, b] = [lum(rgb(s.fill)), lum(bg)]
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
      const size = parseFloat(s.fontSize)
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700)
      if (ratio < (large ? 3 : 4.5))
        low.push(
          `${t.getAttribute('class') ?? t.tagName} "${t.textContent.trim()}" ${ratio.toFixed(2)}:1`,
        )
    }
    return [...new Set(low)]
  })
}
