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

export type PaxosEvent = keyof PaxosEvents

export function emit<K extends PaxosEvent>(
  ctx: ProtocolContext,
  event: K,
  data: PaxosEvents[K],
): void {
  ctx.emit(event, data as unknown as Record<string, unknown>)
}
