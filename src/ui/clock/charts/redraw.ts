import type { TimeView } from './timeViewStore'

/**
 * Whether a playing chart's next readout would show anything new. The run often advances a
 * fraction of a pixel between two readouts (at the default preset's 0.02× while messages fly,
 * 4 ms on a 16 s axis), and thinning 16 k samples per line into the same picture cost most of
 * the page's script; so a chart is redrawn once its time axis moved half a pixel at either end,
 * the lines' right end, a line's newest value or the accuracy band moved half a pixel, or its size, window, language
 * or the lines' look (the selection) changed. What happened inside that half pixel is drawn with the next redraw.
 */
export interface Drawn {
  x0: number
  x1: number
  width: number
  height: number
  view: TimeView
  /** a catalogue string: changes with the language */
  label: string
  /** each line's newest value (NaN: none, or crashed) */
  newest: readonly number[]
  /** the time of those values: the lines' right end, which moves inside a window that reaches past it */
  now: number
  accuracy: number
  /** the lines' colours, dashes and selection (chartPainter's `lookKey`) */
  look: string
}

const HALF_PIXEL = 0.5

/** `y`: the pixel row of a value on the chart as drawn for `prev`. */
export function needsRedraw(prev: Drawn | undefined, next: Drawn, y: (v: number) => number) {
  if (!prev) return true
  if (
    prev.width !== next.width ||
    prev.height !== next.height ||
    prev.view !== next.view ||
    prev.label !== next.label ||
    prev.look !== next.look ||
    prev.newest.length !== next.newest.length
  )
    return true
  const perSecond = next.width / Math.max(next.x1 - next.x0, Number.MIN_VALUE)
  const moved = (a: number, b: number) => Math.abs(a - b) >= HALF_PIXEL
  if (moved(prev.x0 * perSecond, next.x0 * perSecond)) return true
  if (moved(prev.x1 * perSecond, next.x1 * perSecond)) return true
  if (moved(prev.now * perSecond, next.now * perSecond)) return true
  if (moved(y(prev.accuracy), y(next.accuracy))) return true
  return next.newest.some((v, i) => {
    const was = prev.newest[i]
    return Number.isNaN(v) !== Number.isNaN(was) || (!Number.isNaN(v) && moved(y(was), y(v)))
  })
}
