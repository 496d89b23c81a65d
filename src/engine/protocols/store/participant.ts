import type { ProtocolContext } from '../protocol'
import type { ShardCommand } from './commands'
import type { StoreConfig } from './config'
import { emit } from './events'
import type { ReadValue, StoreMessages } from './messages'
import { leads, propose, send, sendToShard } from './replica'
import { latestVersion, writeLocker, type ShardState } from './shard'
import type { Recovery, StoreState } from './state'
import { commitWaitLeft } from './timestamps'

/**
 * A shard's leader as a participant (docs/transactions.md): it serves a transaction's reads,
 * logs its vote and the decision through the shard's group, and — with Paxos Commit — finds the
 * outcome itself when the coordinator falls silent (Gray & Lamport, "Consensus on Transaction
 * Commit", §4: the first of prepare/abort in each participant's log decides its vote).
 */

const askKey = (shard: number, txn: string) => `${shard}/${txn}`

export function onRead(
  ctx: ProtocolContext,
  s: StoreState,
  from: string,
  m: StoreMessages['txnRead'],
): void {
  const st = s.shards.get(m.shard)
  if (!st || !leads(s, m.shard)) return
  const values: Record<string, ReadValue> = {}
  let conflict: string | null = null
  for (const k of m.keys) {
    const locker = writeLocker(st, k, m.txn)
    // no-wait locking: a key a prepared transaction will write cannot be read now
    if (locker !== null) conflict = `${k} is locked by ${locker}`
    const v = latestVersion(st, k)
    values[k] = v ? { value: v.value, ts: v.ts } : null
  }
  send(ctx, from, 'txnReadReply', { txn: m.txn, shard: m.shard, values, conflict })
}

export function onPrepare(
  ctx: ProtocolContext,
  s: StoreState,
  from: string,
  m: StoreMessages['txnPrepare'],
): void {
  const st = s.shards.get(m.shard)
  if (!st || !leads(s, m.shard)) return
  const r = st.txns.get(m.txn)
  if (r) {
    const ts = r.status === 'prepared' || r.status === 'committed' ? r.ts : null
    send(ctx, from, 'txnVote', { txn: m.txn, shard: m.shard, yes: ts !== null, ts })
    return
  }
  // The vote's timestamp is the coordinator's bound, raised above everything this shard has
  // assigned when it applies (shard.ts prepareTs): only the coordinator's clock is read.
  const { shard: _shard, ...cmd } = m
  propose(ctx, s, m.shard, cmd)
}

export function onDecide(
  ctx: ProtocolContext,
  s: StoreState,
  from: string,
  m: StoreMessages['txnDecide'],
): void {
  const st = s.shards.get(m.shard)
  if (!st || !leads(s, m.shard)) return
  const r = st.txns.get(m.txn)
  if (
    r?.status === 'committed' ||
    r?.status === 'aborted' ||
    (r?.status === 'refused' && !m.commit)
  ) {
    send(ctx, from, 'txnDecided', { txn: m.txn, shard: m.shard })
    return
  }
  const key = askKey(m.shard, m.txn)
  const askers = s.deciders.get(key) ?? []
  if (!askers.includes(from)) s.deciders.set(key, [...askers, from])
  propose(ctx, s, m.shard, { c: 'decide', txn: m.txn, commit: m.commit, ts: m.ts })
}

/** Paxos Commit recovery's question: this shard's vote, or — none logged yet — a refusal for the log. */
export function onQuery(
  ctx: ProtocolContext,
  s: StoreState,
  from: string,
  m: StoreMessages['txnQuery'],
): void {
  const st = s.shards.get(m.shard)
  if (!st) return
  const r = st.txns.get(m.txn)
  if (r) {
    const ts = r.status === 'prepared' || r.status === 'committed' ? r.ts : null
    send(ctx, from, 'txnVoteInfo', { txn: m.txn, shard: m.shard, status: r.status, ts })
    return
  }
  if (leads(s, m.shard)) propose(ctx, s, m.shard, { c: 'refuse', txn: m.txn })
}

/** What the leader owes once an entry applied: the vote to the coordinator, decision acks. */
export function afterApply(
  ctx: ProtocolContext,
  s: StoreState,
  st: ShardState,
  cmd: ShardCommand,
): void {
  if (cmd.c === 'floor' || !leads(s, st.shard)) return
  const r = st.txns.get(cmd.txn)
  if (cmd.c === 'prepare' && r && (r.status === 'prepared' || r.status === 'refused'))
    send(ctx, cmd.coordinator, 'txnVote', {
      txn: cmd.txn,
      shard: st.shard,
      yes: r.status === 'prepared',
      ts: r.status === 'prepared' ? r.ts : null,
    })
  if (cmd.c === 'decide') {
    const key = askKey(st.shard, cmd.txn)
    for (const to of s.deciders.get(key) ?? [])
      send(ctx, to, 'txnDecided', { txn: cmd.txn, shard: st.shard })
    s.deciders.delete(key)
  }
}

/**
 * The recovery tick at a shard leader. Paxos Commit: a transaction prepared here and undecided
 * for `recoverAfter` has its votes gathered by this leader. 2PC: nothing to do — only the
 * coordinator may decide, so the participant waits (blocked) holding its locks.
 */
export function recoverStalled(ctx: ProtocolContext, s: StoreState, cfg: StoreConfig): void {
  const now = ctx.now()
  for (const [shard, st] of s.shards) {
    if (!leads(s, shard)) continue
    for (const txn of st.prepared.keys()) {
      const key = askKey(shard, txn)
      const since = s.preparedSince.get(key)
      if (since === undefined) s.preparedSince.set(key, now)
      else if (
        cfg.commitProtocol === 'paxos-commit' &&
        now - since > cfg.recoverAfter &&
        !s.recovering.has(txn)
      )
        startRecovery(ctx, s, cfg, st, txn)
    }
  }
  for (const key of s.preparedSince.keys()) {
    const [shard, txn] = [Number(key.slice(0, key.indexOf('/'))), key.slice(key.indexOf('/') + 1)]
    if (!s.shards.get(shard)?.prepared.has(txn)) s.preparedSince.delete(key)
  }
  for (const rec of s.recovering.values()) driveRecovery(ctx, s, cfg, rec, now - cfg.retry)
}

function startRecovery(
  ctx: ProtocolContext,
  s: StoreState,
  cfg: StoreConfig,
  st: ShardState,
  txn: string,
) {
  const r = st.txns.get(txn)
  if (r?.status !== 'prepared') return
  emit(ctx, 'txnRecover', { txn, shard: st.shard })
  const rec: Recovery = {
    txn,
    shard: st.shard,
    participants: r.participants,
    status: { [st.shard]: 'prepared' },
    ts: { [st.shard]: r.ts },
    decision: null,
    sentAt: -Infinity,
  }
  s.recovering.set(txn, rec)
  driveRecovery(ctx, s, cfg, rec, Infinity)
}

export function onVoteInfo(
  ctx: ProtocolContext,
  s: StoreState,
  m: StoreMessages['txnVoteInfo'],
  cfg: StoreConfig,
): void {
  const rec = s.recovering.get(m.txn)
  if (!rec || rec.decision || m.shard in rec.status) return
  rec.status[m.shard] = m.status
  rec.ts[m.shard] = m.ts
  driveRecovery(ctx, s, cfg, rec, Infinity)
}

/** Ask what is unknown, decide when all is known, then send it — again only if the last send was at or before `due` (local). */
function driveRecovery(
  ctx: ProtocolContext,
  s: StoreState,
  cfg: StoreConfig,
  rec: Recovery,
  due: number,
) {
  const own = s.shards.get(rec.shard)?.txns.get(rec.txn)
  if (!own || own.status === 'committed' || own.status === 'aborted') {
    s.recovering.delete(rec.txn) // decided meanwhile, by the coordinator or by us
    return
  }
  if (!rec.decision) {
    const statuses = rec.participants.map((g) => rec.status[g])
    const committedAt = rec.participants.find((g) => rec.status[g] === 'committed')
    if (statuses.some((x) => x === 'refused' || x === 'aborted'))
      rec.decision = { commit: false, ts: 0 }
    else if (committedAt !== undefined)
      rec.decision = { commit: true, ts: rec.ts[committedAt] ?? 0 }
    else if (statuses.every((x) => x === 'prepared')) {
      let ts = -Infinity
      for (const g of rec.participants) ts = Math.max(ts, rec.ts[g] ?? -Infinity)
      rec.decision = { commit: true, ts }
    }
  }
  if (rec.sentAt > due) return
  rec.sentAt = ctx.now()
  if (!rec.decision) {
    for (const g of rec.participants)
      if (!(g in rec.status)) sendToShard(ctx, cfg, g, 'txnQuery', { txn: rec.txn, shard: g })
    return
  }
  // A recovered commit is made visible only once its timestamp has surely passed, as the
  // coordinator's would have been (commit-wait).
  const d = rec.decision
  if (d.commit && cfg.commitWait) {
    const left = commitWaitLeft(ctx, cfg, d.ts)
    if (left === null || left >= 0) {
      rec.sentAt = -Infinity // look again on the next tick
      return
    }
  }
  for (const g of rec.participants) {
    if (g === rec.shard)
      propose(ctx, s, g, { c: 'decide', txn: rec.txn, commit: d.commit, ts: d.ts })
    else
      sendToShard(ctx, cfg, g, 'txnDecide', { txn: rec.txn, shard: g, commit: d.commit, ts: d.ts })
  }
}
