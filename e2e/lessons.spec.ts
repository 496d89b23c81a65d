import { mkdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { packJson } from '../src/engine/scenario/shareCodec'
import { course } from '../src/ui/lessons/course'
import { stepInputs, stepScenario } from '../src/ui/lessons/runner'
import { scenarioWithInputs } from '../src/worker/inputLog'
import { cliHash, runInfo, simTime, traceHash } from './perturb-helpers'

/**
 * Lessons (issue 8 §1): every lesson walked to its last step with `lesson-next` in English and
 * Chinese with a screenshot of each step at 1366×768; deep links open the same picture; a
 * prediction answered wrongly and rightly against what the simulation shows.
 */
const SHOTS = process.env.E2E_OUT ? `${process.env.E2E_OUT}/lessons` : 'test-results/lessons'
test.use({ viewport: { width: 1366, height: 768 } })

function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return errors
}

for (const lang of ['en', 'zh'] as const) {
  test(`every lesson walks to its last step with lesson-next (${lang})`, async ({ page }) => {
    test.setTimeout(300_000)
    mkdirSync(SHOTS, { recursive: true })
    const errors = watchErrors(page)
    await page.goto(`/?lang=${lang}`)
    expect(course.length).toBeGreaterThanOrEqual(14)
    for (const [n, lesson] of course.entries()) {
      await page.getByTestId('lessons-open').click()
      await page.getByTestId(`lesson-item-${lesson.id}`).click()
      await expect(page.getByTestId('lesson-title')).toHaveText(lesson.title[lang])
      const steps = lesson.steps.length
      for (let k = 1; k <= steps; k++) {
        await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(k))
        await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-steps', String(steps))
        // the step's own picture: loaded and paused at the step's time
        await expect.poll(() => simTime(page)).toBeCloseTo(lesson.steps[k - 1].at ?? 0, 6)
        await expect(page.getByTestId('lesson-narration')).not.toBeEmpty()
        await page.screenshot({
          path: `${SHOTS}/${lang}-${String(n + 1).padStart(2, '0')}-${lesson.id}-${k}.png`,
        })
        await page.getByTestId('lesson-next').click()
      }
      await expect(page.getByTestId('lesson-finished')).toBeVisible()
      await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(steps))
      await page.getByTestId('lesson-exit').click()
      await expect(page.getByTestId('lesson-bar')).toHaveCount(0)
    }
    expect(errors).toEqual([])
  })
}

test("?lesson=<id>&step=N opens that step with the same trace hash every time, the CLI's", async ({
  page,
}) => {
  const lesson = course.find((l) => l.id === 'leader-crash')!
  const N = 3
  const step = lesson.steps[N - 1]
  const hashes: string[] = []
  for (let i = 0; i < 2; i++) {
    await page.goto(`/?lesson=${lesson.id}&step=${N}`)
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(N))
    await expect.poll(() => simTime(page)).toBe(step.at)
    hashes.push((await traceHash(page))!)
  }
  expect(hashes[0]).toBe(hashes[1])
  const { scenario } = stepScenario(lesson, step)
  const folded = scenarioWithInputs(scenario as never, stepInputs(step)).scenario
  expect(hashes[0]).toBe(cliHash(folded, step.at!))
  await expect(runInfo(page)).toHaveAttribute('data-sim-time', String(step.at))
  // the address names the step, so a reload opens it again
  expect(new URL(page.url()).searchParams.get('step')).toBe(String(N))
})

test('a prediction answered wrongly, then rightly; the answer is what the run shows', async ({
  page,
}) => {
  const lesson = course.find((l) => l.id === 'leader-crash')!
  const N = 3
  const q = lesson.steps[N - 1].question!
  await page.goto(`/?lesson=${lesson.id}&step=${N}`)
  await expect(page.getByTestId('lesson-question')).toBeVisible()
  // a first guess, then the run plays to the key moment and pauses itself
  await page.getByTestId('lesson-choice-0').click()
  await expect(page.getByTestId('lesson-stopped')).toBeVisible({ timeout: 20_000 })
  const reveal = page.getByTestId('lesson-reveal')
  await expect(reveal).toBeVisible()
  const answer = (await reveal.getAttribute('data-answer'))!
  const right = q.choices.findIndex((c) => c.value === answer)
  expect(right).toBeGreaterThanOrEqual(0)
  // the simulation agrees: the Paxos view names the same leader
  await expect.poll(() => simTime(page)).toBe(lesson.steps[N - 1].stopAt)
  await expect(page.getByTestId(`node-${answer}`)).toBeVisible()
  const wrong = right === 0 ? 1 : 0
  // answer again from the same step: once wrong, once right
  for (const [k, correct] of [
    [wrong, 'false'],
    [right, 'true'],
  ] as const) {
    await page.goto(`/?lesson=${lesson.id}&step=${N}`)
    await page.getByTestId(`lesson-choice-${k}`).click()
    await expect(page.getByTestId('lesson-reveal')).toHaveAttribute('data-correct', correct, {
      timeout: 20_000,
    })
    await expect(page.getByTestId('lesson-reveal')).toHaveAttribute('data-answer', answer)
  }
})

test('Next performs the invited action when the learner has not', async ({ page }) => {
  await page.goto('/?lesson=forgetful-acceptor&step=2')
  await expect(page.getByTestId('lesson-action')).toHaveAttribute('data-done', 'false')
  await page.getByTestId('lesson-do').click()
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-status', 'crashed')
  await expect(page.getByTestId('lesson-complete')).toBeVisible()
  await page.getByTestId('lesson-next').click()
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '3')
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-status', 'crashed')
})

test('progress is kept locally and a bad lesson file is refused naming the field', async ({
  page,
}) => {
  await page.goto('/?lesson=clocks-drift&step=2')
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2')
  await page.getByTestId('lesson-exit').click()
  await page.getByTestId('lessons-open').click()
  await expect(page.getByTestId('lesson-item-clocks-drift')).toContainText('2')
  await page.getByTestId('lesson-import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, id: 'mine', steps: [] })),
  })
  await expect(page.getByTestId('error-banner')).toContainText('title')
  // a good one opens
  const mine = { ...structuredClone(course[0]), id: 'my-lesson' }
  await page.getByTestId('lessons-open').click()
  await page.getByTestId('lesson-import').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(mine)),
  })
  await expect(page.getByTestId('lesson-title')).toHaveText(course[0].title.en)
  expect(new URL(page.url()).searchParams.get('lesson')).toBe('my-lesson')
})

test("a teacher's lesson travels as a link: a fresh browser opens it; a broken one is refused by name", async ({
  page,
  browser,
}) => {
  const mine = {
    ...structuredClone(course[0]),
    id: 'class-7b',
    title: { en: 'Week 3: clocks', zh: '第三周：时钟' },
  }
  await page.goto('/')
  await page.getByTestId('lessons-open').click()
  await page.getByTestId('lesson-import').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(mine)),
  })
  await expect(page.getByTestId('lesson-title')).toHaveText('Week 3: clocks')
  await page.getByTestId('lessons-open').click()
  await page.getByTestId('lesson-link-class-7b').click()
  const url = await page.getByTestId('lesson-link-url').inputValue()
  expect(url).toContain('#l=')

  // a student's browser has never seen the file
  const student = await browser.newContext()
  const p2 = await student.newPage()
  const errors: string[] = []
  p2.on('pageerror', (e) => errors.push(e.message))
  await p2.goto(url)
  await expect(p2.getByTestId('lesson-title')).toHaveText('Week 3: clocks')
  await expect(p2.getByTestId('lesson-step')).toHaveAttribute('data-step', '1')
  expect(new URL(p2.url()).searchParams.get('lesson')).toBe('class-7b')
  expect(new URL(p2.url()).hash).toBe('')
  // kept there: a reload reopens it from the address alone
  await p2.reload()
  await expect(p2.getByTestId('lesson-title')).toHaveText('Week 3: clocks')

  // a damaged link, and one whose lesson is invalid, are refused by name; the page still starts
  const p3 = await student.newPage()
  await p3.goto(url.replace(/#l=.*/, '#l=' + 'A'.repeat(10)))
  await expect(p3.getByTestId('error-banner')).toContainText('lesson link')
  await expect(p3.getByTestId('lesson-bar')).toHaveCount(0)
  await p3.goto('about:blank')
  await p3.goto(
    url.replace(/#l=.*/, '#l=' + packJson({ v: 1, lesson: { version: 1, id: 'x', steps: [] } })),
  )
  await expect(p3.getByTestId('error-banner')).toContainText('title')
  expect(errors).toEqual([])
  await student.close()
})
