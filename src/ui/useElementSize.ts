import { useEffect, useRef, useState, type RefObject } from 'react'

export interface Size {
  width: number
  height: number
}

/**
 * Observe whichever element `ref` holds after each commit. The element can appear later than the
 * component (a view that renders its chart only once a run of the right kind is loaded), so the
 * ref is checked after every render — a comparison — rather than once on mount, which left such
 * a chart unmeasured, at width 0, and so never drawn.
 */
function useResizeObserver(ref: RefObject<Element | null>, onSize: (size: Size) => void): void {
  const watched = useRef<{ el: Element; ro: ResizeObserver } | null>(null)
  const latest = useRef(onSize)
  useEffect(() => {
    latest.current = onSize
    const el = ref.current
    if (el === (watched.current?.el ?? null)) return
    watched.current?.ro.disconnect()
    watched.current = null
    if (!el) return
    const ro = new ResizeObserver(([entry]) =>
      latest.current({
        width: Math.round(entry.contentRect.width),
        height: Math.round(entry.contentRect.height),
      }),
    )
    ro.observe(el)
    watched.current = { el, ro }
  })
  useEffect(
    () => () => {
      watched.current?.ro.disconnect()
      watched.current = null
    },
    [],
  )
}

/**
 * The element's content box in whole pixels, following resizes (0 × 0 until measured). The one
 * resize hook of the UI: painters read sizes from here instead of asking the layout per frame
 * (`clientWidth` in a paint forces a layout of everything written before it).
 */
export function useElementSize(ref: RefObject<Element | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 })
  useResizeObserver(ref, ({ width, height }) =>
    setSize((s) => (s.width === width && s.height === height ? s : { width, height })),
  )
  return size
}

/**
 * The same size kept in a ref, for painters only: a resize re-renders nothing (an element that
 * changes width with the text beside it — the timeline's track — would otherwise cost a React
 * commit per readout) and asks for a repaint instead.
 */
export function useElementSizeRef(
  ref: RefObject<Element | null>,
  onResize: () => void,
): RefObject<Size> {
  const size = useRef<Size>({ width: 0, height: 0 })
  useResizeObserver(ref, (s) => {
    size.current = s
    onResize()
  })
  return size
}
