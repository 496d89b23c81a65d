import type { ProtocolDef } from '../protocol'
import { boundSinceSync } from '../../clock/errorBound'
import { defaultServers, type ServerMap } from '../servers'
import { clockSyncParams, precisions } from '../ntp/config'
import { MAXSTRAT } from '../ntp/constants'
import { checkReply, onWireSample, REPLY, REQUEST, type NtpReply } from '../ntp/onWire'
import type { Exchange } from '../ntp/peer'
import { answerRequest } from '../ntp/server'

/**
 * SNTP (RFC 4330): NTP's packets and on-wire arithmetic with one server and no clock filter,
 * selection or discipline: every reply's offset is applied at once, stepped when larger than the
 * step threshold, else slewed (like adjtime, at most maxSlewPpm). Clients poll no faster than
 * every 15 s (RFC 4330 §10). Reference nodes answer as stratum-1 servers; others answer
 * "not synchronised" (RFC 4330 §2: SNTP servers belong at the root).
 */
export interface SntpConfig {
  servers: ServerMap
  precision: ReadonlyMap<string, number>
  pollInterval: number
  stepThreshold: number
  maxSlewPpm: number
}

interface SntpCorrection {
  by: number
  mode: 'step' | 'slew'
}

export interface SntpState {
  server: string | null
  precision: number
  /** T1 of the request in flight, and T3 of the last reply used */
  outstanding: number | null
  lastServerXmt: number | null
  last: Exchange | null
  correction: SntpCorrection | null
  /** what the last correction left of the error (s) and the local time it applied at (after a step) */
  synced: { bound: number; at: number } | null
  polls: number
  duplicates: number
  bogus: number
}

/** RFC 4330 §10: a client must not poll more often than once every 15 s. */
const SNTP_MIN_POLL = 15

export const sntp: ProtocolDef<SntpState, SntpConfig> = {
  name: 'sntp',
  errorBound: (s, clock) => (s.synced ? boundSinceSync(clock, s.synced.at, s.synced.bound) : null),
  configure(scenario) {
    const cs = scenario.clockSync
    if (!cs || cs.algorithm !== 'sntp') return null
    const p = clockSyncParams(cs)
    return {
      members: scenario.nodes.map((n) => n.id),
      config: {
        servers: defaultServers(scenario),
        precision: precisions(scenario),
        pollInterval: Math.max(SNTP_MIN_POLL, p.pollInterval),
        stepThreshold: p.stepThreshold,
        maxSlewPpm: p.maxSlewPpm,
      },
    }
  },
  init(ctx, cfg) {
    const server = ctx.isReference
      ? null
      : (cfg.servers.get(ctx.nodeId)?.find((id) => id !== ctx.nodeId) ?? null)
    if (server) ctx.setTimer(ctx.random() * 2, 'poll')
    return {
      server,
      precision: cfg.precision.get(ctx.nodeId) ?? 1e-9,
      outstanding: null,
      lastServerXmt: null,
      last: null,
      correction: null,
      synced: null,
      polls: 0,
      duplicates: 0,
      bogus: 0,
    }
  },
  onTimer(ctx, s, key, cfg) {
    if (key !== 'poll' || !s.server) return
    const t1 = ctx.now()
    s.outstanding = t1
    s.polls++
    ctx.send(s.server, REQUEST, { xmt: t1 })
    ctx.setTimer(cfg.pollInterval, 'poll')
  },
  onMessage(ctx, s, from, kind, body, cfg) {
    if (kind === REQUEST) {
      const stratum = ctx.isReference ? 1 : MAXSTRAT
      answerRequest(ctx, from, body, {
        stratum,
        rootDelay: 0,
        rootDisp: 0,
        refId: null,
        precision: s.precision,
      })
      return
    }
    if (kind !== REPLY || from !== s.server) return
    const reply = body as NtpReply
    const t4 = ctx.now()
    const verdict = checkReply(s.outstanding, s.lastServerXmt, reply)
    if (verdict === 'duplicate') {
      s.duplicates++
      return
    }
    if (verdict === 'bogus') {
      s.bogus++
      return
    }
    s.outstanding = null
    s.lastServerXmt = reply.xmt
    // RFC 4330 §5: a reply from an unsynchronised server (or a kiss-o'-death) is not used.
    if (reply.stratum === 0 || reply.stratum >= MAXSTRAT) return
    const ts = { t1: reply.org, t2: reply.rec, t3: reply.xmt, t4 }
    const { offset, delay } = onWireSample(ts, s.precision, reply.precision)
    s.last = { server: from, ...ts, offset, delay }
    // RFC 5905 §8: the offset is off by at most δ/2, plus the server's own root distance
    const bound = delay / 2 + reply.rootDelay / 2 + reply.rootDisp
    ctx.emit('exchange', { ...s.last })
    if (cfg.stepThreshold > 0 && Math.abs(offset) > cfg.stepThreshold) {
      ctx.clock.step(offset)
      s.correction = { by: offset, mode: 'step' }
      s.synced = { bound, at: t4 + offset }
      ctx.emit('clockStep', { by: offset, server: from })
    } else {
      // adjtime semantics: the new offset already includes whatever the last slew had left
      ctx.clock.slew(offset, cfg.maxSlewPpm)
      s.correction = { by: offset, mode: 'slew' }
      s.synced = { bound, at: t4 }
      ctx.emit('slew', { by: offset, server: from })
    }
  },
}
