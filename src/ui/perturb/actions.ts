import type { Intervention } from '../../engine'
import { inject, sendCommand, toggleNode } from '../sim/actions'
import { useRunStore } from '../store/runStore'
import { assignNode, draftGroups, startDraft } from './partition'
import { usePerturbStore } from './store'

/**
 * The "break it" actions. Every change to the run goes through the intervention vocabulary
 * (docs/scenario-format.md) as a live input, so it lands in the run's input log and replays.
 */
const get = usePerturbStore.getState
const set = usePerturbStore.setState

const fault = (f: Intervention) => inject({ fault: f })

const nodeId = (index: number): string | undefined => useRunStore.getState().run?.nodes[index]?.id

export function isCut(from: number, to: number): boolean {
  return get().network?.cut.some(([a, b]) => a === from && b === to) ?? false
}

/** Clicking one direction of a link: cut it, or heal it when it is cut. */
export function toggleLink(from: number, to: number): void {
  const a = nodeId(from)
  const b = nodeId(to)
  if (a === undefined || b === undefined) return
  fault({ type: isCut(from, to) ? 'healLink' : 'cutLink', from: a, to: b })
}

/** Clicking a node: in partition mode it joins the chosen group, otherwise crash / restart. */
export function activateNode(index: number): void {
  const draft = get().draft
  if (draft) set({ draft: assignNode(draft, index) })
  else toggleNode(index)
}

export function startPartition(): void {
  const n = useRunStore.getState().run?.nodes.length ?? 0
  if (n === 0) return
  set({ draft: startDraft(n, get().network?.groups ?? null), menu: null })
}

export function setBrush(group: number): void {
  const draft = get().draft
  if (draft) set({ draft: { ...draft, brush: group } })
}

export function cancelPartition(): void {
  set({ draft: null })
}

export function applyPartition(): void {
  const draft = get().draft
  const run = useRunStore.getState().run
  if (!draft || !run) return
  fault({
    type: 'partition',
    groups: draftGroups(
      draft,
      run.nodes.map((n) => n.id),
    ),
  })
  set({ draft: null })
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
  sendCommand({ type: 'removeInput', index, at })
}
