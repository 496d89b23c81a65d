import type { ProtocolContext } from '../protocol'
import type { PaxosConfig } from './config'
import type { LogEntry } from './entry'
import { enqueueCommand } from './leader/commands'
import { startCandidacy } from './leader/election'
import { hasOutbox, outbox } from './outbox'
import type { PaxosState } from './state'

/**
 * Multi-Paxos, the client's side (contract.md §1 `workload`): a value handed to a node goes to
 * the leader, and is handed on again until it is learned chosen (outbox.ts keeps it durable).
 */

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
