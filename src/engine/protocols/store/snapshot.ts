import type { ProtocolContext } from '../protocol'
import { keyShard, type StoreConfig } from './config'
import { emit } from './events'
import type { ReadValue, StoreMessages } from './messages'
import { leads, memberOf, propose, send } from './replica'
import { safeTime, versionAt } from './shard'
import type { StoreState } from './state'
import { timestampNow } from './timestamps'

/**
 * Lock-free snapshot reads (Spanner §4.1.3): read every key at one timestamp, from any replica
 * whose safe time has reached it. A replica behind asks its shard's leader to raise the floor —
 * a promise, through the log, that nothing at or below the read's timestamp will be assigned.
 */

export function startSnapshot(
  ctx: ProtocolContext,
  s: StoreState,
  cfg: StoreConfig,
  op: { id: string; keys: string[] },
): void {
  if (s.snaps.has(op.id)) return
  // truetime with ε still unknown reads at the bare clock: nothing better is known
  const ts = timestampNow(ctx, cfg) ?? ctx.now()
  const shards = [...new Set(op.keys.map((k) => keyShard(cfg, k)))].sort((a, b) => a - b)
  s.snaps.set(op.id, { id: op.id, ts, keys: op.keys, shards, replies: {}, sentAt: ctx.now() })
  emit(ctx, 'snapStart', { id: op.id, ts, keys: op.keys })
  for (const shard of shards) askReplica(ctx, s, cfg, op.id, shard)
}

/** This node itself when it replicates the shard, else a replica drawn at random. */
function askReplica(
  ctx: ProtocolContext,
  s: StoreState,
  cfg: StoreConfig,
  id: string,
  shard: number,
) {
  const snap = s.snaps.get(id)
  if (!snap) return
  const keys = snap.keys.filter((k) => keyShard(cfg, k) === shard)
  const body = { id, shard, ts: snap.ts, keys }
  if (memberOf(s, shard)) return onSnapRead(ctx, s, cfg, ctx.nodeId, body)
  const members = cfg.groups[shard].members
  send(ctx, members[Math.floor(ctx.random() * members.length)], 'snapRead', body)
}

export function onSnapRead(
  ctx: ProtocolContext,
  s: StoreState,
  cfg: StoreConfig,
  from: string,
  m: StoreMessages['snapRead'],
): void {
  if (!s.shards.has(m.shard)) return
  const queue = s.waiting.get(m.shard) ?? []
  if (!queue.some((w) => w.id === m.id && w.from === from))
    queue.push({ id: m.id, ts: m.ts, keys: m.keys, from })
  s.waiting.set(m.shard, queue)
  serveWaiting(ctx, s, cfg, m.shard)
}

/** Answer the reads whose timestamp the shard's safe time has reached; ask for the floor the rest need. */
export function serveWaiting(ctx: ProtocolContext, s: StoreState, cfg: StoreConfig, shard: number) {
  const st = s.shards.get(shard)
  const queue = s.waiting.get(shard)
  if (!st || !queue || queue.length === 0) return
  const safe = safeTime(st)
  const rest = []
  let need = -Infinity
  for (const w of queue) {
    if (w.ts > safe) {
      rest.push(w)
      need = Math.max(need, w.ts)
      continue
    }
    const values: Record<string, ReadValue> = {}
    for (const k of w.keys) {
      const v = versionAt(st, k, w.ts)
      values[k] = v ? { value: v.value, ts: v.ts } : null
    }
    const reply = { id: w.id, shard, values }
    if (w.from === ctx.nodeId) onSnapReply(ctx, s, reply)
    else send(ctx, w.from, 'snapReply', reply)
  }
  s.waiting.set(shard, rest)
  // Reads above the floor need the leader's promise; reads waiting on a prepared transaction
  // need its decision, which comes by itself.
  if (need > st.floor && need > (s.floorAsked.get(shard) ?? -Infinity)) {
    s.floorAsked.set(shard, need)
    for (const m of cfg.groups[shard].members)
      if (m === ctx.nodeId) onSafeTime(ctx, s, { shard, ts: need })
      else send(ctx, m, 'safeTime', { shard, ts: need })
  }
}

/** The leader raises the shard's floor through the log. */
export function onSafeTime(ctx: ProtocolContext, s: StoreState, m: StoreMessages['safeTime']) {
  const st = s.shards.get(m.shard)
  if (st && leads(s, m.shard) && m.ts > st.floor) propose(ctx, s, m.shard, { c: 'floor', ts: m.ts })
}

export function onSnapReply(ctx: ProtocolContext, s: StoreState, m: StoreMessages['snapReply']) {
  const snap = s.snaps.get(m.id)
  if (!snap || m.shard in snap.replies) return
  snap.replies[m.shard] = m.values
  if (!snap.shards.every((g) => g in snap.replies)) return
  const values: Record<string, string | null> = {}
  const versions: Record<string, number | null> = {}
  for (const shard of snap.shards)
    for (const k in snap.replies[shard]) {
      const v = snap.replies[shard][k]
      values[k] = v ? v.value : null
      versions[k] = v ? v.ts : null
    }
  emit(ctx, 'snapResult', { id: snap.id, ts: snap.ts, values, versions })
  s.snaps.delete(snap.id)
}

/** The retry tick: reads unanswered for a retry interval ask another replica; replicas ask again. */
export function retrySnapshots(ctx: ProtocolContext, s: StoreState, cfg: StoreConfig): void {
  const due = ctx.now() - cfg.retry
  for (const snap of s.snaps.values()) {
    if (snap.sentAt > due) continue
    snap.sentAt = ctx.now()
    for (const g of snap.shards) if (!(g in snap.replies)) askReplica(ctx, s, cfg, snap.id, g)
  }
  for (const shard of s.waiting.keys()) {
    s.floorAsked.delete(shard) // the leader may have changed: ask the new one
    serveWaiting(ctx, s, cfg, shard)
  }
}
