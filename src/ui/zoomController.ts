import { scaleLinear } from 'd3-scale'
import { select } from 'd3-selection'
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom'

/**
 * Wheel-to-zoom and drag-to-pan over a time axis, for any element, without React (the way
 * xyflow keeps D3 behaviours out of its components): the time charts and the space-time diagram
 * attach one each. d3-zoom reads the gestures; each zoom event is applied as the change since
 * the previous one, to the window as it is *now* (the live edge moves under a gesture, and a
 * wheel gesture's delayed end may fall inside a drag: two d3 gestures at once). When no gesture
 * is left the behaviour's transform is reset through its public API (`transform`), so it never
 * drifts towards the scale extent.
 */
export interface TimeZoomOptions {
  /** the time window shown now */
  domain(): readonly [number, number]
  /** its pixel extent along x */
  range(): readonly [number, number]
  /** the reader moved the window to [x0, x1] with this kind of gesture */
  move(x0: number, x1: number, source: 'wheel' | 'drag'): void
}

/** Attach to `el`; returns the detach function. Double-click does nothing (no accidental zoom). */
export function attachTimeZoom<E extends Element>(el: E, opts: TimeZoomOptions): () => void {
  let last: ZoomTransform = zoomIdentity
  let active = 0
  const behaviour = zoom<E, unknown>()
    .scaleExtent([1e-9, 1e9])
    // the wheel, or the main button's drag
    .filter(
      (e: Event) => (e.type === 'wheel' || !(e as MouseEvent).button) && e.type !== 'dblclick',
    )
    .on('start', (e: D3ZoomEvent<E, unknown>) => {
      if (e.sourceEvent) active++
    })
    .on('zoom', (e: D3ZoomEvent<E, unknown>) => {
      const T = e.transform
      const k = T.k / last.k
      const change = zoomIdentity.translate(T.x - k * last.x, 0).scale(k)
      last = T
      if (!e.sourceEvent) return // our own reset
      const base = scaleLinear()
        .domain(opts.domain() as [number, number])
        .range(opts.range() as [number, number])
      const [x0, x1] = change.rescaleX(base).domain()
      opts.move(x0, x1, e.sourceEvent.type === 'wheel' ? 'wheel' : 'drag')
    })
    .on('end', (e: D3ZoomEvent<E, unknown>) => {
      if (!e.sourceEvent) return
      active = Math.max(0, active - 1)
      if (active === 0) select(el).call(behaviour.transform, zoomIdentity)
    })
  select(el).call(behaviour).on('dblclick.zoom', null)
  return () => {
    select(el).on('.zoom', null)
  }
}
