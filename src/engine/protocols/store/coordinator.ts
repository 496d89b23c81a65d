import type { ProtocolContext } from '../protocol'
import { keyShard, type StoreConfig } from './config'
import { emit } from './events'
import type { StoreMessages } from './messages'
import { sendToShard } from './replica'
import type { CoordTxn, StoreState } from './state'
import { commitWaitLeft, epsilonOf, timestampNow } from './timestamps'

/**
 * The coordinator of a read-write transaction (docs/transactions.md): read at the shard
 * leaders, send prepare to every shard touched, collect the votes, wait out ε if commit-wait is
 * on, tell the client, and have every participant log the decision. With plain 2PC the
 * decision lives only here (durably); with Paxos Commit the participants' logs decide it.
 */

/** 2PC's durable record per transaction: its participants and the decision once made. */
type Durable2pc = Record<
  string,
  { participants: number[]; decision: { commit: boolean; ts: number } | null }
>
const DURABLE_KEY = 'coordinator'

function records(ctx: ProtocolContext): Durable2pc {
  return ctx.durable.get<Durable2pc>(DURABLE_KEY) ?? Object.create(null)
}

function writeRecord(ctx: ProtocolContext, txn: string, r: Durable2pc[string] | null): void {
  const all = { ...records(ctx) }
  if (r) all[txn] = r
  else delete all[txn]
  ctx.durable.set(DURABLE_KEY, all)
}

export function beginTxn(
  ctx: ProtocolContext,
  s: StoreState,
  cfg: StoreConfig,
  op: { id: string; reads: string[]; writes: Record<string, string> },
): void {
  if (s.coord.has(op.id)) return
  const keys = [...op.reads, ...Object.keys(op.writes)]
  const participants = [...new Set(keys.map((k) => keyShard(cfg, k)))].sort((a, b) => a - b)
  const t: CoordTxn = {
    id: op.id,
    reads: op.reads,
    writes: op.writes,
    participants,
    phase: 'read',
    values: {},
    votes: {},
    minTs: null,
    ts: null,
    commit: false,
    acked: [],
    sentAt: ctx.now(),
    timer: null,
  }
  s.coord.set(op.id, t)
  emit(ctx, 'txnBegin', {
    txn: op.id,
    reads: op.reads,
    writes: Object.keys(op.writes),
    shards: participants,
    vector: ctx.logical.tick().vector,
  })
  if (op.reads.length === 0) return prepare(ctx, cfg, t)
  sendReads(ctx, cfg, t)
}

function readShards(cfg: StoreConfig, t: CoordTxn): Map<number, string[]> {
  const by = new Map<number, string[]>()
  for (const k of t.reads) {
    const g = keyShard(cfg, k)
    by.set(g, [...(by.get(g) ?? []), k])
  }
  return by
}

function sendReads(ctx: ProtocolContext, cfg: StoreConfig, t: CoordTxn): void {
  t.sentAt = ctx.now()
  for (const [shard, keys] of readShards(cfg, t))
    if (!(shard in t.values)) sendToShard(ctx, cfg, shard, 'txnRead', { txn: t.id, shard, keys })
}

export function onReadReply(
  ctx: ProtocolContext,
  s: StoreState,
  m: StoreMessages['txnReadReply'],
  cfg: StoreConfig,
): void {
  const t = s.coord.get(m.txn)
  if (!t || t.phase !== 'read' || m.shard in t.values) return
  if (m.conflict !== null) return abort(ctx, s, cfg, t, m.conflict)
  t.values[m.shard] = m.values
  if ([...readShards(cfg, t).keys()].every((g) => g in t.values)) prepare(ctx, cfg, t)
}

/** Reads done: fix the timestamp's lower bound and ask every participant to vote. */
function prepare(ctx: ProtocolContext, cfg: StoreConfig, t: CoordTxn): void {
  t.phase = 'prepare'
  const minTs = timestampNow(ctx, cfg)
  if (minTs === null) return // truetime with ε unknown yet: the retry tick tries again
  t.minTs = minTs
  if (cfg.commitProtocol === '2pc')
    writeRecord(ctx, t.id, { participants: t.participants, decision: null })
  emit(ctx, 'txnPrepare', { txn: t.id, minTs })
  sendPrepares(ctx, cfg, t)
}

function sendPrepares(ctx: ProtocolContext, cfg: StoreConfig, t: CoordTxn): void {
  t.sentAt = ctx.now()
  for (const shard of t.participants) {
    if (shard in t.votes) continue
    const reads: Record<string, number | null> = {}
    for (const k of t.reads)
      if (keyShard(cfg, k) === shard) reads[k] = t.values[shard]?.[k]?.ts ?? null
    const writes: Record<string, string> = {}
    for (const k in t.writes) if (keyShard(cfg, k) === shard) writes[k] = t.writes[k]
    sendToShard(ctx, cfg, shard, 'txnPrepare', {
      c: 'prepare',
      txn: t.id,
      shard,
      ts: t.minTs ?? 0,
      reads,
      writes,
      coordinator: ctx.nodeId,
      participants: t.participants,
    })
  }
}

export function onVote(
  ctx: ProtocolContext,
  s: StoreState,
  m: StoreMessages['txnVote'],
  cfg: StoreConfig,
): void {
  const t = s.coord.get(m.txn)
  if (!t || t.phase !== 'prepare' || m.shard in t.votes) return
  t.votes[m.shard] = m.yes ? m.ts : null
  if (!m.yes) return abort(ctx, s, cfg, t, `shard ${m.shard} voted no`)
  if (!t.participants.every((g) => t.votes[g] !== undefined)) return
  // Every participant said yes: the transaction commits at the largest prepare timestamp.
  let ts = -Infinity
  for (const g of t.participants) ts = Math.max(ts, t.votes[g] ?? -Infinity)
  t.ts = ts
  t.commit = true
  if (cfg.timestamps === 'hlc') ctx.logical.observe(ts)
  if (!cfg.commitWait) return finishCommit(ctx, cfg, t)
  t.phase = 'commitWait'
  emit(ctx, 'txnCommitWait', { txn: t.id, ts, epsilon: epsilonOf(ctx, cfg) })
  waitOut(ctx, cfg, t)
}

/** Commit-wait: check again when the local clock should read ts + ε (ε may change meanwhile). */
function waitOut(ctx: ProtocolContext, cfg: StoreConfig, t: CoordTxn): void {
  const left = commitWaitLeft(ctx, cfg, t.ts ?? 0)
  if (left !== null && left < 0) return finishCommit(ctx, cfg, t)
  // unknown ε: look again after a retry interval; else just past the instant it should end
  t.timer = ctx.setTimer(left === null ? cfg.retry : left + justPast(ctx.now()), `wait:${t.id}`)
}

/**
 * A nanosecond, or on a clock reading far from zero a few units in its last place: 1e-9 s added
 * to a reading of 5e8 s (ulp 6e-8 s) left it unchanged, and the wait re-fired at the same instant.
 */
const justPast = (reading: number): number => Math.max(1e-9, 4 * Number.EPSILON * Math.abs(reading))

export function onWaitTimer(
  ctx: ProtocolContext,
  s: StoreState,
  txn: string,
  cfg: StoreConfig,
): void {
  const t = s.coord.get(txn)
  if (!t || t.phase !== 'commitWait') return
  t.timer = null
  waitOut(ctx, cfg, t)
}

function finishCommit(ctx: ProtocolContext, cfg: StoreConfig, t: CoordTxn): void {
  const ts = t.ts ?? 0
  if (cfg.commitProtocol === '2pc')
    writeRecord(ctx, t.id, { participants: t.participants, decision: { commit: true, ts } })
  const reads: Record<string, string | null> = {}
  const readTs: Record<string, number | null> = {}
  for (const k of t.reads) {
    const v = t.values[keyShard(cfg, k)]?.[k] ?? null
    reads[k] = v ? v.value : null
    readTs[k] = v ? v.ts : null
  }
  emit(ctx, 'txnCommitted', { txn: t.id, ts, reads, readTs, vector: ctx.logical.tick().vector })
  t.phase = 'decide'
  sendDecides(ctx, cfg, t)
}

function abort(ctx: ProtocolContext, s: StoreState, cfg: StoreConfig, t: CoordTxn, reason: string) {
  emit(ctx, 'txnAborted', { txn: t.id, reason })
  // Nothing was prepared yet (a read conflict): no participant holds anything to release.
  if (t.phase === 'read') {
    s.coord.delete(t.id)
    return
  }
  if (cfg.commitProtocol === '2pc')
    writeRecord(ctx, t.id, { participants: t.participants, decision: { commit: false, ts: 0 } })
  t.phase = 'decide'
  t.commit = false
  sendDecides(ctx, cfg, t)
}

function sendDecides(ctx: ProtocolContext, cfg: StoreConfig, t: CoordTxn): void {
  t.sentAt = ctx.now()
  for (const shard of t.participants)
    if (!t.acked.includes(shard))
      sendToShard(ctx, cfg, shard, 'txnDecide', {
        txn: t.id,
        shard,
        commit: t.commit,
        ts: t.ts ?? 0,
      })
}

export function onDecided(
  ctx: ProtocolContext,
  s: StoreState,
  m: StoreMessages['txnDecided'],
  cfg: StoreConfig,
): void {
  const t = s.coord.get(m.txn)
  if (!t || t.phase !== 'decide' || t.acked.includes(m.shard)) return
  t.acked.push(m.shard)
  if (t.participants.every((g) => t.acked.includes(g))) {
    s.coord.delete(t.id)
    if (cfg.commitProtocol === '2pc') writeRecord(ctx, t.id, null)
  }
}

/** The retry tick: ask again whatever went unanswered for a retry interval. */
export function retryCoordinated(ctx: ProtocolContext, s: StoreState, cfg: StoreConfig): void {
  const due = ctx.now() - cfg.retry
  for (const t of s.coord.values()) {
    if (t.phase === 'prepare' && t.minTs === null) prepare(ctx, cfg, t)
    else if (t.phase === 'commitWait' || t.sentAt > due) continue
    else if (t.phase === 'read') sendReads(ctx, cfg, t)
    else if (t.phase === 'prepare') sendPrepares(ctx, cfg, t)
    else sendDecides(ctx, cfg, t)
  }
}

/**
 * A restarted 2PC coordinator reads its log: a decision made is sent again; a transaction
 * prepared but undecided is aborted (presumed abort) — the participants were blocked until now.
 */
export function recoverCoordinator(ctx: ProtocolContext, s: StoreState, cfg: StoreConfig): void {
  const all = records(ctx)
  for (const txn in all) {
    const r = all[txn]
    const decision = r.decision ?? { commit: false, ts: 0 }
    if (!r.decision) {
      writeRecord(ctx, txn, { participants: r.participants, decision })
      emit(ctx, 'txnAborted', { txn, reason: 'coordinator restarted before deciding' })
    }
    const t: CoordTxn = {
      id: txn,
      reads: [],
      writes: {},
      participants: r.participants,
      phase: 'decide',
      values: {},
      votes: {},
      minTs: 0,
      ts: decision.ts,
      commit: decision.commit,
      acked: [],
      sentAt: ctx.now(),
      timer: null,
    }
    s.coord.set(txn, t)
    sendDecides(ctx, cfg, t)
  }
}
