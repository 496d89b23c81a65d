import type { ProtocolContext } from '../../protocol'
import type { PaxosConfig } from '../config'
import { recordLeaseAck } from '../lease'
import type { PaxosMessages } from '../messages'
import { retransmitAccepts } from '../proposer'
import type { PaxosState } from '../state'

/**
 * Heartbeats every heartbeatInterval on the leader's clock. They keep followers from starting
 * elections, carry the leader's learned prefix, renew leases, and give the leader a moment to
 * resend 2a messages that went unanswered.
 */
export function heartbeatTick(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  if (s.timers.heartbeat !== null) ctx.cancelTimer(s.timers.heartbeat)
  const now = ctx.now()
  const ballot = s.proposer.ballot
  const msg: PaxosMessages['heartbeat'] = { ballot, commit: s.learner.prefix, sentAt: now }
  for (const to of cfg.members) if (to !== ctx.nodeId) ctx.send(to, 'heartbeat', msg)
  if (cfg.lease) {
    // The leader's own acceptor grants it the lease at the send time, like any follower would.
    s.grant = { holder: ctx.nodeId, until: now + cfg.lease.follower }
    recordLeaseAck(ctx, s, ctx.nodeId, { ballot, sentAt: now }, cfg)
  }
  retransmitAccepts(ctx, s, cfg.electionTimeout[0], cfg)
  s.timers.heartbeat = ctx.setTimer(cfg.heartbeatInterval, 'heartbeat')
}

export function onHeartbeatTimer(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  s.timers.heartbeat = null
  if (s.role === 'leader') heartbeatTick(ctx, s, cfg)
}
