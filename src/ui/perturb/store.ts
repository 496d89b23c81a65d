import { create } from 'zustand'
import type { LoggedInput } from '../../worker/inputLog'
import type { NetworkView, WorkerMessage } from '../../worker/protocol'
import { onWorkerMessage } from '../sim/actions'
import { useRunStore } from '../store/runStore'
import type { PartitionDraft } from './partition'

/** Where the per-node menu is open: the node and a viewport point to anchor it at. */
export interface MenuAnchor {
  node: number
  x: number
  y: number
}

/**
 * Low-rate state of the "break it" tools: the network as interventions left it and the live
 * input log (both posted by the worker only when they change), the partition being drafted, and
 * the open node menu.
 */
export interface PerturbState {
  network: NetworkView | null
  inputs: LoggedInput[]
  draft: PartitionDraft | null
  menu: MenuAnchor | null
}

export const usePerturbStore = create<PerturbState>(() => ({
  network: null,
  inputs: [],
  draft: null,
  menu: null,
}))

export function receiveRunState(msg: WorkerMessage): void {
  if (msg.type === 'loaded') {
    // node indexes belong to the run: a draft or a menu of the previous one means nothing now
    usePerturbStore.setState({ network: null, inputs: [], draft: null, menu: null })
    return
  }
  if (msg.type !== 'network' && msg.type !== 'interventions') return
  if (msg.runId !== useRunStore.getState().run?.runId) return
  if (msg.type === 'network') usePerturbStore.setState({ network: msg.network })
  else usePerturbStore.setState({ inputs: msg.inputs })
}

onWorkerMessage(receiveRunState)
