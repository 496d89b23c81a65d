import type { ProtocolContext } from '../protocol'
import { ballotAbove, type Ballot } from './ballot'
import { requestCatchup } from './catchup'
import { addToOutbox, outbox } from './outbox'
import type { PaxosConfig } from './config'
import type { LogEntry } from './entry'
import type { PaxosMessages } from './messages'
import { ballotRefused, recordPromise, sendAccept, startBallot } from './proposer'
import type { PaxosState } from './state'

/**
 * Single-decree Paxos (algorithms.md §5, Paxos Made Simple §2): every node is proposer,
 * acceptor and learner of one value, slot 0. A proposer runs ballots until some value is
 * learned; a refused or stalled ballot is retried after a randomised, growing backoff on its
 * own clock. Acceptors send their 2b to every learner.
 *
 * 'dueling-proposers' (labelled broken): no backoff — a refused proposer starts a higher
 * ballot at once, and so does one that sees a rival's higher prepare arrive at its own acceptor;
 * its retry timer is fixed. Two such proposers pre-empt each other forever (Paxos Made Simple
 * §2.4: "a scenario in which two proposers each keep issuing a sequence of proposals with
 * increasing numbers, none of which are ever chosen").
 */

const MAX_BACKOFF_DOUBLINGS = 3

/** The value this node's client handed it (the first still waiting), if any. */
function ownValue(ctx: ProtocolContext): LogEntry | null {
  const ob = outbox(ctx)
  for (const id in ob) return { kind: 'value', id, value: ob[id] }
  return null
}

function backoff(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): number {
  const [lo, hi] = cfg.electionTimeout
  if (cfg.variant === 'dueling-proposers') return lo
  return (lo + (hi - lo) * ctx.random()) * 2 ** Math.min(s.proposer.failures, MAX_BACKOFF_DOUBLINGS)
}

function armRetry(ctx: ProtocolContext, s: PaxosState, delay: number): void {
  if (s.timers.retry !== null) ctx.cancelTimer(s.timers.retry)
  s.timers.retry = ctx.setTimer(delay, 'retry')
}

export function proposeSingle(
  ctx: ProtocolContext,
  s: PaxosState,
  id: string,
  value: string,
  cfg: PaxosConfig,
): void {
  if (s.learner.log[0]) return // decided: no other value can be chosen any more
  addToOutbox(ctx, id, value)
  if (s.proposer.phase === 'idle') runBallot(ctx, s, cfg)
}

/** Phase 1a with a fresh ballot, and a timer in case it stalls. */
function runBallot(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  if (s.learner.log[0] || !ownValue(ctx)) return
  startBallot(ctx, s, cfg)
  armRetry(ctx, s, backoff(ctx, s, cfg))
}

/** 1b: with a majority, 2a with the highest-ballot vote reported, else our own value. */
export function onPromiseSingle(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['promise'],
  cfg: PaxosConfig,
): void {
  if (!recordPromise(s, from, m, cfg)) return
  const own = ownValue(ctx)
  const entry = s.proposer.recovered[0]?.entry ?? own
  if (!entry) return
  s.proposer.phase = 'accept'
  sendAccept(ctx, s, 0, entry, cfg)
}

export function onNackSingle(
  ctx: ProtocolContext,
  s: PaxosState,
  m: PaxosMessages['nack'],
  cfg: PaxosConfig,
): void {
  if (!ballotRefused(s, m)) return
  s.proposer.phase = 'idle'
  if (cfg.variant === 'dueling-proposers') return runBallot(ctx, s, cfg)
  armRetry(ctx, s, backoff(ctx, s, cfg))
}

/** Dueling variant: a rival's higher prepare reached this node's acceptor; out-bid it at once. */
export function onRivalPrepareSingle(
  ctx: ProtocolContext,
  s: PaxosState,
  ballot: Ballot,
  cfg: PaxosConfig,
): void {
  const p = s.proposer
  if (cfg.variant !== 'dueling-proposers' || p.phase === 'idle' || !ballotAbove(ballot, p.ballot))
    return
  p.phase = 'idle'
  p.failures++
  runBallot(ctx, s, cfg)
}

/** The ballot stalled (lost messages) or was refused: try again with a higher one. */
export function onRetryTimerSingle(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  s.timers.retry = null
  if (s.learner.log[0]) return
  if (s.proposer.phase !== 'idle') s.proposer.failures++
  runBallot(ctx, s, cfg)
}

/** A value was learned: stop proposing. */
export function settleSingle(ctx: ProtocolContext, s: PaxosState): void {
  if (s.timers.retry !== null) ctx.cancelTimer(s.timers.retry)
  s.timers.retry = null
  s.proposer.phase = 'idle'
}

/**
 * A learner that missed the 2b messages (it was down, cut off, or they were lost) cannot tell
 * that a value was chosen; Paxos Made Simple §2.3 has it ask. It asks the others now and then
 * once it has reason to (see `expectsDecision`), until it learns the value.
 */
export function onCatchupTimerSingle(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  s.timers.catchup = null
  if (s.learner.log[0]) return
  if (s.expectsDecision) requestCatchup(ctx, s, cfg.members, cfg)
  armCatchupSingle(ctx, s, cfg)
}

function armCatchupSingle(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  if (s.timers.catchup === null)
    s.timers.catchup = ctx.setTimer(4 * cfg.electionTimeout[1], 'catchup')
}

/** After a (re)start: resume proposing the value a client handed this node. */
export function initSingle(
  ctx: ProtocolContext,
  s: PaxosState,
  cfg: PaxosConfig,
  restarted: boolean,
): void {
  s.expectsDecision = restarted
  armCatchupSingle(ctx, s, cfg)
  if (ownValue(ctx)) armRetry(ctx, s, backoff(ctx, s, cfg))
}
