import { useEffect } from 'react'
import type { Frame } from '../worker/protocol'
import { useLang } from './i18n'
import { frameStore } from './store/frameStore'

/**
 * The "fast speed" of the UI (style.md, two speeds): one requestAnimationFrame callback paints
 * every per-frame attribute — message positions, clock readings, offsets, the simulated-time
 * readout — straight into DOM nodes that React created and never re-renders for these values.
 * A paint is scheduled when a frame arrives (zustand `subscribe`), so a paused run costs nothing;
 * several frames between two display refreshes collapse into one paint of the newest.
 */
export type Painter = (frame: Frame) => void

const painters = new Set<Painter>()
let scheduled = false

function paint(): void {
  scheduled = false
  const frame = frameStore.getState().frame
  if (!frame) return
  for (const p of painters) p(frame)
}

/** Ask for a paint at the next display refresh (new frame, new DOM, new language). */
export function schedulePaint(): void {
  if (scheduled || typeof requestAnimationFrame === 'undefined') return
  scheduled = true
  requestAnimationFrame(paint)
}

frameStore.subscribe(schedulePaint)
useLang.subscribe(schedulePaint)

/**
 * Register `painter` while the component is mounted. Keep it stable (`useCallback`): a new
 * painter replaces the old one and the current frame is repainted at once.
 */
export function usePainter(painter: Painter): void {
  useEffect(() => {
    painters.add(painter)
    schedulePaint()
    return () => {
      painters.delete(painter)
    }
  }, [painter])
}
