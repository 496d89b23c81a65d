import { formatBallot, type Ballot } from './ballot'
import { entryId, sameEntry, type LogEntry } from './entry'

/**
 * Learner (Paxos Made Simple §2.3): an entry is chosen once a majority of acceptors voted for
 * it at the same ballot. The learned log is applied in slot order to a tiny state machine, a
 * register holding the last client value.
 */
export interface LearnerState {
  log: Record<number, LogEntry>
  /** slots [0, prefix) are learned and applied */
  prefix: number
  maxLearned: number
  /** the register: last client value applied */
  lastValue: string | null
  /** request id → slot, for learned client values and read barriers */
  ids: Record<string, number>
  /** 2b messages counted per slot and ballot, until the slot is learned */
  tallies: Record<number, Record<string, { entry: LogEntry; from: string[] }>>
}

export function createLearner(): LearnerState {
  return { log: {}, prefix: 0, maxLearned: -1, lastValue: null, ids: {}, tallies: {} }
}

/**
 * Count one 2b. Returns the entry when this vote completes a majority at one ballot for a
 * slot not yet learned, else null. Duplicate messages from the same acceptor count once.
 */
export function tallyAccepted(
  l: LearnerState,
  slot: number,
  ballot: Ballot,
  entry: LogEntry,
  from: string,
  quorum: number,
): LogEntry | null {
  if (l.log[slot]) return null
  const bySlot = (l.tallies[slot] ??= {})
  const key = formatBallot(ballot)
  const t = (bySlot[key] ??= { entry, from: [] })
  // One value per ballot: a 2b disagreeing with the tally's entry is not counted (the checker reports it).
  if (!sameEntry(t.entry, entry) || t.from.includes(from)) return null
  t.from.push(from)
  return t.from.length >= quorum ? t.entry : null
}

/** The most votes any ballot has gathered for a slot (for "2 of 3" progress displays). */
export function tallyProgress(l: LearnerState, slot: number): number {
  let best = 0
  for (const key in l.tallies[slot]) best = Math.max(best, l.tallies[slot][key].from.length)
  return best
}

/**
 * Record a learned entry and apply the log as far as it is contiguous. Returns the slots
 * applied now, in order (empty when the entry was already known).
 */
export function learn(l: LearnerState, slot: number, entry: LogEntry): number[] | null {
  if (l.log[slot]) return null
  l.log[slot] = entry
  delete l.tallies[slot]
  const id = entryId(entry)
  if (id !== null) l.ids[id] = slot
  if (slot > l.maxLearned) l.maxLearned = slot
  const applied: number[] = []
  while (l.log[l.prefix]) {
    const e = l.log[l.prefix]
    if (e.kind === 'value') l.lastValue = e.value
    applied.push(l.prefix)
    l.prefix++
  }
  return applied
}

/** Learned entries in [from, from + max), for a catch-up reply. */
export function learnedFrom(
  l: LearnerState,
  from: number,
  max: number,
): { slot: number; entry: LogEntry }[] {
  const out: { slot: number; entry: LogEntry }[] = []
  const end = Math.min(l.maxLearned + 1, from + max)
  for (let slot = Math.max(0, from); slot < end; slot++) {
    const entry = l.log[slot]
    if (entry) out.push({ slot, entry })
  }
  return out
}
