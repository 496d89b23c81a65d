import { create } from 'zustand'
import type { NodeStatus } from '../../engine'
import type { WorkEstimate } from '../../engine'
import type { LoadCommand, RunMeta } from '../../worker/wire'

/** A message shown in the banner; texts are composed from the catalogues when rendered. */
export type Banner =
  | { kind: 'invalid'; detail: string }
  | { kind: 'unreadable' }
  | { kind: 'refused'; detail: string }
  | { kind: 'tooLarge'; size: number; max: number }
  /** a share link that does not decode (docs/ui-contract.md) */
  | { kind: 'badLink'; detail: string }
  /** an autosaved session that could not be restored (a fresh run started instead) */
  | { kind: 'badSession'; detail: string }
  /** a lesson file or lesson link that does not validate (src/ui/lessons) */
  | { kind: 'badLesson'; detail: string }

/** `dropped`: the scenario the worker died opening was not loaded again (client.ts) */
type WorkerNotice =
  | { kind: 'restarted'; detail: string; dropped: boolean }
  | { kind: 'gaveUp'; detail: string }
  /** a new worker replayed the run and resumed it at `time` (recovery.ts) */
  | { kind: 'recovered'; detail: string; dropped: boolean; inputs: number; time: number }

/**
 * Low-rate UI state: what React renders. Updated from frames only when a value really
 * changes (a node crashes, a new message kind or link appears, play state flips), so React
 * commits stay at a handful per second during playback.
 */
export interface RunState {
  run: RunMeta | null
  playing: boolean
  speed: number
  skipQuiet: boolean
  statuses: NodeStatus[]
  /** message kinds in order of first appearance (colour index = position) */
  kinds: string[]
  /** directed links that have carried a message, as [from, to] node indexes */
  links: [number, number][]
  banner: Banner | null
  workerNotice: WorkerNotice | null
  /** a scenario past the browser's limits, waiting for the user's yes (LargeScenarioPrompt) */
  large: LargeScenario | null
}

interface LargeScenario {
  load: LoadCommand
  over: (keyof WorkEstimate)[]
  estimate: WorkEstimate
  limits: Partial<Record<keyof WorkEstimate, number>>
}

export const DEFAULT_SPEED = 0.02

export const useRunStore = create<RunState>(() => ({
  run: null,
  playing: false,
  speed: DEFAULT_SPEED,
  skipQuiet: true,
  statuses: [],
  kinds: [],
  links: [],
  banner: null,
  workerNotice: null,
  large: null,
}))
