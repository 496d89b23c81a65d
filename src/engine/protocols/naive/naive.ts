import type { ProtocolDef } from '../protocol'
import { defaultServers, type ServerMap } from '../servers'

/**
 * THE MISCONCEPTION, on purpose (docs/algorithms.md §0.2). The seed tutorial's update
 *     Δt = t_n − t_ref;  t_{n+1} = t_n + Δt
 * adds the error instead of removing it: a clock 50 ms fast (t_n = 100.050, t_ref = 100.000)
 * moves to 100.100. Each poll this client reads the reference (request/reply, ignoring the
 * network delay as the tutorial does) and steps by +Δt, so its error doubles every round.
 * The right update is t ← t − Δt, i.e. adding NTP's θ = server − client (see ../ntp/onWire.ts).
 * Every event it emits carries `misconception: true` so views can label it.
 */
export interface NaiveConfig {
  servers: ServerMap
  pollInterval: number
}

export interface NaiveState {
  server: string | null
  /** the last round: local reading, reference reading, and the (wrong) step taken */
  last: { local: number; reference: number; step: number } | null
  rounds: number
  /** set once the error is beyond any use; the client then stops */
  diverged: boolean
  /** the pending poll timer */
  timer: number
}

/** Beyond this the doubling has made its point; stopping keeps the numbers finite. */
const NAIVE_GIVE_UP = 1e9

const MISCONCEPTION = { misconception: true, formula: 't_{n+1} = t_n + (t_n − t_ref)' } as const

export const naive: ProtocolDef<NaiveState, NaiveConfig> = {
  name: 'naive',
  configure(scenario) {
    const cs = scenario.clockSync
    if (!cs || cs.algorithm !== 'naive') return null
    return {
      members: scenario.nodes.map((n) => n.id),
      config: { servers: defaultServers(scenario), pollInterval: cs.pollInterval },
    }
  },
  init(ctx, cfg) {
    const server = ctx.isReference
      ? null
      : (cfg.servers.get(ctx.nodeId)?.find((id) => id !== ctx.nodeId) ?? null)
    const timer = server ? ctx.setTimer(ctx.random() * Math.min(1, cfg.pollInterval), 'poll') : -1
    return { server, last: null, rounds: 0, diverged: false, timer }
  },
  onTimer(ctx, s, key, cfg) {
    if (key !== 'poll' || !s.server || s.diverged) return
    ctx.send(s.server, 'timeRequest', null)
    s.timer = ctx.setTimer(cfg.pollInterval, 'poll')
  },
  onMessage(ctx, s, from, kind, body, cfg) {
    if (kind === 'timeRequest') {
      ctx.send(from, 'timeReply', { time: ctx.serveTime() })
      return
    }
    if (kind !== 'timeReply' || from !== s.server || s.diverged) return
    const local = ctx.now()
    const reference = (body as { time: number }).time
    const delta = local - reference // Δt = t_n − t_ref
    s.rounds++
    if (Math.abs(delta) > NAIVE_GIVE_UP) {
      s.diverged = true
      ctx.emit('diverged', { error: delta, rounds: s.rounds, ...MISCONCEPTION })
      return
    }
    // The step would move the pending poll in true time (by as much as the error): keep the
    // cadence instead, polling pollInterval after this reply.
    ctx.cancelTimer(s.timer)
    ctx.clock.step(delta) // t_{n+1} = t_n + Δt  (WRONG: should be t_n − Δt)
    s.last = { local, reference, step: delta }
    ctx.emit('clockStep', { by: delta, local, reference, server: from, ...MISCONCEPTION })
    s.timer = ctx.setTimer(cfg.pollInterval, 'poll')
  },
}
