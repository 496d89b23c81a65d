import type { ProtocolContext } from '../protocol'
import { ballotAbove, sameBallot } from './ballot'
import type { PaxosConfig } from './config'
import { entryId, type LogEntry } from './entry'
import { emit } from './events'
import type { PaxosMessages } from './messages'
import { idleProposer, type PaxosState } from './state'

/**
 * Proposer mechanics shared by single-decree Paxos and the Multi-Paxos leader
 * (Paxos Made Simple §2.2; TLA+ `Paxos.tla` Phase1a/Phase2a).
 */

const LAST_ROUND_KEY = 'lastRound'

/** Remember a round seen in any message, so the next ballot goes above it. */
export function noteRound(s: PaxosState, round: number): void {
  if (round > s.maxSeenRound) s.maxSeenRound = round
}

/**
 * Phase 1a with a fresh ballot above every round seen. The round is written to durable
 * storage first: "a proposer must remember the highest-numbered proposal it has tried to
 * issue" (Paxos Made Simple §2.2), or after a restart it could reuse a ballot with another value.
 */
export function startBallot(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  const round = Math.max(ctx.durable.get<number>(LAST_ROUND_KEY) ?? 0, s.maxSeenRound) + 1
  ctx.durable.set(LAST_ROUND_KEY, round)
  s.maxSeenRound = round
  const ballot = { round, node: ctx.nodeId }
  const failures = s.proposer.failures
  const queue = s.proposer.queue
  s.proposer = idleProposer(ballot)
  s.proposer.phase = 'prepare'
  s.proposer.failures = failures
  s.proposer.queue = queue
  s.proposer.fromSlot = s.learner.prefix
  emit(ctx, 'preparing', { ballot, from: s.proposer.fromSlot })
  const msg: PaxosMessages['prepare'] = { ballot, from: s.proposer.fromSlot }
  for (const to of cfg.members) ctx.send(to, 'prepare', msg)
}

/** Count a 1b for the current ballot. True exactly when it completes a majority. */
export function recordPromise(
  s: PaxosState,
  from: string,
  m: PaxosMessages['promise'],
  cfg: PaxosConfig,
): boolean {
  const p = s.proposer
  if (p.phase !== 'prepare' || !sameBallot(m.ballot, p.ballot) || p.promised.includes(from))
    return false
  p.promised.push(from)
  for (const v of m.votes) {
    const known = p.recovered[v.slot]
    if (!known || ballotAbove(v.ballot, known.ballot)) p.recovered[v.slot] = v
  }
  return p.promised.length === cfg.quorum
}

/** Highest slot any promise reported a vote in (−1 when none). */
export function topRecoveredSlot(s: PaxosState): number {
  let top = -1
  for (const k in s.proposer.recovered) top = Math.max(top, Number(k))
  return top
}

/** Phase 2a for one slot. Called once per slot per ballot; retransmissions resend the same entry. */
export function sendAccept(
  ctx: ProtocolContext,
  s: PaxosState,
  slot: number,
  entry: LogEntry,
  cfg: PaxosConfig,
): void {
  const p = s.proposer
  p.inflight[slot] = { entry, sentAt: ctx.now() }
  const id = entryId(entry)
  if (id !== null) p.placed[id] = slot
  const msg: PaxosMessages['accept'] = { ballot: p.ballot, slot, entry, commit: s.learner.prefix }
  for (const to of cfg.members) ctx.send(to, 'accept', msg)
}

/** Resend 2a for slots still open after `after` local seconds (lost messages). */
export function retransmitAccepts(
  ctx: ProtocolContext,
  s: PaxosState,
  after: number,
  cfg: PaxosConfig,
): void {
  const p = s.proposer
  const now = ctx.now()
  for (const k in p.inflight) {
    const slot = Number(k)
    const f = p.inflight[slot]
    if (now - f.sentAt < after) continue
    f.sentAt = now
    const msg: PaxosMessages['accept'] = {
      ballot: p.ballot,
      slot,
      entry: f.entry,
      commit: s.learner.prefix,
    }
    for (const to of cfg.members) ctx.send(to, 'accept', msg)
  }
}

/**
 * A nack: note the round it carries; true when it refuses exactly the current ballot in favour
 * of a higher one, which then counts as a failed attempt (for the backoff).
 */
export function ballotRefused(s: PaxosState, m: PaxosMessages['nack']): boolean {
  noteRound(s, m.maxBal.round)
  const p = s.proposer
  if (p.phase === 'idle' || !sameBallot(m.ballot, p.ballot) || !ballotAbove(m.maxBal, p.ballot))
    return false
  p.failures++
  return true
}
