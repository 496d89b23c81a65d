import type { Simulation } from '../engine'
import type { ViolationsUpdate } from './consensusWire'

/**
 * Sends the checker's violations (`world.violations`) as they appear: only the new ones, or
 * the whole list again when it shrank (the run was rewound or restarted). Frames carry only
 * the count, so the safety status turns red on the very frame a violation happens; the details
 * follow in this update, posted alongside that frame.
 */
export interface ViolationsFeed {
  build(sim: Simulation, runId: number): ViolationsUpdate | null
}

export function createViolationsFeed(): ViolationsFeed {
  let sent = 0
  return {
    build(sim, runId) {
      const all = sim.violations
      if (all.length === sent) return null
      const from = all.length < sent ? 0 : sent
      sent = all.length
      return {
        type: 'violations',
        runId,
        from,
        total: all.length,
        items: all.slice(from).map((v) => ({
          invariant: v.invariant,
          at: v.at,
          detail: v.detail,
          nodes: v.nodes ?? [],
        })),
      }
    },
  }
}
