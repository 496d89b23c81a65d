import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario } from '../../engine'
import { refuseInput } from '../../worker/refuse'
import { replayInputs } from '../../worker/replay'
import { answerQuery } from '../../worker/lessonQuery'
import { course, courseFiles } from './course'
import { parseLesson } from './schema'
import { questionTime, stepInputs, stepScenario } from './runner'

/** The trace hash of a step's opening picture: its scenario and inputs replayed to its time. */
function openingHash(scenario: unknown, inputs: ReturnType<typeof stepInputs>, at: number): string {
  const parsed = parseScenario(scenario)
  if (!parsed.ok) throw new Error(parsed.error)
  const sim = createSimulation(parsed.scenario)
  sim.runUntil(0)
  const why = replayInputs(sim, inputs, at, refuseInput)
  if (why) throw new Error(why)
  return sim.traceHash
}

describe('the built-in course', () => {
  it('has every lesson file valid, at least 14 lessons of 4–10 steps, unique ids', () => {
    expect(courseFiles.length).toBeGreaterThanOrEqual(14)
    for (const file of courseFiles) {
      const r = parseLesson(file)
      expect(r.ok ? '' : r.error).toBe('')
    }
    expect(course.length).toBe(courseFiles.length)
    expect(new Set(course.map((l) => l.id)).size).toBe(course.length)
    for (const l of course) {
      expect(l.steps.length).toBeGreaterThanOrEqual(4)
      expect(l.steps.length).toBeLessThanOrEqual(10)
    }
  })

  it('names only earlier lessons as prerequisites', () => {
    course.forEach((l, i) => {
      for (const p of l.prerequisites) expect(course.slice(0, i).map((x) => x.id)).toContain(p)
    })
  })

  it('never calls the misconception "the seed"', () => {
    expect(JSON.stringify(courseFiles)).not.toMatch(/seed tutorial|the seed/i)
  })

  for (const lesson of course) {
    it(`${lesson.id}: every step opens at the same trace hash twice, after its own inputs`, () => {
      for (const step of lesson.steps) {
        const { scenario } = stepScenario(lesson, step)
        const inputs = stepInputs(step)
        const a = openingHash(scenario, inputs, step.at ?? 0)
        expect(openingHash(scenario, inputs, step.at ?? 0)).toBe(a)
      }
    })

    const questions = lesson.steps.filter((s) => s.question)
    if (questions.length > 0)
      it(`${lesson.id}: every question's answer is read from the run and is one of its choices`, () => {
        for (const step of questions) {
          const q = step.question!
          const { scenario } = stepScenario(lesson, step)
          const r = answerQuery(scenario, stepInputs(step), questionTime(step), q.answer)
          expect(r.ok ? '' : r.error).toBe('')
          if (r.ok) expect(q.choices.map((c) => c.value)).toContain(r.value)
          // the same question asked again reads the same answer (the run is deterministic)
          expect(answerQuery(scenario, stepInputs(step), questionTime(step), q.answer)).toEqual(r)
        }
      })
  }

  it('has questions in most lessons, and the answers are not all the first choice', () => {
    const withQ = course.filter((l) => l.steps.some((s) => s.question))
    expect(withQ.length).toBeGreaterThanOrEqual(12)
  })
})

describe('answers follow the run, not the file', () => {
  it('the leader after a crash changes with which node crashed', () => {
    const mp = course.find((l) => l.id === 'leader-crash')!
    const { scenario } = stepScenario(mp, mp.steps[0])
    const a = answerQuery(scenario, [{ at: 4, fault: { type: 'crash', node: 'n2' } }], 6, {
      kind: 'leader',
    })
    const b = answerQuery(scenario, [], 6, { kind: 'leader' })
    expect(a.ok && b.ok && a.value !== b.value).toBe(true)
  })

  it("a stale read disappears when the leader's clock keeps time", () => {
    const l = course.find((x) => x.id === 'leader-leases')!
    const { scenario } = stepScenario(l, l.steps[0])
    const fixed = {
      ...(scenario as object),
      faults: [
        { at: 3, type: 'partition', groups: [['n1'], ['n2', 'n3']] },
        { at: 8, type: 'heal' },
      ],
    }
    expect(answerQuery(scenario, [], 5, { kind: 'staleRead' })).toEqual({ ok: true, value: 'yes' })
    expect(answerQuery(fixed, [], 5, { kind: 'staleRead' })).toEqual({ ok: true, value: 'no' })
  })
})

describe('lesson validation', () => {
  it('names the field of a bad lesson', () => {
    const bad = structuredClone(courseFiles[0]) as { steps: { narration: { zh?: string } }[] }
    delete bad.steps[2].narration.zh
    const r = parseLesson(bad)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain('steps[2].narration.zh: is required')
  })

  it('refuses an unknown preset, inputs after the step time and a question without a time', () => {
    const l = structuredClone(courseFiles[1]) as Record<string, unknown> & {
      steps: Record<string, unknown>[]
    }
    l.scenario = { preset: 'nope' }
    l.steps[0].inputs = [{ at: 99, fault: { type: 'heal' } }]
    const r = parseLesson(l)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error).toContain('scenario.preset: unknown preset "nope"')
      expect(r.error).toContain('steps[0].inputs[0].at')
    }
  })
})
