import { z } from '../../engine/scenario/zod'
import { interventionSchema } from '../../engine'
import { presets } from '../../engine/scenario/presets'
import { formatPath } from '../../engine/scenario/depth'
import { describeIssue, parseScenario } from '../../engine/scenario/schema'
import { lessonQuerySchema } from '../../worker/lessonQuery'
import type { ViewId } from '../workspace/workspaceStore'

/**
 * The lesson file format (docs/lessons.md). A lesson is data: a teacher writes one as JSON and
 * imports it or links to it; the built-in course is the same files. Validated as a whole with
 * messages naming the field (`steps[2].narration.zh: is required`), like scenarios.
 */
/** The views a step may focus (workspaceStore.ts `ViewId`). */
const VIEW_IDS = [
  'clocks',
  'offsetChart',
  'precision',
  'inspector',
  'paxos',
  'lease',
  'client',
  'spacetime',
  'perturb',
  'interventions',
  'transactions',
] as const satisfies readonly ViewId[]

const text = z.object({ en: z.string().min(1).max(1200), zh: z.string().min(1).max(1200) })
const time = z.number().finite().min(0).max(1e6)
const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must match /^[A-Za-z0-9_-]{1,32}$/')

const clientOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('propose'), value: z.string().min(1).max(256) }),
  z.object({ op: z.literal('read') }),
])

/** A live input as the worker takes it (wire.ts `LiveInput`): a fault or a client operation. */
const liveInput = z.union([
  z.object({ fault: interventionSchema }),
  z.object({ client: z.object({ node: nodeId, op: clientOp }) }),
])

const timedInput = z.intersection(z.object({ at: time }), liveInput)

/** Where a step's run comes from: a built-in preset, or a whole scenario in the file. */
const scenarioSource = z.union([
  z.object({ preset: z.string().min(1) }).strict(),
  z.object({ scenario: z.record(z.string(), z.unknown()) }).strict(),
])

/** What completes a step, read from the live run. */
const condition = z.discriminatedUnion('kind', [
  /** the run reached the step's stop time */
  z.object({ kind: z.literal('stopped') }),
  /** a leader was elected after the step opened (other than `not`, when given) */
  z.object({ kind: z.literal('elected'), not: nodeId.optional() }),
  /** a value was chosen in `slot` */
  z.object({ kind: z.literal('chosen'), slot: z.number().int().min(0) }),
  /** `node` has this status */
  z.object({
    kind: z.literal('status'),
    node: nodeId,
    status: z.enum(['up', 'crashed', 'paused']),
  }),
  /** the checkers reported a violation of `invariant` */
  z.object({ kind: z.literal('violation'), invariant: z.string().min(1) }),
])

const question = z.object({
  prompt: text,
  choices: z
    .array(z.object({ value: z.string().min(1).max(200), text }))
    .min(2)
    .max(6),
  /** how the right answer is read from the run: never stored in the file */
  answer: lessonQuerySchema,
  /** the time the question is about; default: the step's stop time */
  at: time.optional(),
  /** said after the answer is revealed, whatever was chosen */
  explain: text.optional(),
})

const stepSchema = z
  .object({
    narration: text,
    /** the run of this step; default: the lesson's */
    start: scenarioSource.optional(),
    /** inputs made before the step opens, with their simulated times */
    inputs: z.array(timedInput).max(50).optional(),
    /** the simulated time the step opens at, paused (default 0) */
    at: time.optional(),
    /** views to focus (docs/ui-layers.md), most important first */
    views: z.array(z.enum(VIEW_IDS)).max(2).optional(),
    highlight: z
      .object({
        nodes: z.array(nodeId).optional(),
        links: z.array(z.tuple([nodeId, nodeId])).optional(),
        caption: text.optional(),
      })
      .optional(),
    /** simulated seconds per wall second while the step plays */
    speed: z.number().finite().min(0.01).max(1000).optional(),
    /** fast-forward through stretches with no message in flight (default: off) */
    skipQuiet: z.boolean().optional(),
    /** the run pauses itself here and says `stopNote` */
    stopAt: time.optional(),
    stopNote: text.optional(),
    /** an action the learner is invited to make; `lesson-next` makes it when they have not */
    action: z.object({ prompt: text, input: liveInput }).optional(),
    complete: condition.optional(),
    question: question.optional(),
  })
  .strict()

const lessonSchema = z
  .object({
    version: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]{1,48}$/, 'must match /^[a-z0-9-]{1,48}$/'),
    title: text,
    summary: text,
    level: z.enum(['intro', 'core', 'advanced']),
    prerequisites: z.array(z.string()).max(20),
    scenario: scenarioSource,
    steps: z.array(stepSchema).min(1).max(20),
  })
  .strict()
  .superRefine((l, ctx) => {
    const sources = [l.scenario, ...l.steps.map((s) => s.start)]
    sources.forEach((src, k) => {
      if (!src) return
      const path = k === 0 ? ['scenario'] : ['steps', k - 1, 'start']
      if ('preset' in src) {
        if (!presets.some((p) => p.id === src.preset))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'preset'],
            message: `unknown preset "${src.preset}"`,
          })
        return
      }
      const r = parseScenario(src.scenario)
      if (!r.ok)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'scenario'],
          message: r.error.split('\n')[0],
        })
    })
    l.steps.forEach((s, i) => {
      const at = s.at ?? 0
      if (s.stopAt !== undefined && s.stopAt <= at)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'stopAt'],
          message: `must be after the step's time ${at}`,
        })
      s.inputs?.forEach((x, j) => {
        if (x.at > at)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'inputs', j, 'at'],
            message: `must be ≤ the step's time ${at}`,
          })
        if (j > 0 && x.at < s.inputs![j - 1].at)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'inputs', j, 'at'],
            message: 'inputs must be in time order',
          })
      })
      const q = s.question
      if (q && q.at === undefined && s.stopAt === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'question', 'at'],
          message: 'is required when the step has no stopAt',
        })
      if (q && new Set(q.choices.map((c) => c.value)).size !== q.choices.length)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'question', 'choices'],
          message: 'values must differ',
        })
    })
  })

export type Lesson = z.infer<typeof lessonSchema>
export type LessonStep = z.infer<typeof stepSchema>
export type StepCondition = z.infer<typeof condition>
export type LessonQuestion = z.infer<typeof question>

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; error: string }

/** Validate a lesson file; rejects as a whole with field-named messages, never throws. */
export function parseLesson(input: unknown): LessonParse {
  const r = lessonSchema.safeParse(input, { reportInput: true })
  if (r.success) return { ok: true, lesson: r.data }
  const msgs = r.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${describeIssue(i)}`)
  return { ok: false, error: msgs.join('\n') }
}
