import type { ProtocolContext } from '../../protocol'
import { ballotAbove, ballotBelow, type Ballot } from '../ballot'
import type { PaxosConfig } from '../config'
import { NOOP } from '../entry'
import { emit } from '../events'
import { dropLease, leaseGuardEnd } from '../lease'
import type { PaxosMessages } from '../messages'
import {
  ballotRefused,
  recordPromise,
  sendAccept,
  startBallot,
  topRecoveredSlot,
} from '../proposer'
import { hasOutbox, outbox } from '../outbox'
import { idleProposer, type PaxosState } from '../state'
import { enqueueCommand, flushReadQueue } from './commands'
import { heartbeatTick } from './heartbeat'

/**
 * Multi-Paxos leader election (algorithms.md §5): a follower that hears nothing from a leader
 * for a randomised timeout — uniform in electionTimeout, drawn afresh each time, measured on its
 * own clock — runs phase 1 with a ballot above every one it has seen. Phase 1 covers every slot
 * from the first it has not learned, so a leader runs it once, not once per command.
 *
 * The 'dueling-proposers' teaching variant has no election at all: any node with a value runs
 * phase 1 at once and, when refused, again at once — the livelock that randomised timeouts and
 * backoff exist to break.
 */

const dueling = (cfg: PaxosConfig) => cfg.variant === 'dueling-proposers'

/** (Re)start the election timeout with a fresh uniform draw. */
export function armElection(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  if (dueling(cfg)) return
  const [lo, hi] = cfg.electionTimeout
  const now = ctx.now()
  setElectionDeadline(ctx, s, now + lo + (hi - lo) * ctx.random())
}

/** One timer chases the deadline: it is re-aimed only when the deadline moves earlier. */
function setElectionDeadline(ctx: ProtocolContext, s: PaxosState, deadline: number): void {
  s.electionDeadline = deadline
  if (s.timers.election !== null && s.electionTimerAt <= deadline) return
  if (s.timers.election !== null) ctx.cancelTimer(s.timers.election)
  s.electionTimerAt = deadline
  s.timers.election = ctx.setTimer(deadline - ctx.now(), 'election')
}

export function onElectionTimer(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  const aimedAt = s.electionTimerAt
  s.timers.election = null
  s.electionTimerAt = Infinity
  if (s.role === 'leader') return
  const now = ctx.now()
  // The deadline moved later since this timer was aimed: chase it. Compared with the aim, not
  // with the reading: a quantised reading can sit just below the deadline the timer was aimed
  // at, and re-aiming by that sliver would fire again at (almost) the same instant forever.
  if (s.electionDeadline > aimedAt) return setElectionDeadline(ctx, s, s.electionDeadline)
  // Leases: a node that promised another leader the lease waits it out before competing.
  const guard = leaseGuardEnd(s, ctx.nodeId, now)
  if (guard > now) {
    const [lo, hi] = cfg.electionTimeout
    return setElectionDeadline(ctx, s, guard + (hi - lo) * ctx.random())
  }
  startCandidacy(ctx, s, cfg)
}

/** Phase 1 with a new ballot; if it does not finish within a fresh timeout, the timer tries again. */
export function startCandidacy(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  s.role = 'candidate'
  s.leader = null
  startBallot(ctx, s, cfg)
  if (dueling(cfg)) {
    if (s.timers.retry !== null) ctx.cancelTimer(s.timers.retry)
    s.timers.retry = ctx.setTimer(cfg.electionTimeout[0], 'retry')
  } else armElection(ctx, s, cfg)
}

export function onPromiseMulti(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['promise'],
  cfg: PaxosConfig,
): void {
  if (s.role === 'candidate' && recordPromise(s, from, m, cfg)) becomeLeader(ctx, s, cfg)
}

/**
 * Phase 1 is done for every slot ≥ fromSlot. Slots some promise reported a vote in get the
 * highest-ballot vote re-proposed (Paxos Made Simple §3); gaps below the highest such slot get
 * no-ops, so the log has no holes a dead leader left. Then the queued commands follow.
 */
function becomeLeader(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  const p = s.proposer
  s.role = 'leader'
  s.leader = ctx.nodeId
  s.leaderBallot = p.ballot
  p.phase = 'accept'
  p.failures = 0
  emit(ctx, 'elected', { ballot: p.ballot })
  const top = Math.max(topRecoveredSlot(s), s.learner.maxLearned)
  for (let slot = p.fromSlot; slot <= top; slot++) {
    if (s.learner.log[slot]) continue
    sendAccept(ctx, s, slot, p.recovered[slot]?.entry ?? NOOP, cfg)
  }
  p.nextSlot = Math.max(top + 1, p.fromSlot)
  p.readyIndex = p.nextSlot
  const queued = p.queue
  p.queue = []
  for (const e of queued) enqueueCommand(ctx, s, e, cfg)
  const ob = outbox(ctx)
  for (const id in ob) enqueueCommand(ctx, s, { kind: 'value', id, value: ob[id] }, cfg)
  s.lease = { acks: new Map(), until: -Infinity }
  heartbeatTick(ctx, s, cfg)
  flushReadQueue(ctx, s, cfg)
}

/** Back to follower: stop leading, drop the lease, let the election timer run again. */
function stepDown(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  if (s.role === 'follower') return
  const p = s.proposer
  if (s.role === 'leader') emit(ctx, 'stepDown', { ballot: p.ballot })
  s.role = 'follower'
  s.leader = null
  if (s.timers.heartbeat !== null) ctx.cancelTimer(s.timers.heartbeat)
  s.timers.heartbeat = null
  dropLease(ctx, s, cfg)
  // Unfinished commands are not lost: the nodes that were handed them retry them.
  const failures = p.failures
  s.proposer = idleProposer(p.ballot)
  s.proposer.failures = failures
  armElection(ctx, s, cfg)
}

/** A nack for this node's ballot: someone promised a higher one. Back off (randomised), or duel. */
export function onNackMulti(
  ctx: ProtocolContext,
  s: PaxosState,
  m: PaxosMessages['nack'],
  cfg: PaxosConfig,
): void {
  if (!ballotRefused(s, m)) return
  stepDown(ctx, s, cfg)
  if (dueling(cfg) && hasOutbox(ctx)) startCandidacy(ctx, s, cfg)
}

/** Dueling variant: a candidacy that got nowhere (lost messages) or values still waiting. */
export function onRetryTimerMulti(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  s.timers.retry = null
  if (s.role === 'candidate' || (s.role === 'follower' && hasOutbox(ctx)))
    startCandidacy(ctx, s, cfg)
}

/**
 * A message from the leader of `ballot` that this node's acceptor did not refuse: follow it,
 * and restart the election timeout. A candidate gives up even when its own ballot is higher:
 * its own acceptor has not promised that ballot (it would have refused this message), so a
 * lease it granted keeps it from competing — the leader is alive. True when the leader is a
 * new one (the dispatcher then hands it what was waiting).
 */
export function observeLeader(
  ctx: ProtocolContext,
  s: PaxosState,
  ballot: Ballot,
  cfg: PaxosConfig,
): boolean {
  if (ballot.node === ctx.nodeId || ballotBelow(ballot, s.leaderBallot)) return false
  if (s.role === 'candidate' || (s.role === 'leader' && ballotAbove(ballot, s.proposer.ballot)))
    stepDown(ctx, s, cfg)
  const changed = s.leader !== ballot.node
  s.leader = ballot.node
  s.leaderBallot = ballot
  armElection(ctx, s, cfg)
  return changed
}

/** This node's acceptor promised another proposer's higher ballot: that proposer may lead soon. */
export function sawCandidate(
  ctx: ProtocolContext,
  s: PaxosState,
  ballot: Ballot,
  cfg: PaxosConfig,
): void {
  if (ballot.node === ctx.nodeId) return
  if (s.role !== 'follower' && ballotAbove(ballot, s.proposer.ballot)) {
    s.proposer.failures++
    stepDown(ctx, s, cfg)
    if (dueling(cfg) && hasOutbox(ctx)) return startCandidacy(ctx, s, cfg)
  }
  if (ballotAbove(ballot, s.leaderBallot)) s.leader = null
  armElection(ctx, s, cfg)
}
