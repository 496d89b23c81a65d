/**
 * Progress through the course, kept in this browser only (localStorage): per lesson, the
 * furthest step reached and whether the last step was finished.
 */
export interface LessonProgress {
  /** furthest step reached, 1-based */
  reached: number
  steps: number
  done: boolean
}

const KEY = 'driftlab.lessonProgress.v1'

export function readProgress(): Record<string, LessonProgress> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}')
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {}
    const out: Record<string, LessonProgress> = {}
    for (const [id, p] of Object.entries(raw as Record<string, Partial<LessonProgress>>)) {
      if (typeof p?.reached === 'number' && typeof p.steps === 'number')
        out[id] = { reached: p.reached, steps: p.steps, done: p.done === true }
    }
    return out
  } catch {
    return {}
  }
}

/** Record that step `step` (1-based) of `steps` was reached; `done` once the last is finished. */
export function recordProgress(id: string, step: number, steps: number, done = false): void {
  const all = readProgress()
  const prev = all[id]
  all[id] = {
    reached: Math.max(prev?.reached ?? 0, step),
    steps,
    done: done || prev?.done === true,
  }
  try {
    localStorage.setItem(KEY, JSON.stringify(all))
  } catch {
    // private mode or a full store: progress is a convenience, the lesson still runs
  }
}
