import type { LogEntry } from '../../engine'
import type { Translate } from '../i18n'
import type { NodeStructure } from './consensusStore'

/**
 * The replicated log as a grid, one row per node and one column per slot: what each acceptor
 * voted for (value and ballot) and what each learner knows is chosen. A cell whose learned
 * entry differs from the node's own vote is where a node was outvoted (or, in a broken
 * variant, where agreement broke).
 */
export interface LogCell {
  state: 'chosen' | 'voted' | 'empty'
  /** the learned entry if any, else the vote */
  entry: LogEntry | null
  /** ballot of the node's vote in this slot, null without one */
  ballot: string | null
  /** learned something other than what it voted for */
  differs: boolean
  /** learned something other than what the checker saw chosen: a broken run */
  wrong: boolean
}

/** The checker's ground truth for a slot, and whether some node learned something else there. */
interface TruthCell {
  entry: LogEntry | null
  /** true time it was chosen */
  at: number | null
  /** a node learned a different entry in this slot: agreement or integrity broke here */
  conflict: boolean
}

export interface LogGrid {
  slots: number[]
  /** per node (same order as given), per slot */
  rows: LogCell[][]
  truth: TruthCell[]
}

export interface ChosenSlot {
  slot: number
  entry: LogEntry
  at: number
}

const sameEntry = (a: LogEntry, b: LogEntry) => JSON.stringify(a) === JSON.stringify(b)

export function logGrid(
  nodes: readonly NodeStructure[],
  truth: readonly ChosenSlot[],
  maxSlots: number,
): LogGrid {
  const all = new Set<number>(truth.map((c) => c.slot))
  for (const n of nodes) {
    for (const v of n.accepted) all.add(v.slot)
    for (const c of n.chosen) all.add(c.slot)
  }
  const slots = [...all].sort((a, b) => a - b).slice(-maxSlots)
  const rows = nodes.map((n) =>
    slots.map((slot): LogCell => {
      const vote = n.accepted.find((v) => v.slot === slot)
      const learned = n.chosen.find((c) => c.slot === slot)
      const truly = truth.find((c) => c.slot === slot)
      if (learned)
        return {
          state: 'chosen',
          entry: learned.entry,
          ballot: vote?.ballot ?? null,
          differs: vote !== undefined && !sameEntry(vote.entry, learned.entry),
          wrong: truly !== undefined && !sameEntry(truly.entry, learned.entry),
        }
      const none = { differs: false, wrong: false }
      if (vote) return { state: 'voted', entry: vote.entry, ballot: vote.ballot, ...none }
      return { state: 'empty', entry: null, ballot: null, ...none }
    }),
  )
  const truthCells = slots.map((slot, k): TruthCell => {
    const c = truth.find((x) => x.slot === slot)
    const conflict = rows.some((r) => r[k].wrong)
    return { entry: c?.entry ?? null, at: c?.at ?? null, conflict }
  })
  return { slots, rows, truth: truthCells }
}

/** A log entry in the reader's language: the client value itself, or what the slot holds instead. */
export function entryText(e: LogEntry, t: Translate): string {
  if (e.kind === 'value') return e.value
  return e.kind === 'noop' ? t('consensus.entry.noop') : t('consensus.entry.read')
}

/** The client values a node has learned, in slot order (what the e2e test and the eye check). */
export function learnedValues(n: NodeStructure): string[] {
  return n.chosen
    .slice()
    .sort((a, b) => a.slot - b.slot)
    .flatMap((c) => (c.entry.kind === 'value' ? [c.entry.value] : []))
}
