import type { ProtocolContext, ProtocolDef } from '../protocol'
import { ntpMembers } from '../ntpClients'
import { rateForGain } from '../ntp/discipline'
import { checkReply, completeExchange, REPLY, REQUEST, type NtpReply } from '../ntp/onWire'
import type { Exchange } from '../ntp/peer'
import { answerRequest, type ServedClock } from '../ntp/server'
import { chronyConfig, type ChronyConfig } from './config'
import { createRawClock, rawOf, setGain, steppedBy, type RawClock } from './rawClock'
import { clockEstimate, correctionRate, slewRate } from './reference'
import { selectSource, type Combined, type Source } from './select'
import {
  accumulate,
  createStats,
  doNewRegression,
  predictOffset,
  regularCount,
  resetStats,
} from './sourceStats'

/**
 * chrony's algorithm as an NTP client (chronyd: ntp_core.c, sources.c, sourcestats.c,
 * reference.c, sys_generic.c), on DriftLab's NTP on-wire exchange (ntp/onWire.ts, server.ts).
 *
 * Where ntpd runs each server's samples through an 8-stage clock filter and a PLL/FLL loop,
 * chrony keeps up to 64 samples per source and fits a weighted regression line through the
 * recent ones (sourceStats.ts, regress.ts): its slope is the frequency error, its intercept the
 * offset, its spread the source's jitter. Sources are selected and combined (select.ts); the
 * frequency is corrected at once, by as much as its bound allows against the last one
 * (reference.ts), and the offset slewed at up to 83 333 ppm over a time that grows with the
 * statistics' spread — or stepped (`makestep`).
 *
 * Clock control. The clock is held at a gain over its oscillator (`rateForGain`): the frequency
 * correction `base` plus, while an offset is being slewed, the slew's phase rate. Samples are
 * kept against the raw clock (rawClock.ts), so nothing has to be re-expressed when the clock is
 * corrected. Timers are chrony's scheduler timeouts: a step, ours or someone else's, keeps the
 * time left on them (sched.c shifts its timeouts on every step).
 */

interface PollState {
  /** chrony local_poll and poll_score */
  poll: number
  pollScore: number
  /** requests left of the initial burst (iburst: 4, 2 s apart) */
  burstLeft: number
  /** T1 of the request in flight, with the raw clock and the correction then */
  outstanding: number | null
  sentRaw: number
  sentCorrection: number
  /** the offset still to slew at T1 */
  sentRemaining: number
  lastServerXmt: number | null
  /** requests sent since the last valid reply */
  unanswered: number
  last: Exchange | null
}

type ChronySource = Source & PollState

interface PendingTimer {
  id: number
  /** local reading it is aimed at */
  at: number
}

interface ChronyRef {
  synchronised: boolean
  stratum: number
  /** the selected source, null when none */
  source: string | null
  rootDelay: number
  rootDisp: number
  /** local time of the last update */
  updatedAt: number
  /** chrony our_skew, our_residual_freq, the last offset and its spread, sources combined */
  skew: number
  residual: number
  offset: number
  offsetSd: number
  combined: number
  updates: number
}

export interface ChronyState {
  isReference: boolean
  precision: number
  sources: ChronySource[]
  selected: number | null
  raw: RawClock
  /** frequency correction (gain) and the slew: a frequency offset σ against it */
  base: number
  slew: number
  /** offset still to slew away (positive = ahead), charged up to local `accruedAt` */
  remaining: number
  accruedAt: number
  corrRate: number
  /** updates left in which makestep may step (−1: unlimited) */
  makestepLeft: number
  ref: ChronyRef
  noMajority: boolean
  timers: Record<string, PendingTimer>
  last: Exchange | null
}

const SLEW = 'slew'
const pollKey = (i: number) => `poll:${i}`
const BURST_SPACING = 2
const BURST_PACKETS = 4

function setTimer(ctx: ProtocolContext, s: ChronyState, key: string, delay: number): void {
  const old = s.timers[key]
  if (old) ctx.cancelTimer(old.id)
  s.timers[key] = { id: ctx.setTimer(delay, key), at: ctx.now() + delay }
}

/** A step moved the clock by `by`: every timeout keeps the time it had left. */
function shiftTimers(ctx: ProtocolContext, s: ChronyState, by: number): void {
  const now = ctx.now()
  for (const [key, t] of Object.entries(s.timers)) {
    ctx.cancelTimer(t.id)
    t.at += by
    t.id = ctx.setTimer(Math.max(0, t.at - now), key)
  }
}

/** The clock's current reading minus the raw clock's: what this client has corrected so far. */
function correction(s: ChronyState, local: number): number {
  return local - rawOf(s.raw, local)
}

/**
 * The slew's phase per local second. chrony's slew is a frequency offset σ against the
 * corrected clock's rate (sys_generic.c), so the clock gains σ per true second of that clock,
 * σ/(1 + σ) per second of its own.
 */
function slewPhase(s: ChronyState): number {
  return s.slew / (1 + s.slew)
}

/** Charge the slew's phase since the last charge to the offset still to correct. */
function accrue(s: ChronyState, local: number): void {
  const elapsed = local - s.accruedAt
  if (elapsed > 0) s.remaining += slewPhase(s) * elapsed
  s.accruedAt = Math.max(s.accruedAt, local)
}

/** Hold the clock at base + slew (sys_generic.c update_slew) and time the slew's end. */
function applyClock(ctx: ProtocolContext, s: ChronyState, cfg: ChronyConfig): void {
  const now = ctx.now()
  accrue(s, now)
  s.slew = slewRate(s.remaining, s.corrRate, cfg.maxSlew)
  // rate (1 + σ) times the rate at `base`: (1 − base)/(1 − gain) = 1 + σ
  const gain = 1 - (1 - s.base) / (1 + s.slew)
  if (gain !== s.raw.gain) {
    setGain(s.raw, now, gain)
    ctx.clock.setFrequencyPpm(rateForGain(gain) * 1e6)
  }
  if (s.slew !== 0) setTimer(ctx, s, SLEW, Math.abs(s.remaining / slewPhase(s)))
  else if (s.timers[SLEW]) {
    ctx.cancelTimer(s.timers[SLEW].id)
    delete s.timers[SLEW]
  }
}

function unsynchronisedRef(now: number): ChronyRef {
  return {
    synchronised: false,
    stratum: 16,
    source: null,
    rootDelay: 0,
    rootDisp: 0,
    updatedAt: now,
    skew: 1,
    residual: 0,
    offset: 0,
    offsetSd: 0,
    combined: 0,
    updates: 0,
  }
}

function served(s: ChronyState, ctx: ProtocolContext, cfg: ChronyConfig): ServedClock {
  if (s.isReference)
    return { stratum: 1, rootDelay: 0, rootDisp: 0, refId: null, precision: s.precision }
  const r = s.ref
  if (!r.synchronised)
    return { stratum: 16, rootDelay: 0, rootDisp: 0, refId: null, precision: s.precision }
  const elapsed = Math.max(0, ctx.now() - r.updatedAt)
  return {
    stratum: r.stratum,
    rootDelay: r.rootDelay,
    rootDisp: r.rootDisp + elapsed * (r.skew + Math.abs(r.residual) + cfg.maxClockError),
    refId: r.source,
    precision: s.precision,
  }
}

/** REF_SetReference: correct the frequency and start correcting the offset. */
function setReference(
  ctx: ProtocolContext,
  s: ChronyState,
  cfg: ChronyConfig,
  src: ChronySource,
  c: Combined,
): void {
  const now = ctx.now()
  accrue(s, now)
  const rawNow = rawOf(s.raw, now)
  const offset = c.offset + (rawNow - c.t) * c.freq
  // the regression's frequency is the raw clock's (ahead per raw second); the clock, held at
  // `base`, is ahead by 1 − (1 − f)(1 − base) per local second
  const measured = 1 - (1 - c.freq) * (1 - s.base)
  const est = clockEstimate(measured, c.skew, s.ref.skew, cfg.maxUpdateSkew)
  const interval = s.ref.updates > 0 ? now - s.ref.updatedAt : 0
  s.base = (s.base - est.freq) / (1 - est.freq)
  let step = 0
  if (cfg.makestep && s.makestepLeft !== 0) {
    if (s.makestepLeft > 0) s.makestepLeft--
    if (Math.abs(offset) > cfg.makestep.threshold) step = -offset
  }
  s.remaining = step !== 0 ? 0 : offset
  s.corrRate = correctionRate(cfg.corrTimeRatio, c.offsetSd, interval)
  const track = src.stats
  const best = track.samples[track.extra + track.best]
  s.ref = {
    synchronised: true,
    stratum: Math.min(16, src.stratum + 1),
    source: src.id,
    rootDelay: best.rootDelay,
    rootDisp: best.rootDisp + track.skew * (track.offsetT - best.t) + c.offsetSd,
    updatedAt: now,
    skew: est.skew,
    residual: est.residual,
    offset,
    offsetSd: c.offsetSd,
    combined: c.combined,
    updates: s.ref.updates + 1,
  }
  if (step !== 0) {
    ctx.clock.step(step)
    steppedBy(s.raw, step)
    s.accruedAt += step
    s.ref.updatedAt += step
    shiftTimers(ctx, s, step)
    ctx.emit('clockStep', { by: step, peer: src.id })
  }
  applyClock(ctx, s, cfg)
}

function select(
  ctx: ProtocolContext,
  s: ChronyState,
  cfg: ChronyConfig,
  updated: number | null,
): void {
  const now = ctx.now()
  accrue(s, now)
  const previous = s.selected
  const sel = selectSource(s.sources, rawOf(s.raw, now), correction(s, now), s.selected, updated, {
    maxDistance: cfg.maxDistance,
    maxJitter: cfg.maxJitter,
    combineLimit: cfg.combineLimit,
    maxClockError: cfg.maxClockError,
    minSources: 1,
  })
  const noMajority = sel.kind === 'none' && sel.reason === 'noMajority'
  if (noMajority !== s.noMajority) {
    s.noMajority = noMajority
    if (noMajority)
      ctx.emit('noMajority', {
        candidates: s.sources.filter((q) => q.status === 'falseticker').map((q) => q.id),
      })
  }
  if (sel.kind === 'none') {
    if (sel.reason !== 'waiting' && s.selected !== null) {
      // REF_SetUnsynchronised: the clock keeps its frequency, clients are told we are not synced
      s.selected = null
      s.ref = { ...s.ref, synchronised: false, stratum: 16, source: null }
      ctx.emit('sync', { synchronised: false, peer: null })
    }
    return
  }
  s.selected = sel.index
  const src = s.sources[sel.index]
  if (sel.update) setReference(ctx, s, cfg, src, sel.update)
  if (previous !== sel.index)
    ctx.emit('sync', { synchronised: s.ref.synchronised, peer: src.id, stratum: s.ref.stratum })
}

/** ntp_core.c adjust_poll: the score moves the poll exponent by whole steps. */
function adjustPoll(p: ChronySource, adj: number, cfg: ChronyConfig): void {
  p.pollScore += adj
  if (p.pollScore >= 1) {
    p.poll += Math.trunc(p.pollScore)
    p.pollScore -= Math.trunc(p.pollScore)
  }
  if (p.pollScore < 0) {
    const k = Math.trunc(p.pollScore - 1)
    p.poll += k
    p.pollScore -= k
  }
  if (p.poll < cfg.minPoll) {
    p.poll = cfg.minPoll
    p.pollScore = 0
  } else if (p.poll > cfg.maxPoll) {
    p.poll = cfg.maxPoll
    p.pollScore = 1
  }
}

/**
 * get_poll_adj: a sample far off the prediction (beyond its own distance) shortens the poll by
 * log2 of the ratio; otherwise the poll moves so that the regression holds about `pollTarget`
 * samples (shortening twice as fast).
 */
function pollAdjustment(
  p: ChronySource,
  error: number,
  distance: number,
  cfg: ChronyConfig,
): number {
  if (error > distance) return -Math.log2(error / distance)
  const n = regularCount(p.stats)
  const adj = (n / cfg.pollTarget - 1) / cfg.pollTarget
  return n < cfg.pollTarget ? 2 * adj : adj
}

function transmit(ctx: ProtocolContext, s: ChronyState, cfg: ChronyConfig, i: number): void {
  const p = s.sources[i]
  const wasReachable = p.reach !== 0
  if (p.outstanding !== null) {
    // the last request went unanswered: poll less often (slowly if it is the one we follow)
    p.unanswered++
    adjustPoll(p, s.selected === i ? 0.1 : 0.25, cfg)
  }
  p.reach = (p.reach << 1) & 0xff
  p.reachSize = Math.min(8, p.reachSize + 1)
  if (wasReachable && p.reach === 0) select(ctx, s, cfg, null)
  const t1 = ctx.now()
  accrue(s, t1)
  p.outstanding = t1
  p.sentRaw = rawOf(s.raw, t1)
  p.sentCorrection = t1 - p.sentRaw
  p.sentRemaining = s.remaining
  ctx.send(p.id, REQUEST, { xmt: t1 })
  let next = 2 ** p.poll
  if (p.burstLeft > 0) {
    p.burstLeft--
    if (p.burstLeft > 0) next = BURST_SPACING
  }
  setTimer(ctx, s, pollKey(i), next)
}

function receive(
  ctx: ProtocolContext,
  s: ChronyState,
  cfg: ChronyConfig,
  from: string,
  reply: NtpReply,
): void {
  const i = s.sources.findIndex((q) => q.id === from)
  if (i < 0) return
  const p = s.sources[i]
  const t4 = ctx.now()
  if (checkReply(p.outstanding, p.lastServerXmt, reply) !== 'ok') return
  p.outstanding = null
  p.lastServerXmt = reply.xmt
  p.unanswered = 0
  p.reach |= 1
  p.stratum = reply.stratum
  const { exchange, sample: w } = completeExchange(ctx, from, reply, t4, s.precision)
  p.last = exchange
  s.last = exchange
  // δ on chrony's cooked clock (the clock as if pending corrections were done): a slew at up
  // to 83 333 ppm during the exchange would otherwise shorten or stretch it by as much
  accrue(s, t4)
  const delay = Math.max(w.delay - (s.remaining - p.sentRemaining), s.precision)
  if (reply.stratum >= 16 || delay > cfg.maxDelay) {
    select(ctx, s, cfg, null)
    return
  }
  // θ is minus the mean of the clock's offsets at T1 and T4; against the raw clock it is θ plus
  // the mean correction at those instants, stamped at the raw midpoint.
  const rawT4 = rawOf(s.raw, t4)
  const offset = -(w.offset + (p.sentCorrection + (t4 - rawT4)) / 2)
  const t = (p.sentRaw + rawT4) / 2
  // ntp_core.c: the sample's dispersion is the two precisions and the clock error over δ
  const disp = s.precision + reply.precision + cfg.maxClockError * delay
  const error = Math.abs(offset - predictOffset(p.stats, t))
  accumulate(p.stats, {
    t,
    offset,
    delay,
    disp,
    rootDelay: reply.rootDelay + delay,
    rootDisp: reply.rootDisp + disp,
  })
  doNewRegression(p.stats, s.precision)
  select(ctx, s, cfg, i)
  adjustPoll(p, pollAdjustment(p, error, disp + 0.5 * delay, cfg), cfg)
  // get_transmit_delay: the next request one (new) poll interval after this one went out
  if (p.burstLeft === 0) setTimer(ctx, s, pollKey(i), Math.max(0, 2 ** p.poll - (t4 - reply.org)))
}

function createSource(id: string, cfg: ChronyConfig): ChronySource {
  return {
    id,
    stratum: 16,
    reach: 0,
    reachSize: 0,
    stats: createStats(),
    sel: null,
    status: 'badStats',
    score: 1,
    distant: 0,
    updates: 0,
    poll: cfg.poll,
    pollScore: 0,
    burstLeft: cfg.iburst ? BURST_PACKETS : 0,
    outstanding: null,
    sentRaw: 0,
    sentCorrection: 0,
    sentRemaining: 0,
    lastServerXmt: null,
    unanswered: 0,
    last: null,
  }
}

export const chrony: ProtocolDef<ChronyState, ChronyConfig> = {
  name: 'chrony',
  errorBound(s, clock, cfg) {
    const r = s.ref
    if (!r.synchronised) return null
    // chronyd's root distance (what it tells the kernel as maxerror): half the root delay plus
    // the root dispersion, grown at the skew, residual frequency and clock error since the
    // update; plus the part of the offset still being slewed away.
    const elapsed = Math.max(0, clock.local - r.updatedAt)
    const growth = r.skew + Math.abs(r.residual) + cfg.maxClockError
    const remaining = s.remaining + slewPhase(s) * Math.max(0, clock.local - s.accruedAt)
    return r.rootDelay / 2 + r.rootDisp + growth * elapsed + Math.abs(remaining)
  },
  configure(scenario) {
    const config = chronyConfig(scenario)
    const members = ntpMembers(scenario, 'chrony')
    return config && members && { config, members }
  },
  init(ctx, cfg) {
    const now = ctx.now()
    const servers = ctx.isReference
      ? []
      : (cfg.servers.get(ctx.nodeId) ?? []).filter((id) => id !== ctx.nodeId)
    const s: ChronyState = {
      isReference: ctx.isReference,
      precision: cfg.precision.get(ctx.nodeId) ?? 1e-9,
      sources: servers.map((id) => createSource(id, cfg)),
      selected: null,
      raw: createRawClock(now),
      base: 0,
      slew: 0,
      remaining: 0,
      accruedAt: now,
      corrRate: 0,
      makestepLeft: cfg.makestep?.limit ?? 0,
      ref: unsynchronisedRef(now),
      noMajority: false,
      timers: {},
      last: null,
    }
    // A (re)started node's clock control begins from nothing, as chronyd without a drift file.
    if (ctx.clock.frequencyPpm() !== 0) ctx.clock.setFrequencyPpm(0)
    // First requests spread over the first second, one source after another.
    s.sources.forEach((_, i) => setTimer(ctx, s, pollKey(i), ctx.random() + i))
    return s
  },
  onTimer(ctx, s, key, cfg) {
    delete s.timers[key]
    if (key === SLEW) {
      applyClock(ctx, s, cfg)
      return
    }
    if (key.startsWith('poll:')) transmit(ctx, s, cfg, Number(key.slice(5)))
  },
  onMessage(ctx, s, from, kind, body, cfg) {
    if (kind === REQUEST) answerRequest(ctx, from, body, served(s, ctx, cfg))
    else if (kind === REPLY) receive(ctx, s, cfg, from, body as NtpReply)
  },
  onClockStep(ctx, s, by) {
    // An unknown step (chronyd notices the jump): timeouts keep their time left, every source's
    // samples are discarded (SRC_ResetSources), a request in flight can no longer be trusted.
    s.accruedAt += by
    s.ref.updatedAt += by
    shiftTimers(ctx, s, by)
    for (const p of s.sources) {
      resetStats(p.stats)
      p.outstanding = null
    }
  },
}
