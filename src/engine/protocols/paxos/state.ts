import { NO_BALLOT, type Ballot } from './ballot'
import type { LogEntry } from './entry'
import type { Vote } from './messages'
import type { LearnerState } from './learner'
import { createLearner } from './learner'

/**
 * Acceptor (algorithms.md §5; TLA+ `Paxos.tla` Phase1b/Phase2b), one record for every slot:
 * `maxBal` is the promise, each slot keeps its last vote (maxVBal, maxVal per slot), and
 * `maxVBal` is the highest vote ballot over all slots. Kept here, beside the node state that
 * holds it in the broken volatile variant; acceptor.ts has the steps.
 */
export interface AcceptorRecord {
  maxBal: Ballot
  maxVBal: Ballot
  votes: Record<number, Vote>
  /** highest slot with a vote, −1 when none */
  top: number
}

export type Role = 'follower' | 'candidate' | 'leader'

/** The ballot this node runs as a proposer (single decree) or as candidate/leader (Multi-Paxos). */
export interface ProposerState {
  ballot: Ballot
  /** idle: no ballot in progress; prepare: phase 1; accept: phase 2 open */
  phase: 'idle' | 'prepare' | 'accept'
  /** phase 1 covers every slot from here on */
  fromSlot: number
  promised: string[]
  /** per slot, the vote with the highest ballot among the promises (Paxos Made Simple §2.2, P2c) */
  recovered: Record<number, Vote>
  /** next free slot for a new command */
  nextSlot: number
  /** slots below this belong to earlier leaders; lease reads wait until they are learned */
  readyIndex: number
  /** slots with a 2a out, and when it was (last) sent on the local clock */
  inflight: Record<number, { entry: LogEntry; sentAt: number }>
  /** commands waiting for phase 1 to finish */
  queue: LogEntry[]
  /** request id → slot, for everything placed under this ballot (a retried request is not placed twice) */
  placed: Record<string, number>
  /** consecutive ballots that failed, for the backoff */
  failures: number
}

export interface PaxosTimers {
  election: number | null
  heartbeat: number | null
  retry: number | null
  forward: number | null
  catchup: number | null
}

/** A node's volatile state: lost on crash. Durable storage holds the rest (see acceptor.ts, client.ts). */
export interface PaxosState {
  role: Role
  /** highest ballot round seen anywhere; a new ballot goes above it */
  maxSeenRound: number
  leader: string | null
  leaderBallot: Ballot
  proposer: ProposerState
  learner: LearnerState
  /** The acceptor's record when the 'no-durable-acceptor' variant keeps it in volatile memory. */
  volatileAcceptor: AcceptorRecord | null
  /** Lease promise this node gave as an acceptor: support no other leader while its clock reads < until. */
  grant: { holder: string; until: number } | null
  /** After a restart the node cannot know whom it granted a lease: support no new leader until then. */
  restartGuardUntil: number
  /** The lease this node holds as leader: per acceptor, the latest heartbeat send time it acknowledged. */
  /** per acceptor id (a Map: ids are data, not Object.prototype keys) */
  lease: { acks: Map<string, number>; until: number }
  /** local time at which a follower that heard nothing starts an election */
  electionDeadline: number
  /** local time the pending election timer fires at */
  electionTimerAt: number
  timers: PaxosTimers
  /** leader: read id → node that asked, for reads waiting on their barrier */
  pendingReads: Record<string, string>
  /** request id → local time this node last handed the client's value on */
  submittedAt: Record<string, number>
  /** reads waiting for a leader to be known */
  readQueue: { id: string; origin: string }[]
  lastCatchupAt: number
  /**
   * Single decree: this node has reason to think a decision may exist (it was restarted, heard
   * a Paxos message, or a client asked it), so it keeps asking until it learns one.
   */
  expectsDecision: boolean
}

export function idleProposer(ballot: Ballot = NO_BALLOT): ProposerState {
  return {
    ballot,
    phase: 'idle',
    fromSlot: 0,
    promised: [],
    recovered: {},
    nextSlot: 0,
    readyIndex: 0,
    inflight: {},
    queue: [],
    placed: {},
    failures: 0,
  }
}

export function createState(): PaxosState {
  return {
    role: 'follower',
    maxSeenRound: 0,
    leader: null,
    leaderBallot: NO_BALLOT,
    proposer: idleProposer(),
    learner: createLearner(),
    volatileAcceptor: null,
    grant: null,
    restartGuardUntil: -Infinity,
    lease: { acks: new Map(), until: -Infinity },
    electionDeadline: Infinity,
    electionTimerAt: Infinity,
    timers: { election: null, heartbeat: null, retry: null, forward: null, catchup: null },
    pendingReads: {},
    submittedAt: {},
    readQueue: [],
    lastCatchupAt: -Infinity,
    expectsDecision: false,
  }
}
