import { useEffect, type RefObject } from 'react'
import type { Frame } from '../worker/wire'
import { useLangStore } from './i18n'
import { frameStore } from './store/frameStore'
import { PRESENTER_READOUT_MS, usePresenterStore } from './workspace/presenterStore'

/**
 * The "fast speed" of the UI (style.md, two speeds): painters write every per-frame attribute
 * straight into DOM nodes that React created and never re-renders for these values, mostly in
 * one requestAnimationFrame callback. A paint is scheduled when a frame arrives (zustand
 * `subscribe`) and something is owed, so a paused run costs nothing; several frames between two
 * display refreshes collapse into one paint of the newest.
 *
 * Painters run at the rate what they draw changes (docs/ui-layers.md):
 * - `arrival`: cheap work that seldom changes the page, run as each frame arrives, outside any
 *   display refresh (the timeline thumb, which stays at the rail's end while a run plays live;
 *   the messages in flight, handed to the message canvas's worker). A frame that only these
 *   follow costs this thread no display frame: refreshing for them was a third of the default
 *   page's main-thread time once the dots moved off it;
 * - `frame`: what follows each frame at the next display refresh (the diagram's newest messages);
 * - `readout`: text and figures — at most every READOUT_INTERVAL_MS while the run plays (digits
 *   rewritten 60 times a second are unreadable and cost a relayout each time), always at once
 *   for a paused frame, and the newest frame is painted when the interval is over even if no
 *   frame comes then.
 * A painter given an element paints nothing while the run plays and that element is outside the
 * viewport (a paused frame is painted everywhere), and catches up as soon as it scrolls in (IntersectionObserver: `content-visibility` starved the
 * charts' ResizeObserver instead).
 */
export type Painter = (frame: Frame) => void

export type PaintRate = 'arrival' | 'frame' | 'readout'

/** Readouts repaint at 5 Hz while running: readable, and a twelfth of the work of 60 Hz. */
const READOUT_INTERVAL_MS = 200

/**
 * Readouts due in one display refresh share this much of it: past it, the rest owe their paint
 * to the next refresh, so a large run's charts (200 lines each) are spread over frames instead
 * of stacking into one long task. What moves (`frame` painters) always paints.
 */
export const FRAME_BUDGET_MS = 8

interface Entry {
  paint: Painter
  rate: PaintRate
  visible: boolean
  /** owes a paint whatever the rate (new, back in view, language changed) */
  stale: boolean
}

const entries = new Set<Entry>()
let scheduled = false
let lastReadout = -Infinity
/** the frame the `frame` painters last painted */
let lastFrame: Frame | null = null
let trailing: ReturnType<typeof setTimeout> | null = null

/** The readout interval: slower in presenter mode, digits a room can read. */
const readoutInterval = () =>
  usePresenterStore.getState().on ? PRESENTER_READOUT_MS : READOUT_INTERVAL_MS

/** Readouts not due yet: paint them when the interval is over, even if no frame comes then. */
function awaitReadouts(now: number): void {
  trailing ??= setTimeout(
    () => {
      trailing = null
      schedulePaint()
    },
    readoutInterval() - (now - lastReadout),
  )
}

/**
 * Whether a display refresh would paint anything: always for a paused frame; while the run
 * plays, when readouts are due or a painter owes a paint or follows every frame.
 */
function owed(frame: Frame, now: number): boolean {
  if (!frame.running || now - lastReadout >= readoutInterval()) return true
  for (const e of entries) if (e.visible && (e.stale || e.rate === 'frame')) return true
  return false
}

/** A frame arrived: `arrival` painters paint now, the others at a display refresh if owed. */
function onFrame(): void {
  const frame = frameStore.getState().frame
  if (!frame) return
  for (const e of entries)
    if (e.rate === 'arrival' && (e.visible || !frame.running)) {
      e.stale = false
      e.paint(frame)
    }
  schedulePaint()
}

function paint(): void {
  scheduled = false
  const frame = frameStore.getState().frame
  if (!frame) return
  const now = performance.now()
  const readoutDue = !frame.running || now - lastReadout >= readoutInterval()
  if (readoutDue) lastReadout = now
  else awaitReadouts(now)
  const fresh = frame !== lastFrame
  lastFrame = frame
  let spent = false
  // what moves first (an `arrival` painter here only when it owes a paint: new, back in view,
  // the language changed), then the readouts, within the frame's budget
  for (const rate of ['arrival', 'frame', 'readout'] as const)
    for (const e of entries) {
      // Off screen a painter skips frames only while the run plays: a paused frame (a lesson
      // step opened, a seek, a Step) is painted everywhere, so a view below the fold never keeps
      // the previous moment for a full-page capture or a print (a tablet's offset chart kept
      // lesson 1 step 1's empty axes after Next).
      if (e.rate !== rate || !(e.visible || !frame.running)) continue
      if (!(e.stale || (rate === 'frame' && fresh) || (rate === 'readout' && readoutDue))) continue
      if (rate === 'readout' && spent) {
        e.stale = true
        schedulePaint()
        continue
      }
      e.stale = false
      e.paint(frame)
      if (rate === 'readout' && frame.running && performance.now() - now > FRAME_BUDGET_MS)
        spent = true
    }
}

/**
 * Ask for a paint at the next display refresh (a new frame, new data, new DOM). While the run
 * plays and nothing is owed, the readouts' next slot paints it instead: data that arrives
 * between two slots (clock feeds, the diagram's records) no longer costs a display frame each.
 */
export function schedulePaint(): void {
  if (scheduled || typeof requestAnimationFrame === 'undefined') return
  const frame = frameStore.getState().frame
  const now = performance.now()
  if (frame && !owed(frame, now)) return awaitReadouts(now)
  scheduled = true
  requestAnimationFrame(paint)
}

/** Everything owes a full paint (the language changed, a view was zoomed…). */
export function repaintAll(): void {
  for (const e of entries) e.stale = true
  schedulePaint()
}

/** This painter owes a paint now, whatever the rate (its view was zoomed, its data changed…). */
export function repaint(painter: Painter): void {
  for (const e of entries) if (e.paint === painter) e.stale = true
  schedulePaint()
}

frameStore.subscribe(onFrame)
useLangStore.subscribe(repaintAll)

const watched = new Map<Element, Set<Entry>>()
const observer =
  typeof IntersectionObserver === 'undefined'
    ? null
    : new IntersectionObserver((changes) => {
        let back = false
        for (const change of changes)
          for (const e of watched.get(change.target) ?? []) {
            if (change.isIntersecting && !e.visible) back = e.stale = true
            e.visible = change.isIntersecting
          }
        if (back) schedulePaint()
      })

/**
 * Paint with `painter` at `rate` until the returned function is called; with `el`, painting
 * pauses while that element is off screen.
 */
export function addPainter(painter: Painter, rate: PaintRate, el: Element | null): () => void {
  const entry: Entry = { paint: painter, rate, visible: true, stale: true }
  entries.add(entry)
  if (el && observer) {
    if (!watched.has(el)) {
      watched.set(el, new Set())
      observer.observe(el)
    }
    watched.get(el)!.add(entry)
  }
  schedulePaint()
  return () => {
    entries.delete(entry)
    const set = el ? watched.get(el) : undefined
    if (!set) return
    set.delete(entry)
    if (set.size === 0) {
      watched.delete(el!)
      observer?.unobserve(el!)
    }
  }
}

/**
 * Register `painter` while the component is mounted. Keep it stable (`useCallback`): a new
 * painter replaces the old one and the current frame is repainted at once. With `visible`,
 * painting pauses while that element is off screen.
 */
export function usePainter(
  painter: Painter,
  opts: { rate?: PaintRate; visible?: RefObject<Element | null> } = {},
): void {
  const { rate = 'readout', visible } = opts
  useEffect(() => addPainter(painter, rate, visible?.current ?? null), [painter, rate, visible])
}
