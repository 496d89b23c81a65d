import type { Intervention, LiveInput } from '../../engine'
import { selectNode } from '../clock/clockSelectionStore'
import { clockFeedStore } from '../clock/history/clockFeedStore'
import { askFirst, type Question } from '../confirm/confirmStore'
import { inject, reset, sendCommand } from '../sim/actions'
import { frameStore } from '../store/frameStore'
import { useRunStore } from '../store/runStore'
import {
  DEFAULT_TOOL,
  isValueTool,
  linkEffect,
  nodeEffect,
  type ToolId,
  type ValueTool,
} from '../tools/toolModel'
import { openView, useWorkspaceStore } from '../workspace/workspaceStore'
import { assignNode, draftGroups, startDraft } from './partition'
import { usePerturbStore } from './perturbStore'

/**
 * The "break it" actions. Every change to the run goes through the intervention vocabulary
 * (docs/scenario-format.md) as a live input, so it lands in the run's input log and replays.
 */
const get = usePerturbStore.getState
const set = usePerturbStore.setState

/** Live inputs recorded after the current time (the branch the run was rewound from). */
function laterInputs(): number {
  const now = frameStore.getState().frame?.now ?? 0
  return get().inputs.filter((x) => x.at > now).length
}

const replaceQuestion = (count: number): Question => ({
  title: 'confirm.replaceTitle',
  body: count === 1 ? 'confirm.replaceBody.one' : 'confirm.replaceBody.many',
  params: { count },
  confirm: 'confirm.replace',
})

/**
 * Change the run's recorded inputs with `go`. Behind recorded inputs (after a rewind) the change
 * replaces them — the engine drops a rewound branch's later inputs — so the learner is asked first.
 */
function change(go: () => void): void {
  const count = laterInputs()
  if (count === 0) go()
  else askFirst(replaceQuestion(count), go)
}

/** Open another scenario, asking first when that discards interventions made in this run. */
export function discardRun(name: string, go: () => void): void {
  const count = get().inputs.length
  if (count === 0) return go()
  askFirst(
    {
      title: 'confirm.discardTitle',
      body: count === 1 ? 'confirm.discardBody.one' : 'confirm.discardBody.many',
      params: { count, name },
      confirm: 'confirm.discard',
    },
    go,
  )
}

/** Restart the scenario from time 0, asking first when that discards the run's interventions (and their undo history). */
export function resetRun(): void {
  const count = get().inputs.length
  if (count === 0) return reset()
  askFirst(
    {
      title: 'confirm.resetTitle',
      body: count === 1 ? 'confirm.resetBody.one' : 'confirm.resetBody.many',
      params: { count },
      confirm: 'confirm.reset',
    },
    reset,
  )
}

/** A learner's live input (a fault or a client operation). */
export function act(input: LiveInput): void {
  change(() => inject(input))
}

const fault = (f: Intervention) => act({ fault: f })

const nodeId = (index: number): string | undefined => useRunStore.getState().run?.nodes[index]?.id

function isCut(from: number, to: number): boolean {
  return get().network?.cut.some(([a, b]) => a === from && b === to) ?? false
}

/** Clicking one direction of a link does what the chosen tool does to links (tools/toolModel.ts). */
export function activateLink(from: number, to: number): void {
  const a = nodeId(from)
  const b = nodeId(to)
  if (a === undefined || b === undefined) return
  const effect = linkEffect(get().tool, a, b, isCut(from, to))
  if (effect.kind === 'fault') fault(effect.fault)
  else if (effect.kind === 'notice') set({ linkNotice: get().linkNotice + 1 })
}

export function dismissLinkNotice(): void {
  set({ linkNotice: 0 })
}

/** Clicking a node does what the chosen tool does (tools/toolModel.ts). */
export function activateNode(index: number): void {
  const { tool, toolValues, draft } = get()
  const run = useRunStore.getState()
  const id = nodeId(index)
  if (id === undefined) return
  const lying = (clockFeedStore.getState().summary?.[index]?.lie ?? 0) !== 0
  const status = run.statuses[index] ?? 'up'
  const value = isValueTool(tool) ? toolValues[tool] : 0
  const effect = nodeEffect(tool, { id, index, status, lying }, value)
  switch (effect.kind) {
    case 'fault':
      return fault(effect.fault)
    case 'select':
      return inspectNode(effect.node)
    case 'assign':
      if (draft) set({ draft: assignNode(draft, effect.index) })
      return
  }
}

/** Select a node for the inspector and bring the inspector on screen beside the first view. */
function inspectNode(id: string): void {
  selectNode(id)
  if (!useWorkspaceStore.getState().focus.includes('inspector')) openView('inspector', true)
}

/** Choose a tool; the partition tool starts a draft from the partition in force, others drop it. */
export function chooseTool(tool: ToolId): void {
  if (tool !== 'partition') return set({ tool, draft: null, linkNotice: 0 })
  const n = useRunStore.getState().run?.nodes.length ?? 0
  if (n === 0) return
  set({ tool, draft: startDraft(n, get().network?.groups ?? null), menu: null, linkNotice: 0 })
}

export function setToolValue(tool: ValueTool, value: number): void {
  set({ toolValues: { ...get().toolValues, [tool]: value } })
}

export function setBrush(group: number): void {
  const draft = get().draft
  if (draft) set({ draft: { ...draft, brush: group } })
}

export function cancelPartition(): void {
  chooseTool(DEFAULT_TOOL)
}

export function applyPartition(): void {
  const draft = get().draft
  const run = useRunStore.getState().run
  if (!draft || !run) return
  const groups = draftGroups(
    draft,
    run.nodes.map((n) => n.id),
  )
  // a cancelled question keeps the draft
  change(() => {
    inject({ fault: { type: 'partition', groups } })
    chooseTool(DEFAULT_TOOL)
  })
}

export function healAll(): void {
  fault({ type: 'heal' })
}

export function setLoss(p: number): void {
  fault({ type: 'setLoss', p })
}

export function setLatency(base: number, jitter: number): void {
  fault({ type: 'setLatency', base, jitter })
}

export function injectFault(f: Intervention): void {
  fault(f)
}

export function openNodeMenu(node: number, x: number, y: number): void {
  set({ menu: { node, x, y } })
}

export function closeNodeMenu(): void {
  set({ menu: null })
}

/** Take back a past live input: the worker rebuilds the run without it (a new branch). */
export function removeInput(index: number, at: number): void {
  change(() => sendCommand({ type: 'removeInput', index, at }))
}

/** Undo / redo the last change to the intervention list; the worker rebuilds the run. */
export function undoEdit(): void {
  if (get().edits.undo > 0) sendCommand({ type: 'undo' })
}

export function redoEdit(): void {
  if (get().edits.redo > 0) sendCommand({ type: 'redo' })
}
