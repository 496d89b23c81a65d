import { z } from './zod'
import { MAX_CLOCK_ERROR_S, MAX_LATENCY_S, MAX_SKEW_PPM } from './bounds'

const nodeRef = z.string().min(1)
const finite = z.number().finite()
const clockError = finite.min(-MAX_CLOCK_ERROR_S).max(MAX_CLOCK_ERROR_S)
const latency = finite.min(0).max(MAX_LATENCY_S)

/**
 * The intervention vocabulary of docs/scenario-format.md: one schema for scheduled faults and live clicks.
 * `setDuplicate` is DriftLab's addition (message duplication, for consensus demos and tests).
 */
export const interventionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('crash'), node: nodeRef }),
  z.object({ type: z.literal('restart'), node: nodeRef }),
  z.object({ type: z.literal('pause'), node: nodeRef }),
  z.object({ type: z.literal('resume'), node: nodeRef }),
  z.object({ type: z.literal('clockStep'), node: nodeRef, by: clockError }),
  z.object({
    type: z.literal('setSkew'),
    node: nodeRef,
    ppm: finite.min(-MAX_SKEW_PPM).max(MAX_SKEW_PPM),
  }),
  z.object({ type: z.literal('falseticker'), node: nodeRef, lie: clockError }),
  z.object({ type: z.literal('partition'), groups: z.array(z.array(nodeRef)).min(1) }),
  z.object({ type: z.literal('heal') }),
  z.object({ type: z.literal('cutLink'), from: nodeRef, to: nodeRef }),
  z.object({ type: z.literal('healLink'), from: nodeRef, to: nodeRef }),
  z.object({ type: z.literal('setLoss'), p: finite.min(0).max(1) }),
  z.object({ type: z.literal('setLatency'), base: latency, jitter: latency }),
  z.object({ type: z.literal('setDuplicate'), p: finite.min(0).max(1) }),
])

export type Intervention = z.infer<typeof interventionSchema>

/** A scheduled intervention: the scenario's `faults` entries and the live log share this shape. */
export type TimedIntervention = Intervention & { at: number }

/** Node ids an intervention names, for cross-checking against the scenario. */
export function nodesNamed(iv: Intervention): string[] {
  switch (iv.type) {
    case 'partition':
      return iv.groups.flat()
    case 'cutLink':
    case 'healLink':
      return [iv.from, iv.to]
    case 'heal':
    case 'setLoss':
    case 'setLatency':
    case 'setDuplicate':
      return []
    default:
      return [iv.node]
  }
}
