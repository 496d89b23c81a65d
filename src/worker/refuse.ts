import { interventionSchema, nodesNamed, type LiveInput, type Simulation } from '../engine'

/** Why the running simulation cannot take this live input, or null. */
export function refuseInput(sim: Simulation, input: LiveInput): string | null {
  if ('fault' in input) {
    const r = interventionSchema.safeParse(input.fault)
    if (!r.success) return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    const unknown = nodesNamed(r.data).find((id) => !sim.hasNode(id))
    return unknown === undefined ? null : `unknown node "${unknown}"`
  }
  const { node, op } = input.client
  if (!sim.hasNode(node)) return `unknown node "${node}"`
  if (op.op !== 'read' && !(op.op === 'propose' && typeof op.value === 'string'))
    return 'unknown client operation'
  return null
}
