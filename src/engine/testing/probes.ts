/**
 * Minimal protocols for testing the kernel (not registered in the app).
 */
import type { ProtocolDef } from '../protocols/protocol'
import { parseScenario, type Scenario, type ScenarioInput } from '../scenario/schema'
import { Simulation, type SimulationOptions } from '../sim/simulation'
import type { ObserverDef } from '../sim/observer'

export function scenarioOf(
  input: Omit<ScenarioInput, 'version' | 'seed' | 'duration'> & Partial<ScenarioInput>,
): Scenario {
  const r = parseScenario({ version: 1, seed: 1, duration: 10, ...input })
  if (!r.ok) throw new Error(r.error)
  return r.scenario
}

/** Sets one local-time timer per node at start and records the true time it fired. */
export const timerProbe: ProtocolDef<
  { firedAt: number | null; localAtFire: number | null },
  { delay: number }
> = {
  name: 'timerProbe',
  configure: (s) => ({
    members: s.nodes.map((n) => n.id),
    config: { delay: Number((s as { probeDelay?: number }).probeDelay ?? 2) },
  }),
  init(ctx, cfg) {
    ctx.setTimer(cfg.delay, 'probe')
    return { firedAt: null, localAtFire: null }
  },
  onTimer(ctx, st) {
    st.localAtFire = ctx.now()
    ctx.emit('fired')
  },
  onMessage() {},
}

/**
 * Every node pings a random peer every `period` local seconds; replies carry the ping id.
 * Counts what it received in volatile state, and its starts in durable storage.
 */
export interface PingState {
  received: number
  replies: number
}

export const pingProtocol: ProtocolDef<PingState, { period: number }> = {
  name: 'ping',
  configure: (s) => ({ members: s.nodes.map((n) => n.id), config: { period: 1 } }),
  init(ctx, cfg) {
    ctx.durable.set('starts', (ctx.durable.get<number>('starts') ?? 0) + 1)
    ctx.setTimer(cfg.period * ctx.random(), 'tick')
    return { received: 0, replies: 0 }
  },
  onTimer(ctx, _st, _key, cfg) {
    const ids = ctx.nodeIds
    if (ids.length > 1) {
      let to = ids[Math.floor(ctx.random() * ids.length)]
      if (to === ctx.nodeId) to = ids[(ids.indexOf(to) + 1) % ids.length]
      ctx.send(to, 'ping', null)
    }
    ctx.setTimer(cfg.period, 'tick')
  },
  onMessage(ctx, st, from, kind) {
    if (kind === 'ping') {
      st.received++
      ctx.send(from, 'pong', null)
    } else st.replies++
  },
}

export function simOf(
  scenario: Scenario,
  defs: ProtocolDef[],
  observers: ObserverDef[] = [],
  opts: SimulationOptions = {},
): Simulation {
  return new Simulation(scenario, defs, observers, opts)
}
