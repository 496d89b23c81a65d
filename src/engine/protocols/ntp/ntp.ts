import type { ProtocolContext, ProtocolDef } from '../protocol'
import { ntpMembers } from '../ntpClients'
import { MAXDISP, MAXSTRAT, MINDISP, PHI } from './constants'
import { ntpConfig, type NtpConfig } from './config'
import {
  absorb,
  createDiscipline,
  localClock,
  planAdjust,
  rateForGain,
  type ClockState,
  type Discipline,
} from './discipline'
import { clockFilter, dispersionAt, shiftIn } from './filter'
import { offsetSlope } from './freqFit'
import {
  checkReply,
  completeExchange,
  REPLY,
  REQUEST,
  type NtpReply,
  type OnWireSample,
} from './onWire'
import { catchUp, createPeer, midpointShift, resetPeer, type Exchange, type Peer } from './peer'
import { afterSend, beginPoll, rescheduleForPoll } from './poll'
import { answerRequest, type ServedClock } from './server'
import type { Intersection } from './select'
import { selectClock } from './system'

/**
 * NTP (RFC 5905, with ntpd's choices where the RFC leaves room): every member serves time;
 * members with servers also run the client side: on-wire exchange → clock filter → select →
 * cluster → combine → discipline.
 *
 * Timing design. ntpd's timer ticks every second: it runs the clock-adjust process and sends the
 * polls that are due (its process time counts those seconds, so intervals survive clock steps).
 * Here a client keeps one timer, which ends a *stretch* of whole seconds: the next poll, or as far
 * as the adjust process can be applied in one piece (`planAdjust`: one second at a time while
 * the correction is steep, up to 2^τ/4 s once it is a slow exponential decay). A clock update
 * cuts the stretch at the next whole second, as ntpd's next tick would pick up the new values.
 * One pending timer per node also keeps the engine cheap: it re-aims a node's pending timers
 * whenever the clock's rate changes.
 *
 * Applying the adjustment. ntpd hands adjtime() a phase amount every second; here the clock is
 * held at a control rate u for the stretch, with u = gain/(1 − gain) so that it gains exactly
 * `gain` per local second over its free-running oscillator whatever its skew and wander
 * (`rateForGain`). ctx.clock.slew would absorb an amount at 500 ppm of true time, off by the
 * skew, with an extra breakpoint; a held frequency is exact. The phase is charged to the
 * discipline's residual as the clock gains it (`accrue`), so the residual, and the shift applied
 * to offsets held from before (`catchUp`), match what the clock actually did at any instant.
 */

export interface SystemVars {
  /** the system peer's id, null when nothing is trusted */
  peer: string | null
  /** combined offset Θ and system jitter from the last selection */
  offset: number
  jitter: number
  agreed: Intersection | null
  survivors: number
  /** serving time (leap ≠ NOTINSYNC): set once the startup is over (see clockUpdate), cleared by a step */
  synchronised: boolean
  stratum: number
  rootDelay: number
  rootDisp: number
  /** process time of the last clock update (root dispersion grows at PHI from there) */
  updatedAt: number
  /** time of the system peer sample that drove the last update: only newer ones are used */
  sampleT: number
}

export interface NtpState {
  isReference: boolean
  precision: number
  /**
   * Process time (ntpd current_time): whole local seconds counted at stretch ends; the clock
   * reading there; the current stretch's length (s) and the phase per second it holds.
   */
  tick: number
  tickLocal: number
  stretch: number
  held: number
  /** local time up to which the held phase has been charged to the residual */
  accruedLocal: number
  /** id of the pending stretch timer, −1 while a stretch end is being handled */
  timer: number
  peers: Peer[]
  discipline: Discipline
  system: SystemVars
  /** clock gain per second currently held by the adjust process (frequency correction + phase) */
  adjust: number
  /** cumulative phase correction the adjust process has applied (s) */
  phase: number
  noMajority: boolean
  panic: boolean
  /** the last on-wire exchange with any server */
  last: Exchange | null
}

const TICK = 'tick'

function processTime(s: NtpState, ctx: ProtocolContext): number {
  const f = ctx.now() - s.tickLocal
  return s.tick + (f > 0 ? Math.min(f, s.stretch) : 0)
}

/** Charge the phase the clock has gained since the last charge (it holds `held` per second). */
function accrue(s: NtpState, local: number): void {
  const elapsed = local - s.accruedLocal
  if (elapsed <= 0) return
  s.accruedLocal = local
  const amount = s.held * elapsed
  if (amount === 0) return
  s.phase += amount
  absorb(s.discipline, amount)
}

/** Plan the next stretch of the adjust process, hold its rate, and set the timer for its end. */
function beginStretch(ctx: ProtocolContext, s: NtpState, cfg: NtpConfig): void {
  let nextPoll = Infinity
  for (const p of s.peers) nextPoll = Math.min(nextPoll, p.nextPoll)
  const plan = planAdjust(s.discipline, cfg.discipline, nextPoll - s.tick)
  s.stretch = plan.seconds
  s.held = plan.phase
  const gain = plan.phase + s.discipline.freq
  if (gain !== s.adjust) {
    s.adjust = gain
    ctx.clock.setFrequencyPpm(rateForGain(gain) * 1e6)
  }
  s.timer = ctx.setTimer(plan.seconds, TICK)
}

/**
 * The discipline changed: end the stretch with the second under way (ntpd's next tick), so the
 * next stretch is planned from the new values. `moved`: the clock was stepped, so the pending
 * timer aims at the wrong reading and must be set again.
 */
function cutStretch(ctx: ProtocolContext, s: NtpState, moved: boolean): void {
  if (s.timer < 0) return // between stretches: the next one is about to be planned
  const now = ctx.now()
  const seconds = Math.min(s.stretch, Math.max(1, Math.ceil(now - s.tickLocal)))
  if (seconds === s.stretch && !moved) return
  ctx.cancelTimer(s.timer)
  s.stretch = seconds
  s.timer = ctx.setTimer(s.tickLocal + seconds - now, TICK)
}

function unsynchronised(): SystemVars {
  return {
    peer: null,
    offset: 0,
    jitter: 0,
    agreed: null,
    survivors: 0,
    synchronised: false,
    stratum: MAXSTRAT,
    rootDelay: 0,
    rootDisp: 0,
    updatedAt: 0,
    sampleT: -Infinity,
  }
}

function served(s: NtpState, ctx: ProtocolContext): ServedClock {
  if (s.isReference)
    return { stratum: 1, rootDelay: 0, rootDisp: 0, refId: null, precision: s.precision }
  const sys = s.system
  if (!sys.synchronised)
    return { stratum: MAXSTRAT, rootDelay: 0, rootDisp: 0, refId: null, precision: s.precision }
  const grown = sys.rootDisp + PHI * Math.max(0, processTime(s, ctx) - sys.updatedAt)
  return {
    stratum: sys.stratum,
    rootDelay: sys.rootDelay,
    rootDisp: grown,
    refId: sys.peer,
    precision: s.precision,
  }
}

function disciplineConfig(s: NtpState, cfg: NtpConfig) {
  return { ...cfg.discipline, precision: s.precision }
}

function emitSync(
  ctx: ProtocolContext,
  s: NtpState,
  previous: ClockState,
  wasSynchronised: boolean,
): void {
  const d = s.discipline
  if (d.state === previous && s.system.synchronised === wasSynchronised) return
  ctx.emit('sync', {
    state: d.state,
    previous,
    synchronised: s.system.synchronised,
    stratum: s.system.synchronised ? s.system.stratum : MAXSTRAT,
    peer: s.system.peer,
  })
}

/** ntpd `clock_update`: hand Θ to the discipline and act on its verdict. */
function clockUpdate(
  ctx: ProtocolContext,
  s: NtpState,
  cfg: NtpConfig,
  p: Peer,
  theta: number,
  now: number,
): void {
  const d = s.discipline
  const previous = d.state
  const wasSynchronised = s.system.synchronised
  const oldPoll = d.poll
  // RFC 5905 A.5.5.6: intervals are measured between the samples' times (ntpd uses the time of
  // the update): the filter may hand over a sample a few polls old, and during the FREQ interval
  // that age would otherwise read as frequency error.
  // Until SYNC the discipline measures frequency as offset over the interval between two of the
  // system peer's samples. The combined offset mixes in other servers' samples taken up to a poll
  // earlier, when the uncorrected clock was elsewhere, so there the system peer's own offset is
  // used (afterwards the residual frequency error is small and combining pays off).
  const measuring = d.state === 'NSET' || d.state === 'FREQ'
  // At the end of FREQ the frequency comes from a fit over the system peer's held samples.
  const slope = d.state === 'FREQ' ? offsetSlope(p.filter.stages, s.precision) : null
  const verdict = localClock(
    d,
    measuring ? p.est.offset : theta,
    p.est.t,
    disciplineConfig(s, cfg),
    slope,
  )
  switch (verdict) {
    case 'panic':
      if (!s.panic) ctx.emit('panic', { offset: theta, peer: p.id })
      s.panic = true
      return
    case 'spike':
      ctx.emit('spike', { stage: 'discipline', server: p.id, offset: theta })
      break
    case 'step':
      ctx.clock.step(theta)
      s.tickLocal += theta
      s.accruedLocal += theta
      ctx.emit('clockStep', { by: theta, peer: p.id })
      // Every sample predates the step: start all associations over (ntpd clear_all).
      for (const q of s.peers) resetPeer(q, now, s.tick, s.phase)
      s.system = unsynchronised()
      s.noMajority = false
      break
    case 'slew': {
      const sys = s.system
      // DriftLab serves its time once the startup transient is over: the frequency measured
      // (SYNC) and the fast startup amortisation done. ntpd serves from the first update, while
      // it is still moving its clock by milliseconds on purpose, and a chain of servers started
      // together then locks its lower strata onto a moving target.
      sys.synchronised ||= d.state === 'SYNC' && d.holdoff === 0
      sys.stratum = Math.min(p.stratum + 1, MAXSTRAT)
      sys.rootDelay = p.rootDelay + p.est.delay
      sys.rootDisp =
        p.rootDisp +
        Math.max(MINDISP, dispersionAt(p.est, now) + sys.jitter + Math.abs(p.est.offset))
      sys.updatedAt = now
      break
    }
    case 'ignore':
      break
  }
  s.panic = false
  if (d.poll !== oldPoll) for (const q of s.peers) rescheduleForPoll(q, s.tick, 2 ** d.poll)
  if (verdict !== 'ignore') cutStretch(ctx, s, verdict === 'step')
  emitSync(ctx, s, previous, wasSynchronised)
}

/** RFC 5905 §11.2: run selection over all associations and update the clock if warranted. */
function systemProcess(ctx: ProtocolContext, s: NtpState, cfg: NtpConfig, now: number): void {
  const sel = selectClock(
    s.peers,
    now,
    ctx.nodeId,
    2 ** s.discipline.poll,
    s.system.peer,
    cfg.minClock,
  )
  if (sel.noMajority !== s.noMajority) {
    s.noMajority = sel.noMajority
    if (sel.noMajority) {
      ctx.emit('noMajority', {
        candidates: s.peers.filter((p) => p.status === 'falseticker').map((p) => p.id),
      })
    }
  }
  const sys = s.system
  sys.agreed = sel.agreed
  sys.survivors = sel.survivors
  if (sel.sysPeer === null) {
    // No trustworthy source (or no majority): leave the clock alone.
    sys.peer = null
    return
  }
  const p = s.peers[sel.sysPeer]
  sys.peer = p.id
  sys.offset = sel.offset
  sys.jitter = sel.jitter
  if (p.est.t <= sys.sampleT) return
  sys.sampleT = p.est.t
  clockUpdate(ctx, s, cfg, p, sel.offset, now)
}

/** Shift a sample into a peer's filter and pass a new estimate on to the system process. */
function filterSample(
  ctx: ProtocolContext,
  s: NtpState,
  cfg: NtpConfig,
  p: Peer,
  sample: OnWireSample,
  now: number,
): void {
  for (const q of s.peers) catchUp(q, s.phase)
  shiftIn(p.filter, sample.offset, sample.delay, sample.disp, now, now)
  const d = s.discipline
  const r = clockFilter(p.filter, p.est, now, s.precision, 2 ** d.poll, d.holdoff === 0)
  if (r.outcome === 'spike') {
    p.spikes++
    ctx.emit('spike', { stage: 'filter', server: p.id, offset: p.est.offset, jump: r.jump })
  } else if (r.outcome === 'update') {
    systemProcess(ctx, s, cfg, now)
  }
}

const DUMMY: OnWireSample = { offset: 0, delay: 0, disp: MAXDISP }

function transmit(ctx: ProtocolContext, s: NtpState, cfg: NtpConfig, p: Peer): void {
  if (p.burstLeft === 0) {
    const wasReachable = p.reach !== 0
    const { silent } = beginPoll(p, s.tick, cfg)
    // RFC 5905 A.5.6: nothing heard for three polls: a dummy sample ages the peer out.
    if (silent) filterSample(ctx, s, cfg, p, DUMMY, s.tick)
    // Just lost: select again without it (ntpd re-runs clock_select when a peer goes unreachable).
    if (wasReachable && p.reach === 0) {
      for (const q of s.peers) catchUp(q, s.phase)
      systemProcess(ctx, s, cfg, s.tick)
    }
  }
  const t1 = ctx.now()
  accrue(s, t1)
  p.outstanding = t1
  p.sentPhase = s.phase
  ctx.send(p.id, REQUEST, { xmt: t1 })
  afterSend(p, s.tick, 2 ** s.discipline.poll)
}

function receive(
  ctx: ProtocolContext,
  s: NtpState,
  cfg: NtpConfig,
  from: string,
  reply: NtpReply,
): void {
  const p = s.peers.find((q) => q.id === from)
  if (!p) return
  const t4 = ctx.now()
  accrue(s, t4)
  const verdict = checkReply(p.outstanding, p.lastServerXmt, reply)
  if (verdict === 'duplicate') {
    p.duplicates++
    return
  }
  if (verdict === 'bogus') {
    p.bogus++
    return
  }
  p.outstanding = null
  p.lastServerXmt = reply.xmt
  p.stratum = reply.stratum
  p.rootDelay = reply.rootDelay
  p.rootDisp = reply.rootDisp
  p.refId = reply.refId
  p.precision = reply.precision
  const { exchange, sample } = completeExchange(ctx, from, reply, t4, s.precision)
  p.last = exchange
  s.last = exchange
  // An unsynchronised server answers, but has no time worth using: like ntpd (TEST6) the packet
  // is dropped before it counts as reaching the server.
  if (reply.stratum >= MAXSTRAT) {
    p.status = 'unfit'
    p.unfit = 'unsynchronised'
    return
  }
  p.reach |= 1
  const now = processTime(s, ctx)
  const atT4 = { ...sample, offset: sample.offset - midpointShift(p, s.phase) }
  filterSample(ctx, s, cfg, p, atT4, now)
}

export const ntp: ProtocolDef<NtpState, NtpConfig> = {
  name: 'ntp',
  errorBound(s, clock) {
    const sys = s.system
    if (!sys.synchronised) return null
    // RFC 5905 §11.3, root synchronization distance: half the round trip to the stratum-1
    // source plus every dispersion on the way, grown at PHI since the last update, plus jitter
    // (the kernel's maxerror, ntp_loopfilter.c, is the same sum without the jitter).
    const since = clock.local - s.tickLocal
    const now = s.tick + (since > 0 ? Math.min(since, s.stretch) : 0)
    return sys.rootDelay / 2 + sys.rootDisp + PHI * Math.max(0, now - sys.updatedAt) + sys.jitter
  },
  configure(scenario) {
    const config = ntpConfig(scenario)
    const members = ntpMembers(scenario, 'ntp')
    return config && members && { config, members }
  },
  init(ctx, cfg) {
    const precision = cfg.precision.get(ctx.nodeId) ?? 1e-9
    const servers = ctx.isReference
      ? []
      : (cfg.servers.get(ctx.nodeId) ?? []).filter((id) => id !== ctx.nodeId)
    // The first stretch ends at a random point of the first second, so that clients started
    // together do not all tick at once; process time reaches 1 there.
    const now = ctx.now()
    const firstTick = ctx.random()
    const s: NtpState = {
      isReference: ctx.isReference,
      precision,
      tick: 0,
      tickLocal: now + firstTick - 1,
      stretch: 1,
      held: 0,
      accruedLocal: now,
      timer: -1,
      // First polls one second apart, so the servers' exchanges do not overlap on the display.
      peers: servers.map((id, i) => createPeer(id, 0, 1 + i, 0)),
      discipline: createDiscipline({ ...cfg.discipline, precision }, cfg.poll, 0),
      system: unsynchronised(),
      adjust: 0,
      phase: 0,
      noMajority: false,
      panic: false,
      last: null,
    }
    // A (re)started node's discipline begins from nothing, so its clock control does too.
    if (ctx.clock.frequencyPpm() !== 0) ctx.clock.setFrequencyPpm(0)
    if (s.peers.length > 0) s.timer = ctx.setTimer(firstTick, TICK)
    return s
  },
  onTimer(ctx, s, key, cfg) {
    if (key !== TICK) return
    s.timer = -1
    const end = s.tickLocal + s.stretch
    accrue(s, end)
    s.tick += s.stretch
    s.tickLocal = end
    for (const p of s.peers) if (p.nextPoll <= s.tick) transmit(ctx, s, cfg, p)
    beginStretch(ctx, s, cfg)
  },
  onMessage(ctx, s, from, kind, body, cfg) {
    if (kind === REQUEST) answerRequest(ctx, from, body, served(s, ctx))
    else if (kind === REPLY) receive(ctx, s, cfg, from, body as NtpReply)
  },
  onClockStep(ctx, s, by) {
    // ntpd's one-second timer counts elapsed seconds: a step it did not make moves the clock
    // but not its process time. Charge the held phase up to the step, move the local anchors
    // with the clock, and aim the stretch's end at the same process second again.
    accrue(s, ctx.now() - by)
    s.tickLocal += by
    s.accruedLocal += by
    cutStretch(ctx, s, true)
  },
}
