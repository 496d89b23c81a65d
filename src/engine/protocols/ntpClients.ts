import type { ntpClients, Scenario } from '../scenario/schema'

export type NtpClient = (typeof ntpClients)[number]

/**
 * Which NTP client a node runs: ntpd's algorithm (`ntp`) or chrony's. Both speak the same
 * on-wire protocol, so a network may mix them (`clockSync.algorithmOf`, docs/scenario-format.md).
 * Reference nodes answer both. A synchronised node serves only the clients of its own kind:
 * each daemon is a protocol of its own in the engine and sees only its own state.
 */
function ntpClientOf(scenario: Scenario, nodeId: string): NtpClient | null {
  const cs = scenario.clockSync
  if (!cs || (cs.algorithm !== 'ntp' && cs.algorithm !== 'chrony')) return null
  return cs.algorithmOf?.[nodeId] ?? cs.algorithm
}

/**
 * The nodes that run `client`: its clients and every reference node; null when the scenario
 * asks for it nowhere (not the main algorithm and no node chose it).
 */
export function ntpMembers(scenario: Scenario, client: NtpClient): string[] | null {
  const cs = scenario.clockSync
  if (!cs) return null
  const runs = scenario.nodes.filter((n) => !n.reference && ntpClientOf(scenario, n.id) === client)
  if (cs.algorithm !== client && runs.length === 0) return null
  return scenario.nodes
    .filter((n) => n.reference || ntpClientOf(scenario, n.id) === client)
    .map((n) => n.id)
}
