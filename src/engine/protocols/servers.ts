import type { Scenario } from '../scenario/schema'

/**
 * Who polls whom (docs/scenario-format.md, `clockSync.servers`): as given, else every non-reference
 * node polls every reference node.
 */
export function defaultServers(scenario: Scenario): Record<string, string[]> {
  const cs = scenario.clockSync
  const given = cs && 'servers' in cs ? cs.servers : undefined
  if (given) return given
  const refs = scenario.nodes.filter((n) => n.reference).map((n) => n.id)
  const out: Record<string, string[]> = {}
  for (const n of scenario.nodes) if (!n.reference) out[n.id] = refs
  return out
}
