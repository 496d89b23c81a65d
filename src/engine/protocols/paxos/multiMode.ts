import type { ProtocolContext } from '../protocol'
import { acceptorRecord, receiveAccept, receivePrepare } from './acceptor'
import { ballotBelow, type Ballot } from './ballot'
import { committedVotes, onCatchup, requestCatchup } from './catchup'
import { armForwardRetry, onForwardTimer, resubmitOutbox, submit } from './client'
import type { PaxosConfig } from './config'
import type { LogEntry } from './entry'
import { emit } from './events'
import {
  answerBarrierReads,
  flushReadQueue,
  onForward,
  onForwardRead,
  routeRead,
} from './leader/commands'
import {
  armElection,
  observeLeader,
  onElectionTimer,
  onNackMulti,
  onPromiseMulti,
  onRetryTimerMulti,
  sawCandidate,
} from './leader/election'
import { onHeartbeatTimer } from './leader/heartbeat'
import { grantLease, recordLeaseAck } from './lease'
import { learn } from './learner'
import type { PaxosMessages } from './messages'
import { learnDecided, learnFromVotes, type PaxosMode } from './mode'
import { addToOutbox, forgetRequest, hasOutbox, nextRequestId } from './outbox'
import { noteRound } from './proposer'
import type { PaxosState } from './state'

/**
 * Multi-Paxos (algorithms.md §5): a leader elected on its own clock runs phase 1 once for all
 * slots and one phase-2 round per command; followers learn from the commit index the leader
 * piggybacks. This dispatcher holds every reaction of the mode.
 */

/** Learn that `entry` is chosen in `slot`, report it, apply, and answer what waited on it. */
function learnEntry(ctx: ProtocolContext, s: PaxosState, slot: number, entry: LogEntry): void {
  const applied = learn(s.learner, slot, entry)
  if (applied === null) return
  emit(ctx, 'learned', { slot, entry })
  delete s.proposer.inflight[slot]
  if (entry.kind === 'value') {
    delete s.submittedAt[entry.id]
    forgetRequest(ctx, entry.id)
  }
  answerBarrierReads(ctx, s, applied)
}

/** Learn the leader's commit index from this node's own votes; ask for whatever is missing. */
function learnCommitted(
  ctx: ProtocolContext,
  s: PaxosState,
  leader: string,
  ballot: Ballot,
  commit: number,
  cfg: PaxosConfig,
): void {
  if (s.learner.prefix >= commit) return
  for (const { slot, entry } of committedVotes(ctx, s, ballot, commit, cfg))
    learnEntry(ctx, s, slot, entry)
  if (s.learner.prefix < commit) requestCatchup(ctx, s, [leader], cfg)
}

/** Follow the leader of `ballot`; a new leader gets the values and reads that waited. */
function followLeader(ctx: ProtocolContext, s: PaxosState, ballot: Ballot, cfg: PaxosConfig): void {
  if (!observeLeader(ctx, s, ballot, cfg)) return
  resubmitOutbox(ctx, s, cfg, true)
  if (hasOutbox(ctx)) armForwardRetry(ctx, s, cfg)
  flushReadQueue(ctx, s, cfg)
}

/** Follower: a heartbeat below this acceptor's promise is refused (the old leader steps down). */
function onHeartbeat(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['heartbeat'],
  cfg: PaxosConfig,
): void {
  noteRound(s, m.ballot.round)
  const rec = acceptorRecord(ctx, s, cfg)
  if (ballotBelow(m.ballot, rec.maxBal)) {
    ctx.send(from, 'nack', { ballot: m.ballot, maxBal: rec.maxBal })
    return
  }
  followLeader(ctx, s, m.ballot, cfg)
  grantLease(ctx, s, from, m, cfg)
  learnCommitted(ctx, s, from, m.ballot, m.commit, cfg)
}

export const multiMode: PaxosMode = {
  init(ctx, s, cfg) {
    armElection(ctx, s, cfg)
    if (hasOutbox(ctx)) armForwardRetry(ctx, s, cfg)
  },
  handlers: {
    prepare(ctx, s, from, m, cfg) {
      if (receivePrepare(ctx, s, from, m, cfg)) sawCandidate(ctx, s, m.ballot, cfg)
    },
    promise: onPromiseMulti,
    nack: (ctx, s, _from, m, cfg) => onNackMulti(ctx, s, m, cfg),
    // 2b goes back to the leader only; followers learn from its commit index.
    accept(ctx, s, from, m, cfg) {
      const accepted = receiveAccept(ctx, s, from, m, cfg)
      if (!accepted) return
      ctx.send(from, 'accepted', accepted)
      followLeader(ctx, s, m.ballot, cfg)
      learnCommitted(ctx, s, from, m.ballot, m.commit, cfg)
    },
    accepted: learnFromVotes(learnEntry),
    heartbeat: onHeartbeat,
    heartbeatAck: recordLeaseAck,
    forward: (ctx, s, _from, m, cfg) => onForward(ctx, s, m, cfg),
    forwardRead: (ctx, s, _from, m, cfg) => onForwardRead(ctx, s, m, cfg),
    readReply: (ctx, _s, _from, m) =>
      emit(ctx, 'readResult', { id: m.id, value: m.value, local: false }),
    catchup: onCatchup,
    decide: learnDecided(learnEntry),
  },
  timers: {
    election: onElectionTimer,
    heartbeat: onHeartbeatTimer,
    forward: onForwardTimer,
    retry: onRetryTimerMulti,
  },
  onClient(ctx, s, op, cfg) {
    if (op.op === 'propose') {
      const id = nextRequestId(ctx, 'p')
      emit(ctx, 'proposed', { id, value: op.value })
      addToOutbox(ctx, id, op.value)
      submit(ctx, s, { kind: 'value', id, value: op.value }, cfg)
      armForwardRetry(ctx, s, cfg)
      return
    }
    const id = nextRequestId(ctx, 'r')
    emit(ctx, 'readStart', { id })
    routeRead(ctx, s, id, ctx.nodeId, cfg)
  },
}
