import type { ProtocolContext, ProtocolDef } from '../protocol'
import { defaultServers, type ServerMap } from '../servers'
import { boundSinceSync } from '../../clock/errorBound'

/**
 * Cristian's algorithm (docs/algorithms.md §3): ask a time server, set C ← T_server + RTT/2.
 * Each poll is a burst of requests sent one after another; the sample with the lowest
 * round trip wins, because its RTT/2 guess of the one-way delay has the least room for error.
 */
export interface CristianConfig {
  pollInterval: number
  burst: number
  /** local seconds to wait for a reply before giving up on it */
  replyTimeout: number
  servers: ServerMap
}

export interface CristianSample {
  rtt: number
  /** θ = T_server + RTT/2 − T4: what the client adds to its clock */
  offset: number
}

export interface CristianState {
  server: string | null
  /** request id in flight and its send time on the local clock (T1) */
  pending: { id: number; t1: number; timer: number } | null
  nextId: number
  burstLeft: number
  samples: CristianSample[]
  last: CristianSample | null
  /** local time just after the last correction (the clock reads from there) */
  syncedAt: number
}

export function cristianOffset(t1: number, serverTime: number, t4: number): CristianSample {
  const rtt = t4 - t1
  return { rtt, offset: serverTime + rtt / 2 - t4 }
}

function sendNext(ctx: ProtocolContext, s: CristianState, cfg: CristianConfig): void {
  if (!s.server) return
  const id = s.nextId++
  const t1 = ctx.now()
  s.pending = { id, t1, timer: ctx.setTimer(cfg.replyTimeout, 'timeout') }
  s.burstLeft--
  ctx.send(s.server, 'timeRequest', { id })
}

function finishBurst(ctx: ProtocolContext, s: CristianState, cfg: CristianConfig): void {
  if (s.samples.length > 0) {
    const best = s.samples.reduce((a, b) => (b.rtt < a.rtt ? b : a))
    ctx.clock.step(best.offset)
    s.last = best
    s.syncedAt = ctx.now()
    ctx.emit('clockStep', { by: best.offset, rtt: best.rtt, samples: s.samples.length })
  }
  s.samples = []
  ctx.setTimer(cfg.pollInterval, 'poll')
}

export const cristian: ProtocolDef<CristianState, CristianConfig> = {
  name: 'cristian',
  // Cristian: the server read its time at most RTT/2 before the reply arrived
  errorBound: (s, clock) => (s.last ? boundSinceSync(clock, s.syncedAt, s.last.rtt / 2) : null),
  configure(scenario) {
    const cs = scenario.clockSync
    if (!cs || cs.algorithm !== 'cristian') return null
    return {
      members: scenario.nodes.map((n) => n.id),
      config: {
        pollInterval: cs.pollInterval,
        burst: cs.burst,
        replyTimeout: cs.replyTimeout,
        servers: defaultServers(scenario),
      },
    }
  },
  init(ctx, cfg) {
    const server = ctx.isReference ? null : (cfg.servers.get(ctx.nodeId)?.[0] ?? null)
    const s: CristianState = {
      server,
      pending: null,
      nextId: 1,
      burstLeft: 0,
      samples: [],
      last: null,
      syncedAt: 0,
    }
    if (server) ctx.setTimer(ctx.random() * Math.min(1, cfg.pollInterval), 'poll')
    return s
  },
  onTimer(ctx, s, key, cfg) {
    if (key === 'poll') {
      s.burstLeft = cfg.burst
      s.samples = []
      sendNext(ctx, s, cfg)
    } else if (key === 'timeout' && s.pending) {
      s.pending = null
      if (s.burstLeft > 0) sendNext(ctx, s, cfg)
      else finishBurst(ctx, s, cfg)
    }
  },
  onMessage(ctx, s, from, kind, body, cfg) {
    if (kind === 'timeRequest') {
      ctx.send(from, 'timeReply', { id: (body as { id: number }).id, time: ctx.serveTime() })
      return
    }
    if (kind !== 'timeReply' || !s.pending) return
    const reply = body as { id: number; time: number }
    if (from !== s.server || reply.id !== s.pending.id) return // stale or bogus reply
    const t4 = ctx.now()
    s.samples.push(cristianOffset(s.pending.t1, reply.time, t4))
    ctx.cancelTimer(s.pending.timer)
    s.pending = null
    if (s.burstLeft > 0) sendNext(ctx, s, cfg)
    else finishBurst(ctx, s, cfg)
  },
}
