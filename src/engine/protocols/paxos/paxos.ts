import type { ProtocolContext, ProtocolDef } from '../protocol'
import { paxosConfig, type PaxosConfig } from './config'
import { emit } from './events'
import { isPaxosKind, isTimerKey, receive, type PaxosMode } from './mode'
import { multiMode } from './multiMode'
import { singleMode } from './singleMode'
import { createState, type PaxosState } from './state'

/**
 * Paxos, single-decree (`consensus.algorithm: "paxos"`) and Multi-Paxos ("multi-paxos"),
 * with leader election, leases and two labelled-broken teaching variants. One role per
 * module (acceptor.ts, proposer.ts, learner.ts, leader/*, lease.ts, catchup.ts, client.ts,
 * outbox.ts) and one dispatcher per mode (singleMode.ts, multiMode.ts) that owns the reactions.
 */

const STARTED_KEY = 'started'

const modes: Record<PaxosConfig['mode'], PaxosMode> = { single: singleMode, multi: multiMode }

/** A fresh node state: the restart guard for leases, then the mode's own start. */
export function initPaxos(ctx: ProtocolContext, cfg: PaxosConfig): PaxosState {
  const s = createState()
  const restarted = ctx.durable.get<boolean>(STARTED_KEY) === true
  ctx.durable.set(STARTED_KEY, true)
  if (cfg.lease && restarted) {
    // It may have granted a lease just before crashing and cannot know to whom: back no new
    // leader for a full lease (Raft dissertation §6.4.1 makes the same assumption of restarts).
    s.restartGuardUntil = ctx.now() + cfg.lease.follower
    emit(ctx, 'lease', { holds: false, until: ctx.now(), ballot: s.proposer.ballot })
  }
  modes[cfg.mode].init(ctx, s, cfg, restarted)
  return s
}

export function paxosMessage(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  kind: string,
  body: unknown,
  cfg: PaxosConfig,
): void {
  s.expectsDecision = true
  if (isPaxosKind(kind)) receive(modes[cfg.mode], ctx, s, from, kind, body, cfg)
}

export function paxosTimer(ctx: ProtocolContext, s: PaxosState, key: string, cfg: PaxosConfig) {
  if (isTimerKey(key, s)) modes[cfg.mode].timers[key]?.(ctx, s, cfg)
}

export const paxos: ProtocolDef<PaxosState, PaxosConfig> = {
  name: 'paxos',
  configure(scenario) {
    const config = paxosConfig(scenario)
    return config ? { config, members: config.members } : null
  },
  init: initPaxos,
  onMessage: paxosMessage,
  onTimer: paxosTimer,
  onClient(ctx, s, op, cfg) {
    if (op.op !== 'propose' && op.op !== 'read') return // the store's operations
    s.expectsDecision = true
    modes[cfg.mode].onClient(ctx, s, op, cfg)
  },
}
