import type { ClientOp, ProtocolContext } from '../protocol'
import type { PaxosConfig } from './config'
import { initPaxos, paxos, paxosMessage, paxosTimer } from './paxos'
import type { PaxosState } from './state'

/**
 * Multi-Paxos as one of several independent groups run by the same nodes — one group per shard
 * of a sharded store. A group sees the node through a context of its own: its messages carry
 * its index (`{ group, body }`, the kind unchanged so views draw them as Paxos), its timer keys
 * and durable keys are prefixed with it, and its events carry `group`, so two groups on one
 * node never touch each other's acceptor record, log or timers.
 */
interface GroupBody {
  group: number
  body: unknown
}

const SEP = ':'

function groupContext(ctx: ProtocolContext, group: number): ProtocolContext {
  const prefix = `${group}${SEP}`
  return {
    ...ctx,
    send: (to, kind, body) => ctx.send(to, kind, { group, body } satisfies GroupBody),
    setTimer: (delay, key) => ctx.setTimer(delay, prefix + key),
    durable: {
      get: (key) => ctx.durable.get(prefix + key),
      set: (key, value) => ctx.durable.set(prefix + key, value),
    },
    emit: (event, data) => ctx.emit(event, { ...data, group }),
  }
}

/** The group a tagged message belongs to, or null for a message that is not a group's. */
function groupOfMessage(body: unknown): GroupBody | null {
  if (typeof body !== 'object' || body === null || !('group' in body) || !('body' in body))
    return null
  return typeof body.group === 'number' ? { group: body.group, body: body.body } : null
}

/** Split a group timer key "2:election" into the group and the Paxos key; null if not one. */
function groupOfTimer(key: string): { group: number; key: string } | null {
  const i = key.indexOf(SEP)
  if (i <= 0) return null
  const group = Number(key.slice(0, i))
  return Number.isInteger(group) ? { group, key: key.slice(i + 1) } : null
}

/** The group named in an emitted event's data, or null for an event of no group. */
export function groupOfEvent(data: Record<string, unknown> | undefined): number | null {
  return typeof data?.group === 'number' ? data.group : null
}

/**
 * One node's share of several groups: per group it belongs to, the group's configuration and
 * its Paxos state. `step` results tell the host which group moved, so it can read new entries.
 */
export interface GroupMember {
  group: number
  cfg: PaxosConfig
  state: PaxosState
}

/** Deliver a tagged message to its group; returns the group that stepped, or null. */
export function groupMessage(
  ctx: ProtocolContext,
  member: readonly GroupMember[],
  from: string,
  kind: string,
  body: unknown,
): GroupMember | null {
  const tagged = groupOfMessage(body)
  const g = tagged && member.find((m) => m.group === tagged.group)
  if (!tagged || !g) return null
  paxosMessage(groupContext(ctx, g.group), g.state, from, kind, tagged.body, g.cfg)
  return g
}

/** Fire a group's timer; returns the group that stepped, or null. */
export function groupTimer(
  ctx: ProtocolContext,
  member: readonly GroupMember[],
  key: string,
): GroupMember | null {
  const t = groupOfTimer(key)
  const g = t && member.find((m) => m.group === t.group)
  if (!t || !g) return null
  paxosTimer(groupContext(ctx, g.group), g.state, t.key, g.cfg)
  return g
}

/** Start (or restart) this node's share of group `group`. */
export function startGroup(ctx: ProtocolContext, group: number, cfg: PaxosConfig): GroupMember {
  return { group, cfg, state: initPaxos(groupContext(ctx, group), cfg) }
}

/** A client operation on one group: a command for its log, or a linearizable read. */
export function groupClient(ctx: ProtocolContext, g: GroupMember, op: ClientOp): void {
  paxos.onClient?.(groupContext(ctx, g.group), g.state, op, g.cfg)
}
