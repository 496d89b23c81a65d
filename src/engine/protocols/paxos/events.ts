import { readEvent } from '../emitted'
import type { ProtocolContext } from '../protocol'
import type { Ballot } from './ballot'
import type { LogEntry } from './entry'

/**
 * The facts a node reports as they happen (`ctx.emit`). The consensus checkers
 * (src/engine/checkers/consensus) judge the run from these alone, plus true time; the UI
 * draws them. Acceptor events carry the acceptor's state *after* the step, read back from
 * where it is stored, so the checkers test the state and not the intention.
 */
export interface PaxosEvents {
  /** a client handed this node a value */
  proposed: { id: string; value: string }
  /** a proposer starts phase 1 with a new ballot */
  preparing: { ballot: Ballot; from: number }
  /** an acceptor promised `ballot` (1b) */
  promised: { ballot: Ballot; maxBal: Ballot; maxVBal: Ballot }
  /** an acceptor voted for `entry` in `slot` at `ballot` (2b) */
  accepted: { slot: number; ballot: Ballot; entry: LogEntry; maxBal: Ballot; maxVBal: Ballot }
  /** a learner learned that `entry` is chosen in `slot` */
  learned: { slot: number; entry: LogEntry }
  /** Multi-Paxos: phase 1 succeeded, this node leads `ballot` */
  elected: { ballot: Ballot }
  stepDown: { ballot: Ballot }
  /** Leader lease as the node believes it: valid while its own clock reads < `until`. */
  lease: { holds: boolean; until: number; ballot: Ballot }
  /** a client read arrived at this node */
  readStart: { id: string }
  /**
   * A linearizable read was answered here: it reflects slots [0, applied), with `value` the
   * last client value among them; `lease`: answered from the lease, without the log.
   */
  read: { id: string; applied: number; value: string | null; lease: boolean }
  /** What the client that asked this node sees (display only). `local`: not linearizable. */
  readResult: { id: string; value: string | null; local: boolean }
}

export type PaxosEventName = keyof PaxosEvents

/** One reported fact, discriminated by `event`: what checkers and the worker switch over. */
export type PaxosEvent = {
  [K in PaxosEventName]: { event: K; data: PaxosEvents[K] }
}[PaxosEventName]

const EVENT_NAMES: Record<PaxosEventName, true> = {
  proposed: true,
  preparing: true,
  promised: true,
  accepted: true,
  learned: true,
  elected: true,
  stepDown: true,
  lease: true,
  readStart: true,
  read: true,
  readResult: true,
}

/** An emitted (event, data) pair read back as a Paxos event, or null for another protocol's. */
export function asPaxosEvent(event: string, data: unknown): PaxosEvent | null {
  return readEvent<PaxosEvent>(EVENT_NAMES, event, data)
}

export function emit<K extends PaxosEventName>(
  ctx: ProtocolContext,
  event: K,
  data: PaxosEvents[K],
): void {
  ctx.emit(event, data)
}
