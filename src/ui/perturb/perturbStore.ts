import { create } from 'zustand'
import type { LoggedInput } from '../../worker/inputLog'
import type { NetworkView, WorkerMessage } from '../../worker/wire'
import { onWorkerMessage } from '../sim/actions'
import { useRunStore } from '../store/runStore'
import { DEFAULT_TOOL, initialToolValues, type ToolId, type ToolValues } from '../tools/toolModel'
import type { PartitionDraft } from './partition'

/** Where the per-node menu is open: the node and a viewport point to anchor it at. */
interface MenuAnchor {
  node: number
  x: number
  y: number
}

/**
 * Low-rate state of the "break it" tools: the network as interventions left it and the live
 * input log (both posted by the worker only when they change), the chosen fault tool and its
 * values, the partition being drafted (exactly while the partition tool is chosen), and the open
 * node menu.
 */
export interface PerturbState {
  network: NetworkView | null
  inputs: LoggedInput[]
  tool: ToolId
  toolValues: ToolValues
  draft: PartitionDraft | null
  menu: MenuAnchor | null
  /** how many changes to the inputs can be undone and redone */
  edits: { undo: number; redo: number }
  /**
   * Counts link clicks under a node tool, which say that the tool acts on nodes (0: nothing to
   * say): each click restarts the notice even when its text is the same.
   */
  linkNotice: number
}

const noEdits = { undo: 0, redo: 0 }

export const usePerturbStore = create<PerturbState>(() => ({
  network: null,
  inputs: [],
  tool: DEFAULT_TOOL,
  toolValues: initialToolValues(),
  draft: null,
  menu: null,
  edits: noEdits,
  linkNotice: 0,
}))

function receiveRunState(msg: WorkerMessage): void {
  if (msg.type === 'loaded') {
    // node indexes belong to the run: a draft or a menu of the previous one means nothing now
    // (an undo rebuilds the run too: its counts follow in an 'edits' message)
    usePerturbStore.setState((s) => ({
      network: null,
      inputs: [],
      draft: null,
      menu: null,
      tool: s.tool === 'partition' ? DEFAULT_TOOL : s.tool,
      edits: noEdits,
    }))
    return
  }
  if (msg.type !== 'network' && msg.type !== 'interventions' && msg.type !== 'edits') return
  if (msg.runId !== useRunStore.getState().run?.runId) return
  if (msg.type === 'network') usePerturbStore.setState({ network: msg.network })
  else if (msg.type === 'interventions') usePerturbStore.setState({ inputs: msg.inputs })
  else usePerturbStore.setState({ edits: { undo: msg.undo, redo: msg.redo } })
}

onWorkerMessage(receiveRunState)
