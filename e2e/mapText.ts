import type { Page } from '@playwright/test'

/**
 * Where the map's clock readouts lie, for the layout tests: readouts that leave the map, and
 * pairs that cover each other or a node (topology/layout.ts keeps room for them).
 */

/** Node readouts that are not wholly inside the map. */
export const readoutsOffMap = (page: Page) =>
  page.evaluate(() => {
    const map = document.querySelector('.topology')!.getBoundingClientRect()
    return [...document.querySelectorAll('.node-readout')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0)
      .filter(
        ({ r }) =>
          r.left < map.left || r.right > map.right || r.top < map.top || r.bottom > map.bottom,
      )
      .map(
        ({ el, r }) =>
          `${el.textContent} ${Math.round(r.left - map.left)}…${Math.round(map.right - r.right)}`,
      )
  })

/** Readouts that overlap another readout or a node's circle (1 px of slack for anti-aliasing). */
export const readoutCollisions = (page: Page) =>
  page.evaluate(() => {
    const readouts = [...document.querySelectorAll('.node-readout')]
      .map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0)
    const bodies = [...document.querySelectorAll('.node-body')].map((el) =>
      el.getBoundingClientRect(),
    )
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1
    const found: string[] = []
    readouts.forEach((a, i) => {
      readouts.slice(i + 1).forEach((b) => meet(a.r, b.r) && found.push(`${a.text} × ${b.text}`))
      bodies.forEach((b, k) => meet(a.r, b) && found.push(`${a.text} × node #${k}`))
    })
    return found
  })

/**
 * Readouts whose lines run into each other: a line's box (the font's ascent and descent, taller
 * for Chinese glyphs) reaching more than 2.5 px into the next line's.
 */
export const crampedReadouts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.node-readout')].flatMap((el) => {
      const lines = [...el.querySelectorAll('tspan')]
        .map((t) => t.getBoundingClientRect())
        .filter((r) => r.height > 0)
      return lines.some((r, i) => i > 0 && lines[i - 1].bottom - r.top > 2.5)
        ? [el.textContent ?? '']
        : []
    }),
  )
