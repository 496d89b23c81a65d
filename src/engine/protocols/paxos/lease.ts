import type { ProtocolContext } from '../protocol'
import { sameBallot } from './ballot'
import type { PaxosConfig } from './config'
import { emit } from './events'
import type { PaxosMessages } from './messages'
import type { PaxosState } from './state'

/**
 * Leader leases (algorithms.md §5; Paxos Made Live §5.2, Chubby; Raft dissertation §6.4.1).
 *
 * An acceptor that receives a heartbeat of the leader it supports grants it the lease for L_f
 * seconds *of its own clock from receipt*, and until then promises nobody else (it ignores
 * their prepares). The leader counts from the *send time* of each heartbeat on its own clock:
 * once a majority (itself included) has acknowledged heartbeats sent at or after T, it holds
 * the lease until T + L_leader with L_leader = L_f·(1 − ρ)/(1 + ρ). If every clock's rate stays
 * within 1 ± ρ, the leader's lease ends, in true time, before any majority's grants do — so no
 * other leader can be elected while it answers reads alone. Only clock *rate* matters here.
 */

/**
 * Until when this node's lease promises forbid it to back `proposer` (−Infinity: they do not).
 * A lease granted to `proposer` itself forbids nothing.
 */
export function leaseGuardEnd(s: PaxosState, proposer: string, now: number): number {
  let end = now < s.restartGuardUntil ? s.restartGuardUntil : -Infinity
  if (s.grant && s.grant.holder !== proposer && now < s.grant.until)
    end = Math.max(end, s.grant.until)
  return end
}

export function leaseForbids(s: PaxosState, proposer: string, now: number): boolean {
  return leaseGuardEnd(s, proposer, now) > now
}

/** Acceptor side: grant the lease on receipt of a heartbeat from the leader it supports. */
export function grantLease(
  ctx: ProtocolContext,
  s: PaxosState,
  holder: string,
  m: PaxosMessages['heartbeat'],
  cfg: PaxosConfig,
): void {
  if (!cfg.lease) return
  s.grant = { holder, until: ctx.now() + cfg.lease.follower }
  if (holder !== ctx.nodeId)
    ctx.send(holder, 'heartbeatAck', { ballot: m.ballot, sentAt: m.sentAt })
}

/**
 * Leader side: count an acknowledgement of a heartbeat sent at `sentAt` (leader clock). The
 * lease runs from the latest send time a majority has acknowledged.
 */
export function recordLeaseAck(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['heartbeatAck'],
  cfg: PaxosConfig,
): void {
  if (!cfg.lease || s.role !== 'leader' || !sameBallot(m.ballot, s.proposer.ballot)) return
  const acks = s.lease.acks
  const before = acks.get(from)
  if (before === undefined || m.sentAt > before) acks.set(from, m.sentAt)
  const times = [...acks.values()].sort((a, b) => b - a)
  if (times.length < cfg.quorum) return
  const until = times[cfg.quorum - 1] + cfg.lease.leader
  if (until <= s.lease.until) return
  s.lease.until = until
  emit(ctx, 'lease', { holds: true, until, ballot: s.proposer.ballot })
}

/** The leader may answer a read alone: it leads, and its lease is valid by its own clock. */
export function holdsLease(s: PaxosState, now: number): boolean {
  return s.role === 'leader' && now < s.lease.until
}

/** The leader gives up its lease (stepping down); tell the checkers it no longer believes in it. */
export function dropLease(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  if (!cfg.lease) return
  if (s.lease.until > -Infinity)
    emit(ctx, 'lease', { holds: false, until: s.lease.until, ballot: s.proposer.ballot })
  s.lease = { acks: new Map(), until: -Infinity }
}
