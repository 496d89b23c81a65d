import type { ProtocolContext } from '../../protocol'
import type { PaxosConfig } from '../config'
import { entryId, type LogEntry } from '../entry'
import { emit } from '../events'
import { holdsLease } from '../lease'
import type { PaxosMessages } from '../messages'
import { sendAccept } from '../proposer'
import type { PaxosState } from '../state'

/**
 * The Multi-Paxos leader's command path: each command costs one phase-2 round in the next
 * free slot (algorithms.md §5: one round trip, 2(n − 1) messages).
 */

/** Place a command in the next slot, or queue it until phase 1 is done. Retried ids are placed once. */
export function enqueueCommand(
  ctx: ProtocolContext,
  s: PaxosState,
  entry: LogEntry,
  cfg: PaxosConfig,
): void {
  const p = s.proposer
  const id = entryId(entry)
  if (id !== null) {
    if (s.learner.ids[id] !== undefined || p.placed[id] !== undefined) return
    if (p.queue.some((e) => entryId(e) === id)) return
  }
  if (s.role === 'leader' && p.phase === 'accept') sendAccept(ctx, s, p.nextSlot++, entry, cfg)
  else p.queue.push(entry)
}

export function onForward(
  ctx: ProtocolContext,
  s: PaxosState,
  m: PaxosMessages['forward'],
  cfg: PaxosConfig,
): void {
  // Only a leader or a candidate takes it; anyone else drops it and the asking node retries.
  if (s.role !== 'follower')
    enqueueCommand(ctx, s, { kind: 'value', id: m.id, value: m.value }, cfg)
}

/**
 * A linearizable read at the leader. With a valid lease (by its own clock) and every slot of
 * earlier leaders learned, it answers from its applied state at once. Otherwise it orders the
 * read through the log: a read barrier goes through phase 2 like a command, and the read is
 * answered once the barrier is applied — everything completed before the read began lies in
 * earlier slots, because the barrier could not be chosen in a slot already taken.
 */
function leaderRead(
  ctx: ProtocolContext,
  s: PaxosState,
  id: string,
  origin: string,
  cfg: PaxosConfig,
): void {
  if (cfg.lease && holdsLease(s, ctx.now()) && s.learner.prefix >= s.proposer.readyIndex)
    return answerRead(ctx, s, id, origin, true)
  s.pendingReads[id] = origin
  enqueueCommand(ctx, s, { kind: 'read', id }, cfg)
}

export function onForwardRead(
  ctx: ProtocolContext,
  s: PaxosState,
  m: PaxosMessages['forwardRead'],
  cfg: PaxosConfig,
): void {
  if (s.role === 'leader') leaderRead(ctx, s, m.id, m.origin, cfg)
  else s.readQueue.push({ id: m.id, origin: m.origin })
}

function answerRead(
  ctx: ProtocolContext,
  s: PaxosState,
  id: string,
  origin: string,
  lease: boolean,
): void {
  const { prefix, lastValue } = s.learner
  emit(ctx, 'read', { id, applied: prefix, value: lastValue, lease })
  if (origin === ctx.nodeId) emit(ctx, 'readResult', { id, value: lastValue, local: false })
  else ctx.send(origin, 'readReply', { id, value: lastValue, applied: prefix })
}

/** Read barriers just applied answer their reads (kept across a step-down: the barrier may still win). */
export function answerBarrierReads(ctx: ProtocolContext, s: PaxosState, applied: number[]): void {
  for (const slot of applied) {
    const e = s.learner.log[slot]
    if (e.kind !== 'read' || !(e.id in s.pendingReads)) continue
    const origin = s.pendingReads[e.id]
    delete s.pendingReads[e.id]
    answerRead(ctx, s, e.id, origin, false)
  }
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
