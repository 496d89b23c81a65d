import { defaultServers } from '../engine'
import type { Scenario } from '../engine'

/** Clusters up to this size show every direction when the protocols' pairs are not known. */
const ALL_PAIRS_LIMIT = 12

/**
 * At most this many directed pairs are drawn ahead of traffic: 5 000 consensus members have
 * 25 M, past what a Set may hold and far past what a map can show; links still appear as they
 * carry their first message.
 */
const MAX_PREDRAWN_PAIRS = 200_000

const POLLING = new Set(['ntp', 'chrony', 'sntp', 'cristian', 'naive'])

/**
 * The directed node pairs (indexes) the scenario's protocols talk over, so the topology can
 * show — and a teacher can cut — a link before it carries its first message. Client–server
 * clock sync: each client with each of its servers, both ways; Berkeley: the master with
 * everyone; consensus: every member pair. A protocol this function does not know gets every
 * pair on small clusters (links that turn out to carry traffic are added as they do anyway).
 */
export function protocolLinks(scenario: Scenario): [number, number][] {
  const index = new Map(scenario.nodes.map((n, i) => [n.id, i]))
  const n = scenario.nodes.length
  const seen = new Set<number>()
  const out: [number, number][] = []
  const add = (a: number | undefined, b: number | undefined) => {
    if (a === undefined || b === undefined || a === b || out.length >= MAX_PREDRAWN_PAIRS) return
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const key = x * n + y
      if (seen.has(key)) continue
      seen.add(key)
      out.push([x, y])
    }
  }
  let unknown = false
  const cs = scenario.clockSync
  if (cs && POLLING.has(cs.algorithm)) {
    for (const [client, servers] of defaultServers(scenario))
      for (const server of servers) add(index.get(client), index.get(server))
  } else if (cs && cs.algorithm === 'berkeley') {
    const master = index.get(cs.master ?? scenario.nodes[0].id)
    for (let i = 0; i < n; i++) add(master, i)
  } else if (cs) unknown = true
  const consensus = scenario.consensus
  if (consensus) {
    const members = consensus.members.map((id) => index.get(id))
    for (let i = 0; i < members.length && out.length < MAX_PREDRAWN_PAIRS; i++)
      for (let j = i + 1; j < members.length; j++) add(members[i], members[j])
  }
  if (unknown && n <= ALL_PAIRS_LIMIT)
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) add(i, j)
  return out
}
