import { useEffect } from 'react'
import { togglePlay } from '../sim/actions'
import { usePresenterStore } from './presenterStore'
import type { ViewId } from './workspaceStore'
import { showViews, useWorkspaceStore } from './workspaceStore'

/** Keys a presentation clicker sends for "next" and "back" (most send PageDown / PageUp). */
const NEXT = new Set(['ArrowRight', 'PageDown'])
const BACK = new Set(['ArrowLeft', 'PageUp'])

/** Where keys belong to the control that has focus (typing, sliders, pickers, the timeline). */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target.closest('input, select, textarea, [role="slider"], [role="menu"], .timeline-track'))
    return true
  return false
}

/** The open lesson's own navigation button, when a lesson is open and it can go that way. */
function lessonButton(which: 'next' | 'prev'): HTMLButtonElement | null {
  const el = document.querySelector<HTMLButtonElement>(`[data-testid="lesson-${which}"]`)
  return el && !el.disabled ? el : null
}

/**
 * Presenter mode's keyboard and clicker (docs/ui-layers.md): →/PageDown next and ←/PageUp back
 * — the open lesson's step, else the next or previous view in the tab bar — Space play/pause,
 * F full screen. Only in presenter mode, and never while a control that takes keys has focus.
 */
export function usePresenterKeys(offered: readonly ViewId[]): void {
  const present = usePresenterStore((s) => s.on)
  useEffect(() => {
    if (!present) return
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return
      const next = NEXT.has(e.key)
      if (next || BACK.has(e.key)) {
        e.preventDefault()
        const lesson = lessonButton(next ? 'next' : 'prev')
        if (lesson) return lesson.click()
        const [current] = useWorkspaceStore.getState().focus
        const at = Math.max(0, offered.indexOf(current))
        const to = (at + (next ? 1 : offered.length - 1)) % offered.length
        return showViews([offered[to]])
      }
      if (e.key === ' ') {
        // also when a button has focus: Space must not press it as well
        e.preventDefault()
        return togglePlay()
      }
      if (e.key === 'f' || e.key === 'F') {
        e.preventDefault()
        if (document.fullscreenElement) void document.exitFullscreen()
        else void document.documentElement.requestFullscreen?.().catch(() => undefined)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [present, offered])
}
