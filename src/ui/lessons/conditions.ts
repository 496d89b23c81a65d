import type { NodeStatus } from '../../engine'
import type { LiveInput } from '../../worker/wire'
import type { LoggedInput } from '../../worker/inputLog'
import type { StepCondition } from './schema'

/** What the UI knows of the live run, enough to tell whether a step is complete. */
export interface RunFacts {
  /** simulated time the step opened at */
  openedAt: number
  stopped: boolean
  nodes: string[]
  statuses: NodeStatus[]
  leaders: { node: string; at: number }[]
  chosenSlots: number[]
  violations: string[]
}

export function conditionMet(c: StepCondition, f: RunFacts): boolean {
  switch (c.kind) {
    case 'stopped':
      return f.stopped
    case 'elected':
      return f.leaders.some((l) => l.at > f.openedAt && l.node !== c.not)
    case 'chosen':
      return f.chosenSlots.includes(c.slot)
    case 'status': {
      const i = f.nodes.indexOf(c.node)
      return i >= 0 && (f.statuses[i] ?? 'up') === c.status
    }
    case 'violation':
      return f.violations.includes(c.invariant)
  }
}

/** Whether the learner's part of the live log (after the step's own inputs) holds the action. */
export function actionMade(action: LiveInput, learnerInputs: readonly LoggedInput[]): boolean {
  const want = canonical(action)
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the time is not compared
  return learnerInputs.some(({ at, ...input }) => canonical(input) === want)
}

/** JSON with object keys sorted, so the same input written in another key order compares equal. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(x)
}
