import type { Ballot } from './ballot'
import type { LogEntry } from './entry'

/**
 * Message bodies, by kind. Kinds are the plain names the UI draws on the wire.
 * Phase numbers follow Paxos Made Simple / TLA+ `Paxos.tla` (1a prepare, 1b promise,
 * 2a accept, 2b accepted).
 */
export interface Vote {
  slot: number
  ballot: Ballot
  entry: LogEntry
}

export interface PaxosMessages {
  /** 1a. `from`: the first slot the proposer asks about (Multi-Paxos: one phase 1 for all of them). */
  prepare: { ballot: Ballot; from: number }
  /** 1b: the acceptor's votes in slots ≥ `from`. */
  promise: { ballot: Ballot; votes: Vote[] }
  /** A refusal, carrying the higher ballot the acceptor has promised, so the proposer can back off. */
  nack: { ballot: Ballot; maxBal: Ballot }
  /** 2a. `commit`: the leader's learned prefix, so followers learn without extra messages. */
  accept: { ballot: Ballot; slot: number; entry: LogEntry; commit: number }
  /** 2b */
  accepted: { ballot: Ballot; slot: number; entry: LogEntry }
  /** Leader → followers every heartbeatInterval; `sentAt` on the leader's clock, echoed for leases. */
  heartbeat: { ballot: Ballot; commit: number; sentAt: number }
  /** Only with leases: the follower granted the lease from its receipt of that heartbeat. */
  heartbeatAck: { ballot: Ballot; sentAt: number }
  /** A client's value, passed from the node it asked to the leader. */
  forward: { id: string; value: string }
  forwardRead: { id: string; origin: string }
  readReply: { id: string; value: string | null; applied: number }
  /** A learner missing chosen entries asks for those from slot `from` on. */
  catchup: { from: number }
  decide: { entries: { slot: number; entry: LogEntry }[] }
}

export type MessageKind = keyof PaxosMessages
