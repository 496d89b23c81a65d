import { presets } from '../../engine/scenario/presets'
import type { LoggedInput } from '../../worker/inputLog'
import type { RunSource, WorkerMessage } from '../../worker/wire'
import { useConsensusStore } from '../consensus/consensusStore'
import { useLangStore } from '../i18n'
import {
  inject,
  onWorkerMessage,
  pause,
  play,
  sendCommand,
  setSkipQuiet,
  setSpeed,
} from '../sim/actions'
import { useRunStore } from '../store/runStore'
import { clearHighlights, setHighlights } from '../workspace/highlightStore'
import { showViews } from '../workspace/workspaceStore'
import { actionMade, conditionMet, type RunFacts } from './conditions'
import { withLessonLink } from './deepLink'
import { initialLessonState, useLessonStore } from './lessonStore'
import { recordProgress } from './progress'
import type { Lesson, LessonStep } from './schema'

/**
 * Runs the open lesson: every step opens from its own reproducible state (the scenario and the
 * step's inputs replayed to its time, paused), so `?lesson=id&step=N` always shows the same
 * picture and the same trace hash. While the step plays the runner watches the worker's
 * messages for the stop time, the learner's action, the completion condition and the answer
 * to the step's question.
 */
const set = useLessonStore.setState
const get = useLessonStore.getState

/** Speed a step plays at when it names none: the key moments of the presets are seconds apart. */
const DEFAULT_STEP_SPEED = 1

let answerRequest = 0
let lastAnswerId = 0
/** the learner's inputs are the live log after the step's own */
let stepInputCount = 0
let openedAt = 0
let learnerLog: LoggedInput[] = []
/** the run id of the step's load; messages of older runs are ignored */
let stepRunId = -1
let loadPending = false
/** the speed and quiet-skipping the learner had before the lesson, restored on exit */
let before: { speed: number; skipQuiet: boolean } | null = null

const currentStep = (): LessonStep | null => {
  const { lesson, step } = get()
  return lesson ? lesson.steps[step] : null
}

/** The scenario JSON and run source a step starts from. */
export function stepScenario(
  lesson: Lesson,
  step: LessonStep,
): { scenario: unknown; source: RunSource } {
  const src = step.start ?? lesson.scenario
  if ('preset' in src) {
    const p = presets.find((x) => x.id === src.preset)
    if (!p) throw new Error(`unknown preset "${src.preset}"`)
    return { scenario: p.scenario, source: { kind: 'preset', id: p.id } }
  }
  return { scenario: src.scenario, source: { kind: 'lesson', title: lesson.title } }
}

/** The step's inputs in the worker's log shape. */
export const stepInputs = (step: LessonStep): LoggedInput[] => (step.inputs ?? []) as LoggedInput[]

/** The time the step's question is about. */
export const questionTime = (step: LessonStep): number => step.question?.at ?? step.stopAt ?? 0

/** Open `lesson` at step `index` (0-based, clamped). */
export function openLesson(lesson: Lesson, index = 0): void {
  listen()
  if (!get().lesson) {
    const { speed, skipQuiet } = useRunStore.getState()
    before = { speed, skipQuiet }
  }
  const i = Math.min(Math.max(0, index), lesson.steps.length - 1)
  set({ ...initialLessonState, lesson, step: i })
  recordProgress(lesson.id, i + 1, lesson.steps.length)
  window.history.replaceState(
    null,
    '',
    withLessonLink(window.location.href, { id: lesson.id, step: i + 1 }),
  )
  applyStep(lesson, lesson.steps[i])
}

/**
 * Show the lesson bar at step `index` over the run already loaded (a share link that carries
 * `?lesson=`: the shared run is what the sender saw, so it is not replaced by the step's).
 */
export function attachLesson(lesson: Lesson, index: number): void {
  listen()
  const i = Math.min(Math.max(0, index), lesson.steps.length - 1)
  set({ ...initialLessonState, lesson, step: i })
  const step = lesson.steps[i]
  stepInputCount = Infinity
  openedAt = step.at ?? 0
  showViews(step.views ?? [])
  showHighlights()
}

function applyStep(lesson: Lesson, step: LessonStep): void {
  const { scenario, source } = stepScenario(lesson, step)
  const inputs = stepInputs(step)
  stepInputCount = inputs.length
  openedAt = step.at ?? 0
  learnerLog = []
  loadPending = true
  pause()
  setSpeed(step.speed ?? DEFAULT_STEP_SPEED)
  setSkipQuiet(step.skipQuiet ?? false)
  sendCommand({ type: 'load', scenario, source, replay: { inputs, until: openedAt } })
  // the load clears any stop time, so this one applies to the step's run
  if (step.stopAt !== undefined) sendCommand({ type: 'stopAt', at: step.stopAt })
  showViews(step.views ?? [])
  showHighlights()
  if (step.question) {
    lastAnswerId = ++answerRequest
    sendCommand({
      type: 'lessonAnswer',
      requestId: lastAnswerId,
      scenario,
      inputs,
      until: questionTime(step),
      query: step.question.answer,
    })
  }
}

/** The step's highlights, captions in the current language. */
function showHighlights(): void {
  const step = currentStep()
  const h = step?.highlight
  if (!h) return clearHighlights()
  const lang = useLangStore.getState().lang
  setHighlights({
    nodes: h.nodes ?? [],
    links: h.links ?? [],
    caption: h.caption ? h.caption[lang] : null,
  })
}

export function nextStep(): void {
  const { lesson, step, actionDone } = get()
  if (!lesson) return
  const s = lesson.steps[step]
  // `lesson-next` always advances: an action the learner did not make is made for them first
  if (s.action && !actionDone) doAction()
  if (step + 1 < lesson.steps.length) return openLesson(lesson, step + 1)
  recordProgress(lesson.id, lesson.steps.length, lesson.steps.length, true)
  set({ finished: true })
}

export function prevStep(): void {
  const { lesson, step } = get()
  if (lesson && step > 0) openLesson(lesson, step - 1)
}

/** Close the lesson; the run stays where it is, the learner's own settings come back. */
export function exitLesson(): void {
  if (!get().lesson) return
  set({ ...initialLessonState })
  sendCommand({ type: 'stopAt', at: null })
  clearHighlights()
  if (before) {
    setSpeed(before.speed)
    setSkipQuiet(before.skipQuiet)
    before = null
  }
  window.history.replaceState(null, '', withLessonLink(window.location.href, null))
}

/** Make the step's invited action now. */
export function doAction(): void {
  const s = currentStep()
  if (!s?.action || get().actionDone) return
  inject(s.action.input)
  set({ actionDone: true })
}

/** The learner predicts choice `k`; then the run plays to the moment the question is about. */
export function choose(k: number): void {
  const s = currentStep()
  const { prediction, stopped } = get()
  if (!s?.question || prediction !== null) return
  set({ prediction: k })
  if (s.stopAt !== undefined && stopped === null) play()
  else set({ revealed: true })
}

/** Play the step to its stop time. */
export function playStep(): void {
  if (currentStep()) play()
}

export function setListOpen(open: boolean): void {
  set({ listOpen: open })
}

function facts(): RunFacts {
  const run = useRunStore.getState()
  const c = useConsensusStore.getState()
  return {
    openedAt,
    stopped: get().stopped !== null,
    nodes: run.run?.nodes.map((n) => n.id) ?? [],
    statuses: run.statuses,
    leaders: c.leaders,
    chosenSlots: c.chosen.map((x) => x.slot),
    violations: c.violations.map((v) => v.invariant),
  }
}

/** Re-check the step's action and completion condition against the live run. */
function check(): void {
  const { lesson, complete, actionDone } = get()
  const s = currentStep()
  if (!lesson || !s || loadPending) return
  const changes: Partial<typeof initialLessonState> = {}
  if (s.action && !actionDone && actionMade(s.action.input, learnerLog)) changes.actionDone = true
  if (s.complete && !complete && conditionMet(s.complete, facts())) changes.complete = true
  if (Object.keys(changes).length > 0) set(changes)
}

function receive(msg: WorkerMessage): void {
  if (!get().lesson) return
  switch (msg.type) {
    case 'loaded':
      if (loadPending) {
        loadPending = false
        stepRunId = msg.run.runId
      }
      return
    case 'loadError':
      loadPending = false
      return
    case 'stopped':
      if (msg.runId !== stepRunId) return
      useRunStore.setState({ playing: false })
      set({ stopped: msg.at, revealed: currentStep()?.question ? true : get().revealed })
      return check()
    case 'lessonAnswer':
      if (msg.requestId === lastAnswerId) set({ answer: msg.result })
      return
    case 'interventions':
      if (msg.runId !== stepRunId) return
      learnerLog = msg.inputs.slice(stepInputCount)
      return check()
    case 'consensus':
    case 'violations':
      return check()
    case 'frame':
      // statuses change on frames; checking every frame is a few comparisons
      if (get().lesson?.steps[get().step].complete?.kind === 'status') check()
      return
  }
}

let listening = false
function listen(): void {
  if (listening) return
  listening = true
  onWorkerMessage(receive)
  useLangStore.subscribe(showHighlights)
}
