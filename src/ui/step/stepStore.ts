import { create } from 'zustand'
import type { StepEvent } from '../../worker/stepEvents'
import { t, useLangStore } from '../i18n'
import { onWorkerMessage } from '../sim/actions'
import { useRunStore } from '../store/runStore'
import { clearHighlights, setHighlights, useHighlightStore } from '../workspace/highlightStore'
import { summarizeStep, type StepSummary } from './stepCaption'

/**
 * The last Step's summary while the run stays where Step left it: the caption, the nodes and
 * link the map rings (through the highlight store), the message the space-time diagram
 * highlights. Playing, a seek elsewhere or a new run clears it.
 */
interface StepState {
  last: { events: StepEvent[]; more: number; at: number; runId: number } | null
  summary: StepSummary | null
}

export const useStepStore = create<StepState>(() => ({ last: null, summary: null }))

/** the highlights Step set, so that clearing never takes away a lesson step's */
let lit: unknown = null

function show(last: NonNullable<StepState['last']>): void {
  const summary = summarizeStep(last.events, last.more, t)
  useStepStore.setState({ last, summary })
  setHighlights({ nodes: summary.nodes, links: summary.links })
  lit = useHighlightStore.getState()
}

function clear(): void {
  if (!useStepStore.getState().last) return
  useStepStore.setState({ last: null, summary: null })
  if (useHighlightStore.getState() === lit) clearHighlights()
  lit = null
}

onWorkerMessage((msg) => {
  const last = useStepStore.getState().last
  if (msg.type === 'stepped') {
    if (msg.runId === useRunStore.getState().run?.runId)
      show({ events: msg.events, more: msg.more, at: msg.at, runId: msg.runId })
  } else if (msg.type === 'loaded') clear()
  else if (msg.type === 'frame' && last && (msg.running || msg.now !== last.at)) clear()
})

// the caption is text in the reader's language
useLangStore.subscribe(() => {
  const last = useStepStore.getState().last
  if (last) show(last)
})
