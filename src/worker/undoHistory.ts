/**
 * Undo and redo over a run's intervention list, kept as states: every change the learner makes (an
 * intervention, a removal, one that replaces the recorded future) keeps the list it replaced, so
 * undo brings back exactly what was there before — an intervention made in the past gives back the
 * later ones it replaced — and redo goes forward again. A new change forgets what could be redone.
 * Pure: the worker holds one per run and rebuilds the run from the list undo or redo returns.
 */
export interface UndoHistory<T> {
  /** states before each change, oldest first */
  readonly past: readonly T[]
  /** states undone, the next to redo last */
  readonly future: readonly T[]
}

/** Changes remembered: a lecture's worth; the oldest go first. */
export const UNDO_LIMIT = 100

export function emptyHistory<T>(): UndoHistory<T> {
  return { past: [], future: [] }
}

/** A change was made; `before` is the state it replaced. */
export function recordChange<T>(h: UndoHistory<T>, before: T): UndoHistory<T> {
  return { past: [...h.past, before].slice(-UNDO_LIMIT), future: [] }
}

export interface Move<T> {
  history: UndoHistory<T>
  /** the state to rebuild */
  state: T
}

/** Step back from `current`, or null when nothing is left to undo. */
export function undo<T>(h: UndoHistory<T>, current: T): Move<T> | null {
  if (h.past.length === 0) return null
  return {
    history: { past: h.past.slice(0, -1), future: [...h.future, current] },
    state: h.past[h.past.length - 1],
  }
}

/** Step forward again from `current`, or null when nothing was undone since the last change. */
export function redo<T>(h: UndoHistory<T>, current: T): Move<T> | null {
  if (h.future.length === 0) return null
  return {
    history: { past: [...h.past, current], future: h.future.slice(0, -1) },
    state: h.future[h.future.length - 1],
  }
}
