import { useEffect, useRef, useState, type RefObject } from 'react'

export interface Size {
  width: number
  height: number
}

/**
 * The element's content box in whole pixels, following resizes (0 × 0 until measured). The one
 * resize hook of the UI: painters read sizes from here instead of asking the layout per frame
 * (`clientWidth` in a paint forces a layout of everything written before it).
 */
export function useElementSize(ref: RefObject<Element | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const ro = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width)
      const height = Math.round(entry.contentRect.height)
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }))
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref])
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
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const ro = new ResizeObserver(([entry]) => {
      size.current = {
        width: Math.round(entry.contentRect.width),
        height: Math.round(entry.contentRect.height),
      }
      onResize()
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref, onResize])
  return size
}
