import { exactLocal, quantise, slewRemaining } from '../clock/hardwareClock'
import { hlcReceive } from '../logical/hlc'
import { readClocks, stampLocal } from '../logical/nodeClocks'
import type { LogicalClockAccess } from '../protocols/protocol'
import type { Runtime } from './runtime'

/**
 * Node n's physical clock reading for its logical clocks: what `now()` would read, computed from
 * the engine anchor without moving it (advancing the anchor would change float rounding and so
 * the run), so keeping logical time changes nothing else.
 */
export function physicalTime(rt: Runtime, n: number): number {
  const c = rt.world.nodes[n].clock
  return quantise(c, exactLocal(c, rt.world.now))
}

/**
 * What node n's clock-sync algorithm knows of its clock error (ProtocolContext.clockErrorBound):
 * a reference clock's resolution, else the first running protocol's own estimate.
 */
export function clockErrorBound(rt: Runtime, n: number): number | null {
  const w = rt.world
  const node = w.nodes[n]
  if (node.reference) return node.clock.resolution
  for (let i = 0; i < rt.protocols.length; i++) {
    const p = rt.protocols[i]
    const st = node.proto[i]
    if (!p.def.errorBound || st === null) continue
    const reading = { local: physicalTime(rt, n), slewRemaining: slewRemaining(node.clock, w.now) }
    return p.def.errorBound(st, reading, p.config)
  }
  return null
}

/** A protocol's access to its node's logical clocks. */
export function logicalAccess(rt: Runtime, n: number): LogicalClockAccess {
  return {
    tick: () => {
      const k = rt.world.nodes[n].logical
      stampLocal(k, n, physicalTime(rt, n))
      return readClocks(k)
    },
    read: () => readClocks(rt.world.nodes[n].logical),
    observe: (ts) => hlcReceive(rt.world.nodes[n].logical.hlc, ts, 0, physicalTime(rt, n)),
  }
}
