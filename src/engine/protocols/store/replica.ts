import type { ProtocolContext } from '../protocol'
import { groupClient, type GroupMember } from '../paxos/group'
import { decodeCommand, encodeCommand, type ShardCommand } from './commands'
import type { StoreConfig } from './config'
import { emit } from './events'
import type { StoreMessageKind, StoreMessages } from './messages'
import { applyCommand, type ShardState } from './shard'
import type { StoreState } from './state'

/**
 * A node as a replica of its shards: the applied log becomes the shard's state (shard.ts), and
 * what the leader owes others when an entry applies — a vote to the coordinator — goes out here.
 */

export function send<K extends StoreMessageKind>(
  ctx: ProtocolContext,
  to: string,
  kind: K,
  body: StoreMessages[K],
): void {
  ctx.send(to, kind, body)
}

/** Send to every member of a shard: whichever is its leader answers (no leader hint to go stale). */
export function sendToShard<K extends StoreMessageKind>(
  ctx: ProtocolContext,
  cfg: StoreConfig,
  shard: number,
  kind: K,
  body: StoreMessages[K],
): void {
  for (const m of cfg.groups[shard].members) send(ctx, m, kind, body)
}

export function memberOf(s: StoreState, shard: number): GroupMember | undefined {
  return s.groups.find((g) => g.group === shard)
}

/** This node leads `shard`'s group now, as far as it knows. */
export function leads(s: StoreState, shard: number): boolean {
  return memberOf(s, shard)?.state.role === 'leader'
}

/** Hand a command to the shard's group for its log (this node must be a member). */
export function propose(
  ctx: ProtocolContext,
  s: StoreState,
  shard: number,
  cmd: ShardCommand,
): void {
  const g = memberOf(s, shard)
  if (g) groupClient(ctx, g, { op: 'propose', value: encodeCommand(cmd) })
}

/** Apply whatever the group's learner has applied since last time, in slot order. */
export function applyLearned(
  ctx: ProtocolContext,
  s: StoreState,
  g: GroupMember,
  onApplied: (st: ShardState, cmd: ShardCommand) => void,
): void {
  const st = s.shards.get(g.group)
  if (!st) return
  const l = g.state.learner
  while (st.applied < l.prefix) {
    const entry = l.log[st.applied++]
    const cmd = entry?.kind === 'value' ? decodeCommand(entry.value) : null
    if (!cmd) continue
    const r = applyCommand(st, cmd)
    if (r && 'txn' in r) {
      const rec = st.txns.get(r.txn)
      emit(ctx, 'shardApplied', {
        txn: r.txn,
        shard: g.group,
        outcome: r.outcome,
        ts: r.ts,
        writes: rec?.status === 'prepared' ? Object.keys(rec.writes) : [],
      })
    }
    onApplied(st, cmd)
  }
}
