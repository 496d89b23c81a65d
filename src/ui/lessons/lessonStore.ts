import { create } from 'zustand'
import type { Lesson } from './schema'

/** The answer to the open step's question, as the worker read it from the run. */
type Answer = { ok: true; value: string } | { ok: false; error: string }

/** The open lesson and where the learner is in it (low rate: changes on clicks and pauses). */
export interface LessonState {
  lesson: Lesson | null
  /** 0-based index of the open step */
  step: number
  /** the lesson list dialog is open */
  listOpen: boolean
  /** the choice the learner predicted, or null */
  prediction: number | null
  answer: Answer | null
  /** the answer is shown: the run reached the question's moment */
  revealed: boolean
  /** the simulated time the run paused itself at, or null while it has not */
  stopped: number | null
  /** the step's action was made (by the learner or by `lesson-next`) */
  actionDone: boolean
  /** the step's completion condition was met */
  complete: boolean
  /** the last step was finished */
  finished: boolean
}

export const initialLessonState: LessonState = {
  lesson: null,
  step: 0,
  listOpen: false,
  prediction: null,
  answer: null,
  revealed: false,
  stopped: null,
  actionDone: false,
  complete: false,
  finished: false,
}

export const useLessonStore = create<LessonState>(() => initialLessonState)
