import { uniform } from '../kernel/prng'
import {
  advanceTo,
  quantise,
  setFrequency,
  slewClock,
  slewRemaining,
  stepClock,
} from '../clock/hardwareClock'
import type { ProtocolContext } from '../protocols/protocol'
import { emit } from './observation'
import type { Runtime } from './runtime'
import { cancelTimer, reaimTimers, setTimer } from './timers'
import { send } from './transport'
import { clockErrorBound, logicalAccess } from './logicalTime'

/**
 * What protocol `p` on node `n` sees of the run (protocols/protocol.ts): its own clock and
 * storage, the network, timers. Never true time or another node's state.
 */
export function makeContext(rt: Runtime, n: number, p: number): ProtocolContext {
  const clock = () => rt.world.nodes[n].clock
  return {
    nodeId: rt.nodeIds[n],
    nodeIds: rt.nodeIds,
    isReference: rt.scenario.nodes[n].reference,
    now: () => quantise(clock(), advanceTo(clock(), rt.world.now)),
    serveTime: () => quantise(clock(), advanceTo(clock(), rt.world.now)) + rt.world.nodes[n].lie,
    send: (to, kind, body) => send(rt, n, p, rt.indexOf(to), kind, body),
    setTimer: (delay, key) => setTimer(rt, n, p, delay, key),
    cancelTimer: (id) => cancelTimer(rt, n, id),
    random: () => uniform(rt.world.rng),
    clock: {
      step: (by) => {
        stepClock(clock(), rt.world.now, by)
        reaimTimers(rt, n)
      },
      slew: (amount, maxRatePpm = 500) => {
        slewClock(clock(), rt.world.now, amount, maxRatePpm * 1e-6)
        reaimTimers(rt, n)
      },
      slewRemaining: () => slewRemaining(clock(), rt.world.now),
      setFrequencyPpm: (ppm) => {
        setFrequency(clock(), rt.world.now, ppm * 1e-6)
        reaimTimers(rt, n)
      },
      frequencyPpm: () => clock().freq * 1e6,
    },
    durable: {
      get: <T>(key: string) => rt.world.nodes[n].durable[p][key] as T | undefined,
      set: (key, value) => {
        rt.world.nodes[n].durable[p][key] = value
      },
    },
    emit: (event, data) => emit(rt, n, event, data),
    logical: logicalAccess(rt, n),
    clockErrorBound: () => clockErrorBound(rt, n),
  }
}

/** Start every protocol node n is a member of (at time 0 and after a restart). */
export function startProtocols(rt: Runtime, n: number): void {
  const node = rt.world.nodes[n]
  rt.protocols.forEach((p, i) => {
    if (!p.members[n]) return
    node.proto[i] = p.def.init(rt.ctxs[n][i], p.config)
  })
}
