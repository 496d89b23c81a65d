import type { ClientOp, ProtocolContext } from '../protocol'
import type { PaxosConfig } from './config'
import { entryValue, type LogEntry } from './entry'
import { emit } from './events'
import { enqueueCommand, leaderRead } from './leader/commands'
import { startCandidacy } from './leader/election'
import { proposeSingle } from './single'
import type { PaxosState } from './state'

/**
 * Client operations (contract.md §1 `workload`, and the UI). The node a client talks to keeps
 * the client's unfinished values in durable storage and retries them until it learns them
 * chosen — standing in for a client that retries on its own, so a value is not lost because
 * the node it was handed to crashed.
 */
export type Outbox = Record<string, string>

const OUTBOX_KEY = 'outbox'
const SEQ_KEY = 'requestSeq'

export function outbox(ctx: ProtocolContext): Outbox {
  let ob = ctx.durable.get<Outbox>(OUTBOX_KEY)
  if (!ob) {
    ob = {}
    ctx.durable.set(OUTBOX_KEY, ob)
  }
  return ob
}

export function addToOutbox(ctx: ProtocolContext, id: string, value: string): void {
  const ob = outbox(ctx)
  ob[id] = value
  ctx.durable.set(OUTBOX_KEY, ob)
}

export function hasOutbox(ctx: ProtocolContext): boolean {
  for (const _ in outbox(ctx)) return true
  return false
}

/** Request ids unique across restarts: "n1.p7" (propose), "n1.r3" (read). */
function nextRequestId(ctx: ProtocolContext, prefix: 'p' | 'r'): string {
  const seq = (ctx.durable.get<number>(SEQ_KEY) ?? 0) + 1
  ctx.durable.set(SEQ_KEY, seq)
  return `${ctx.nodeId}.${prefix}${seq}`
}

export function onClientOp(
  ctx: ProtocolContext,
  s: PaxosState,
  op: ClientOp,
  cfg: PaxosConfig,
): void {
  if (op.op === 'propose') {
    const id = nextRequestId(ctx, 'p')
    emit(ctx, 'proposed', { id, value: op.value })
    if (cfg.mode === 'single') return proposeSingle(ctx, s, id, op.value, cfg)
    addToOutbox(ctx, id, op.value)
    submit(ctx, s, { kind: 'value', id, value: op.value }, cfg)
    armForwardRetry(ctx, s, cfg)
    return
  }
  const id = nextRequestId(ctx, 'r')
  emit(ctx, 'readStart', { id })
  if (cfg.mode === 'single') {
    // One decree has no leader to ask: answer what this node has learned (not linearizable).
    const learned = s.learner.log[0]
    emit(ctx, 'readResult', { id, value: learned ? entryValue(learned) : null, local: true })
    return
  }
  routeRead(ctx, s, id, ctx.nodeId, cfg)
}

/** Hand a client value to the leader: place it (leader), forward it, or wait for a leader. */
export function submit(
  ctx: ProtocolContext,
  s: PaxosState,
  entry: LogEntry,
  cfg: PaxosConfig,
): void {
  if (entry.kind === 'value') s.submittedAt[entry.id] = ctx.now()
  if (s.role === 'leader' || s.role === 'candidate') return enqueueCommand(ctx, s, entry, cfg)
  // Teaching variant: every node with a value fights for leadership itself, at once.
  if (cfg.variant === 'dueling-proposers') {
    s.proposer.queue.push(entry)
    return startCandidacy(ctx, s, cfg)
  }
  if (s.leader !== null && s.leader !== ctx.nodeId && entry.kind === 'value')
    ctx.send(s.leader, 'forward', { id: entry.id, value: entry.value })
}

/** How long a handed-on value may go unanswered before it is handed on again. */
const retryInterval = (cfg: PaxosConfig) => 2 * cfg.electionTimeout[1]

/**
 * Submit again the values still waiting: all of them when a new leader became known (`all`),
 * else those handed on longer than a retry interval ago.
 */
export function resubmitOutbox(
  ctx: ProtocolContext,
  s: PaxosState,
  cfg: PaxosConfig,
  all: boolean,
): void {
  const ob = outbox(ctx)
  const due = ctx.now() - retryInterval(cfg)
  for (const id in ob) {
    if (s.learner.ids[id] !== undefined) continue
    if (!all && (s.submittedAt[id] ?? -Infinity) > due) continue
    submit(ctx, s, { kind: 'value', id, value: ob[id] }, cfg)
  }
}

export function armForwardRetry(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  if (s.timers.forward === null) s.timers.forward = ctx.setTimer(retryInterval(cfg), 'forward')
}

export function onForwardTimer(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  s.timers.forward = null
  if (!hasOutbox(ctx)) return
  resubmitOutbox(ctx, s, cfg, false)
  armForwardRetry(ctx, s, cfg)
}

/** A value this node was handed is chosen: the client is answered, stop retrying it. */
export function settleRequest(
  ctx: ProtocolContext,
  s: PaxosState,
  entry: LogEntry,
  cfg: PaxosConfig,
): void {
  const ob = outbox(ctx)
  if (entry.kind === 'value') delete s.submittedAt[entry.id]
  if (cfg.mode === 'single') {
    // One decree: once anything is chosen, no other value ever can be.
    for (const id in ob) delete ob[id]
  } else if (entry.kind === 'value' && entry.id in ob) delete ob[entry.id]
  else return
  ctx.durable.set(OUTBOX_KEY, ob)
}

/** Reads go to the leader (which answers from its lease or through the log), or wait for one. */
export function routeRead(
  ctx: ProtocolContext,
  s: PaxosState,
  id: string,
  origin: string,
  cfg: PaxosConfig,
): void {
  if (s.role === 'leader') return leaderRead(ctx, s, id, origin, cfg)
  if (s.leader !== null && s.leader !== ctx.nodeId)
    ctx.send(s.leader, 'forwardRead', { id, origin })
  else s.readQueue.push({ id, origin })
}

export function flushReadQueue(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig): void {
  const queued = s.readQueue
  s.readQueue = []
  for (const r of queued) routeRead(ctx, s, r.id, r.origin, cfg)
}
