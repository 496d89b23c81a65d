import type { ProtocolContext, ProtocolDef } from '../protocol'
import { acceptorRecord, handleAccept, handlePrepare, persistAcceptor } from './acceptor'
import { onCatchup, onDecide, learnFromCommit } from './catchup'
import { armForwardRetry, hasOutbox, onClientOp, onForwardTimer } from './client'
import { paxosConfig, type PaxosConfig } from './config'
import { emit } from './events'
import { onForward, onForwardRead } from './leader/commands'
import {
  armElection,
  observeLeader,
  onElectionTimer,
  onNackMulti,
  onPromiseMulti,
  onRetryTimerMulti,
  sawCandidate,
} from './leader/election'
import { onHeartbeat, onHeartbeatTimer } from './leader/heartbeat'
import { leaseForbids, recordLeaseAck } from './lease'
import { tallyAccepted } from './learner'
import type { MessageKind, PaxosMessages } from './messages'
import { noteRound } from './proposer'
import { learnEntry } from './replica'
import {
  initSingle,
  onCatchupTimerSingle,
  onNackSingle,
  onPromiseSingle,
  onRetryTimerSingle,
  onRivalPrepareSingle,
} from './single'
import { createState, type PaxosState } from './state'

/**
 * Paxos, single-decree (`consensus.algorithm: "paxos"`) and Multi-Paxos ("multi-paxos"),
 * with leader election, leases and two labelled-broken teaching variants. One role per
 * module: acceptor.ts, proposer.ts, learner.ts, leader/*, lease.ts, client.ts.
 */

const STARTED_KEY = 'started'

function init(ctx: ProtocolContext, cfg: PaxosConfig): PaxosState {
  const s = createState()
  const restarted = ctx.durable.get<boolean>(STARTED_KEY) === true
  ctx.durable.set(STARTED_KEY, true)
  if (cfg.lease && restarted) {
    // It may have granted a lease just before crashing and cannot know to whom: back no new
    // leader for a full lease (Raft dissertation §6.4.1 makes the same assumption of restarts).
    s.restartGuardUntil = ctx.now() + cfg.lease.follower
    emit(ctx, 'lease', { holds: false, until: ctx.now(), ballot: s.proposer.ballot })
  }
  if (cfg.mode === 'single') {
    initSingle(ctx, s, cfg, restarted)
    return s
  }
  armElection(ctx, s, cfg)
  if (hasOutbox(ctx)) armForwardRetry(ctx, s, cfg)
  return s
}

/** 1a at an acceptor. Under a lease promise to another leader it stays silent. */
function onPrepare(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['prepare'],
  cfg: PaxosConfig,
): void {
  noteRound(s, m.ballot.round)
  if (cfg.lease && leaseForbids(s, m.ballot.node, ctx.now())) return
  const rec = acceptorRecord(ctx, s, cfg)
  const out = handlePrepare(rec, m)
  if (out.nack) return ctx.send(from, 'nack', out.nack)
  persistAcceptor(ctx, rec, cfg)
  emit(ctx, 'promised', { ballot: m.ballot, maxBal: rec.maxBal, maxVBal: rec.maxVBal })
  ctx.send(from, 'promise', out.promise)
  if (cfg.mode === 'multi') sawCandidate(ctx, s, m.ballot, cfg)
  else onRivalPrepareSingle(ctx, s, m.ballot, cfg)
}

/** 2a at an acceptor: vote, persist, then tell the learners (all of them, or the leader). */
function onAccept(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['accept'],
  cfg: PaxosConfig,
): void {
  noteRound(s, m.ballot.round)
  const rec = acceptorRecord(ctx, s, cfg)
  const out = handleAccept(rec, m)
  if (out.nack) return ctx.send(from, 'nack', out.nack)
  persistAcceptor(ctx, rec, cfg)
  emit(ctx, 'accepted', {
    slot: m.slot,
    ballot: m.ballot,
    entry: m.entry,
    maxBal: rec.maxBal,
    maxVBal: rec.maxVBal,
  })
  if (cfg.mode === 'single') {
    for (const to of cfg.members) ctx.send(to, 'accepted', out.accepted)
    return
  }
  ctx.send(from, 'accepted', out.accepted)
  observeLeader(ctx, s, m.ballot, cfg)
  learnFromCommit(ctx, s, from, m.ballot, m.commit, cfg)
}

/** 2b at a learner: a majority at one ballot means chosen. */
function onAccepted(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['accepted'],
  cfg: PaxosConfig,
): void {
  noteRound(s, m.ballot.round)
  const chosen = tallyAccepted(s.learner, m.slot, m.ballot, m.entry, from, cfg.quorum)
  if (chosen) learnEntry(ctx, s, m.slot, chosen, cfg)
}

type Handlers = {
  [K in MessageKind]: (
    ctx: ProtocolContext,
    s: PaxosState,
    from: string,
    m: PaxosMessages[K],
    cfg: PaxosConfig,
  ) => void
}

const handlers: Handlers = {
  prepare: onPrepare,
  promise: (ctx, s, from, m, cfg) =>
    cfg.mode === 'single'
      ? onPromiseSingle(ctx, s, from, m, cfg)
      : onPromiseMulti(ctx, s, from, m, cfg),
  nack: (ctx, s, _from, m, cfg) =>
    cfg.mode === 'single' ? onNackSingle(ctx, s, m, cfg) : onNackMulti(ctx, s, m, cfg),
  accept: onAccept,
  accepted: onAccepted,
  heartbeat: onHeartbeat,
  heartbeatAck: recordLeaseAck,
  forward: (ctx, s, _from, m, cfg) => onForward(ctx, s, m, cfg),
  forwardRead: (ctx, s, _from, m, cfg) => onForwardRead(ctx, s, m, cfg),
  readReply: (ctx, _s, _from, m) =>
    emit(ctx, 'readResult', { id: m.id, value: m.value, local: false }),
  catchup: onCatchup,
  decide: (ctx, s, _from, m, cfg) => onDecide(ctx, s, m, cfg),
}

const timers: Record<string, (ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig) => void> = {
  election: onElectionTimer,
  heartbeat: onHeartbeatTimer,
  forward: onForwardTimer,
  retry: (ctx, s, cfg) =>
    cfg.mode === 'single' ? onRetryTimerSingle(ctx, s, cfg) : onRetryTimerMulti(ctx, s, cfg),
  catchup: onCatchupTimerSingle,
}

export const paxos: ProtocolDef<PaxosState, PaxosConfig> = {
  name: 'paxos',
  configure(scenario) {
    const config = paxosConfig(scenario)
    return config ? { config, members: config.members } : null
  },
  init,
  onMessage(ctx, s, from, kind, body, cfg) {
    s.expectsDecision = true
    const h = handlers[kind as MessageKind] as Handlers[MessageKind] | undefined
    if (h)
      (h as (c: ProtocolContext, st: PaxosState, f: string, m: unknown, k: PaxosConfig) => void)(
        ctx,
        s,
        from,
        body,
        cfg,
      )
  },
  onTimer(ctx, s, key, cfg) {
    timers[key]?.(ctx, s, cfg)
  },
  onClient(ctx, s, op, cfg) {
    s.expectsDecision = true
    onClientOp(ctx, s, op, cfg)
  },
}
