import type { TimeView } from './timeViewStore'

/** Narrowest window a zoom may reach (s): a few exchanges. */
const MIN_SPAN = 0.5

/** Spans (× 10^k) the whole-history window takes as the run grows: the R10 series, ~25 % apart. */
const STEPS = [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8, 10]

/** How far past a step (a fraction of it) a history may reach and still keep that step's window. */
const STEP_SLACK = 1e-3

/**
 * The whole-history window's span for a history `span` long: the next step up, so the window
 * and its time axis change only when the run outgrows them (every ~25 %) and the lines grow into
 * the room left; in between, a chart's whole columns stay as thinned (thinnedLines.ts). A history
 * a hair past a step stays in it: a full history ring spans a power of two seconds, often a step
 * (16 s), give or take the newest sample, and must not flip between two windows.
 */
export function grownSpan(span: number): number {
  const p = 10 ** Math.floor(Math.log10(span))
  return STEPS.find((s) => s * p >= span * (1 - STEP_SLACK))! * p
}

/**
 * The x domain for a view, given the history's first time and the run's current time. The whole
 * history's window starts at the first sample and reaches past the present (grownSpan).
 */
export function timeDomain(view: TimeView, first: number, now: number): [number, number] {
  const end = Math.max(now, first + MIN_SPAN)
  switch (view.mode) {
    case 'all':
      return [first, first + grownSpan(end - first)]
    case 'follow':
      return [end - view.span, end]
    case 'fixed':
      return [view.x0, view.x1]
  }
}

/**
 * The view after the reader moved the window to [x0, x1]: a window that reaches the present
 * follows the run, one that covers the whole history shows all of it, anything else stays put.
 */
export function viewFor(x0: number, x1: number, first: number, now: number): TimeView {
  const span = Math.max(MIN_SPAN, x1 - x0)
  const slack = span * 0.01
  if (x1 >= now - slack)
    return x1 - span <= first + slack ? { mode: 'all' } : { mode: 'follow', span }
  return { mode: 'fixed', x0: x1 - span, x1 }
}

/** Zoom by `factor` (< 1 narrows) about the window's right edge when following, else its centre. */
export function zoomView(view: TimeView, factor: number, first: number, now: number): TimeView {
  const [x0, x1] = timeDomain(view, first, now)
  const span = Math.max(MIN_SPAN, (x1 - x0) * factor)
  if (view.mode !== 'fixed') return viewFor(x1 - span, x1, first, now)
  const mid = (x0 + x1) / 2
  return viewFor(mid - span / 2, mid + span / 2, first, now)
}

/** Pan by `fraction` of the window (negative: back in time), never past the present. */
export function panView(view: TimeView, fraction: number, first: number, now: number): TimeView {
  const [x0, x1] = timeDomain(view, first, now)
  const span = x1 - x0
  // the whole history's window may already reach past the present: it does not move forward
  const shift = Math.min(span * fraction, Math.max(0, now - x1))
  return viewFor(x0 + shift, x1 + shift, first, now)
}
