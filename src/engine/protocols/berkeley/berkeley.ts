import type { ProtocolContext, ProtocolDef } from '../protocol'
import { clockSyncParams } from '../ntp/config'
import { faultTolerantAverage } from './average'
import { boundSinceSync } from '../../clock/errorBound'

/**
 * Berkeley's TEMPO (Gusella & Zatti, 1989; docs/algorithms.md §3). A master polls every node, itself
 * included (its own offset is 0), estimates each node's offset Cristian-style (the reading plus
 * half the round trip), takes a fault-tolerant average (./average.ts), and sends each node its
 * own signed adjustment, not an absolute time: by the time it arrives an absolute time would be
 * stale, a relative correction is not. Nodes slew (or step beyond the step threshold).
 * It aims at precision (agreement), not accuracy: nothing ties the average to true time.
 *
 * Readings whose round trip exceeds `maxRtt` are not used (their ±RTT/2 error is too wide to
 * judge), nor are missing replies; those nodes get no adjustment that round. Reference nodes
 * take part in the average but do not move: their clocks are defined as true time.
 */
export interface BerkeleyConfig {
  master: string
  members: string[]
  pollInterval: number
  outlierBound: number
  maxRtt: number
  stepThreshold: number
  maxSlewPpm: number
}

export type EstimateStatus = 'used' | 'outlier' | 'noReply' | 'slow'

export interface BerkeleyEstimate {
  node: string
  /** node − master (s), null without a reply */
  offset: number | null
  rtt: number | null
  status: EstimateStatus
}

export interface BerkeleyRound {
  round: number
  estimates: BerkeleyEstimate[]
  /** the agreed offset relative to the master's clock */
  average: number
  adjustments: { node: string; by: number }[]
}

export interface BerkeleyState {
  isMaster: boolean
  round: number
  /** master: the round being collected (query send times and replies per node) */
  pending: {
    round: number
    sent: Map<string, number>
    replies: Map<string, { offset: number; rtt: number }>
    timer: number
  } | null
  /** master: the last completed round */
  last: BerkeleyRound | null
  /** the last adjustment this node applied */
  adjustment: {
    by: number
    mode: 'step' | 'slew' | 'none'
    round: number
    /** the master's bound on this node's distance from true time after the adjustment (s) */
    bound: number
    /** local time the adjustment applied at (after it, for a step) */
    at: number
  } | null
}

const QUERY = 'berkeleyQuery'
const REPLY = 'berkeleyReply'
const ADJUST = 'berkeleyAdjust'

/** Defaults (docs/scenario-format.md): outliers are 0.1 s away; a reading is too slow to trust past 2 × that. */
const DEFAULT_OUTLIER_BOUND = 0.1

function apply(
  ctx: ProtocolContext,
  s: BerkeleyState,
  cfg: BerkeleyConfig,
  by: number,
  round: number,
  bound: number,
): void {
  if (ctx.isReference) {
    // a reference clock is true time: the runtime reports its bound, nothing to keep here
    s.adjustment = { by, mode: 'none', round, bound: 0, at: 0 }
    return
  }
  const step = cfg.stepThreshold > 0 && Math.abs(by) > cfg.stepThreshold
  if (step) ctx.clock.step(by)
  else ctx.clock.slew(by, cfg.maxSlewPpm)
  s.adjustment = { by, mode: step ? 'step' : 'slew', round, bound, at: ctx.now() }
  ctx.emit(step ? 'clockStep' : 'slew', { by, round })
}

function finishRound(ctx: ProtocolContext, s: BerkeleyState, cfg: BerkeleyConfig): void {
  const p = s.pending
  if (!p) return
  s.pending = null
  ctx.cancelTimer(p.timer)
  const estimates: BerkeleyEstimate[] = cfg.members.map((node) => {
    if (node === ctx.nodeId) return { node, offset: 0, rtt: 0, status: 'used' }
    const r = p.replies.get(node)
    if (!r) return { node, offset: null, rtt: null, status: 'noReply' }
    return { node, offset: r.offset, rtt: r.rtt, status: r.rtt > cfg.maxRtt ? 'slow' : 'used' }
  })
  const valid = estimates.filter((e) => e.status === 'used')
  const agreement = faultTolerantAverage(
    valid.map((e) => ({ node: e.node, offset: e.offset as number })),
    cfg.outlierBound,
    ctx.nodeId,
  )
  for (const e of valid) if (agreement.outliers.includes(e.node)) e.status = 'outlier'
  const adjustments = valid.map((e) => ({
    node: e.node,
    by: agreement.average - (e.offset as number),
  }))
  s.last = { round: p.round, estimates, average: agreement.average, adjustments }
  ctx.emit('berkeleyRound', {
    round: p.round,
    average: agreement.average,
    used: agreement.used,
    outliers: agreement.outliers,
    ignored: estimates
      .filter((e) => e.status === 'noReply' || e.status === 'slow')
      .map((e) => e.node),
  })
  // Berkeley's bound: the reading error (RTT/2) of this node's estimate, plus how far the clocks
  // that formed the average lay from it. That bounds the distance to true time only when a
  // reference clock took part in the average: Berkeley aims at precision, not accuracy.
  let spread = 0
  for (const e of valid)
    if (e.status === 'used')
      spread = Math.max(
        spread,
        Math.abs((e.offset as number) - agreement.average) + (e.rtt as number) / 2,
      )
  const rttOf = new Map(valid.map((e) => [e.node, e.rtt as number]))
  for (const a of adjustments) {
    const bound = (rttOf.get(a.node) ?? 0) / 2 + spread
    if (a.node === ctx.nodeId) apply(ctx, s, cfg, a.by, p.round, bound)
    else ctx.send(a.node, ADJUST, { round: p.round, by: a.by, bound })
  }
}

function startRound(ctx: ProtocolContext, s: BerkeleyState, cfg: BerkeleyConfig): void {
  finishRound(ctx, s, cfg) // a round still open when the next is due ends with what it has
  s.round++
  const sent = new Map<string, number>()
  for (const node of cfg.members) {
    if (node === ctx.nodeId) continue
    sent.set(node, ctx.now())
    ctx.send(node, QUERY, { round: s.round })
  }
  s.pending = {
    round: s.round,
    sent,
    replies: new Map(),
    timer: ctx.setTimer(cfg.maxRtt, 'collect'),
  }
  if (cfg.members.length === 1) finishRound(ctx, s, cfg)
}

export const berkeley: ProtocolDef<BerkeleyState, BerkeleyConfig> = {
  name: 'berkeley',
  errorBound: (s, clock) =>
    s.adjustment ? boundSinceSync(clock, s.adjustment.at, s.adjustment.bound) : null,
  configure(scenario) {
    const cs = scenario.clockSync
    if (!cs || cs.algorithm !== 'berkeley') return null
    const p = clockSyncParams(cs)
    const members = scenario.nodes.map((n) => n.id)
    const outlierBound = cs.outlierBound ?? DEFAULT_OUTLIER_BOUND
    return {
      members,
      config: {
        master: cs.master ?? members[0],
        members,
        pollInterval: p.pollInterval,
        outlierBound,
        maxRtt: cs.maxRtt ?? 2 * outlierBound,
        stepThreshold: p.stepThreshold,
        maxSlewPpm: p.maxSlewPpm,
      },
    }
  },
  init(ctx, cfg) {
    const isMaster = ctx.nodeId === cfg.master
    if (isMaster) ctx.setTimer(ctx.random() * Math.min(1, cfg.pollInterval), 'round')
    return { isMaster, round: 0, pending: null, last: null, adjustment: null }
  },
  onTimer(ctx, s, key, cfg) {
    if (!s.isMaster) return
    if (key === 'round') {
      startRound(ctx, s, cfg)
      ctx.setTimer(cfg.pollInterval, 'round')
    } else if (key === 'collect') {
      finishRound(ctx, s, cfg)
    }
  },
  onMessage(ctx, s, from, kind, body, cfg) {
    if (kind === QUERY) {
      ctx.send(from, REPLY, { round: (body as { round: number }).round, time: ctx.serveTime() })
    } else if (kind === ADJUST) {
      if (from !== cfg.master) return
      const adj = body as { round: number; by: number; bound: number }
      apply(ctx, s, cfg, adj.by, adj.round, adj.bound)
    } else if (kind === REPLY && s.isMaster) {
      const reply = body as { round: number; time: number }
      const p = s.pending
      const sentAt = p?.sent.get(from)
      if (!p || reply.round !== p.round || sentAt === undefined || p.replies.has(from)) return
      const t4 = ctx.now()
      const rtt = t4 - sentAt
      // Cristian: the node read `time` about RTT/2 before we got it
      p.replies.set(from, { offset: reply.time + rtt / 2 - t4, rtt })
      if (p.replies.size === p.sent.size) finishRound(ctx, s, cfg)
    }
  },
}
