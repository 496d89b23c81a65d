import type { Scenario } from '../scenario/schema'

/**
 * Who polls whom (docs/scenario-format.md, `clockSync.servers`): as given, else every non-reference
 * node polls every reference node.
 */
export function defaultServers(scenario: Scenario): ServerMap {
  const cs = scenario.clockSync
  const given = cs && 'servers' in cs ? cs.servers : undefined
  // a Map, so node ids such as "constructor" or "__proto__" are keys like any other
  if (given) return new Map(Object.entries(given))
  const refs = scenario.nodes.filter((n) => n.reference).map((n) => n.id)
  return new Map(scenario.nodes.filter((n) => !n.reference).map((n) => [n.id, refs]))
}

/** client node id → the servers it polls */
export type ServerMap = ReadonlyMap<string, readonly string[]>
