import type { Scenario } from '../scenario/schema'
import { defaultServers } from '../protocols/servers'
import { clockSyncParams, pollRange } from '../protocols/ntp/config'
import { paxosConfig } from '../protocols/paxos/config'

/**
 * What a scenario will cost before it runs: node count × message rate × duration, and the
 * per-pair state clock synchronisation keeps. Valid scenarios can be enormous (5 000 consensus
 * members, 1 500 NTP servers × 1 500 clients); this is how the CLI and the UI tell them apart
 * from ordinary ones without running them. Estimates are steady-state and deliberately simple:
 * they decide "ordinary or enormous", not how long a run takes to the second.
 */
export interface WorkEstimate {
  nodes: number
  /** messages per simulated second, steady state */
  messageRate: number
  /** client–server pairs clock synchronisation keeps state for (NTP: one peer each) */
  peerStates: number
  /** directed node pairs that will carry messages */
  talkingPairs: number
  /** events to simulate the scenario's duration (messages, timers, workload, faults) */
  events: number
}

/** The CLI refuses more than this (docs/cli.md) unless `--force`: minutes of work at ~3 M events/s. */
export const CLI_LIMITS = { events: 1e9, peerStates: 2e6 }

/**
 * The browser keeps a recorded timeline, checkpoints (world snapshots) and per-pair drawing
 * state: past these the UI asks before loading (docs/scenario-format.md).
 */
export const UI_LIMITS = {
  nodes: 1000,
  messageRate: 50_000,
  peerStates: 100_000,
  talkingPairs: 250_000,
}

export function estimateWork(s: Scenario, duration = s.duration): WorkEstimate {
  const nodes = s.nodes.length
  let messageRate = 0
  let timerRate = 0
  let peerStates = 0
  let talkingPairs = 0
  const cs = s.clockSync
  if (cs) {
    if (cs.algorithm === 'berkeley') {
      // the master queries everyone, everyone answers, the master sends each an adjustment
      messageRate += (3 * (nodes - 1)) / cs.pollInterval
      timerRate += 2 / cs.pollInterval
      talkingPairs += 2 * (nodes - 1)
    } else {
      let pairs = 0
      for (const servers of defaultServers(s).values()) pairs += servers.length
      const interval =
        cs.algorithm === 'ntp' ? 2 ** pollRange(clockSyncParams(cs)).poll : cs.pollInterval
      const b = 'burst' in cs ? cs.burst : undefined
      const burst = typeof b === 'number' ? b : b ? 8 : 1
      messageRate += (2 * pairs * burst) / interval
      timerRate += pairs / interval + (cs.algorithm === 'ntp' ? nodes : 0)
      peerStates += pairs
      talkingPairs += 2 * pairs
    }
  }
  const paxos = paxosConfig(s)
  let workloadEvents = 0
  if (paxos) {
    const m = paxos.members.length
    // heartbeats and their acks; elections and client commands come on top, per operation
    messageRate += (2 * (m - 1)) / paxos.heartbeatInterval
    timerRate += m / paxos.electionTimeout[0] + 1 / paxos.heartbeatInterval
    talkingPairs += m * (m - 1)
    workloadEvents = s.workload.length * 4 * m
  }
  const events = duration * (messageRate + timerRate) + workloadEvents + s.faults.length * nodes
  return { nodes, messageRate, peerStates, talkingPairs, events }
}

/** The limits an estimate exceeds, by name (empty: ordinary). */
export function overLimits<L extends Partial<Record<keyof WorkEstimate, number>>>(
  e: WorkEstimate,
  limits: L,
): (keyof WorkEstimate)[] {
  return (Object.keys(limits) as (keyof WorkEstimate)[]).filter((k) => e[k] > (limits[k] as number))
}
