import type { ConsensusVariant, Scenario } from '../../scenario/schema'

/**
 * Per-run configuration, read from the scenario's `consensus` block (contract.md §1).
 */
export interface PaxosConfig {
  mode: 'single' | 'multi'
  members: string[]
  /** a majority of members */
  quorum: number
  heartbeatInterval: number
  /** local seconds, drawn uniformly each time an election timer starts */
  electionTimeout: [number, number]
  /**
   * Leader leases (algorithms.md §5): followers promise L_f from receipt; the leader counts
   * L_leader = L_f·(1 − ρ)/(1 + ρ) from its send time.
   */
  lease: { follower: number; leader: number; driftBound: number } | null
  /** 'correct', or a labelled broken teaching variant */
  variant: 'correct' | ConsensusVariant
  /** entries per `decide` reply to a catch-up request */
  catchupBatch: number
}

const DEFAULT_HEARTBEAT = 0.05
const DEFAULT_ELECTION_TIMEOUT: [number, number] = [0.15, 0.3]

/** algorithms.md §5: L_leader ≤ L_f·(1 − ρ)/(1 + ρ), with ρ the drift bound. */
export function leaderLeaseDuration(followerLease: number, driftBound: number): number {
  return (followerLease * (1 - driftBound)) / (1 + driftBound)
}

export function paxosConfig(scenario: Scenario): PaxosConfig | null {
  const c = scenario.consensus
  if (!c || (c.algorithm !== 'paxos' && c.algorithm !== 'multi-paxos')) return null
  const lease = c.lease as { duration: number; driftBoundPpm: number } | undefined
  const rho = lease ? lease.driftBoundPpm * 1e-6 : 0
  return {
    mode: c.algorithm === 'paxos' ? 'single' : 'multi',
    members: c.members,
    quorum: Math.floor(c.members.length / 2) + 1,
    heartbeatInterval: (c.heartbeatInterval as number | undefined) ?? DEFAULT_HEARTBEAT,
    electionTimeout:
      (c.electionTimeout as [number, number] | undefined) ?? DEFAULT_ELECTION_TIMEOUT,
    lease: lease
      ? {
          follower: lease.duration,
          leader: leaderLeaseDuration(lease.duration, rho),
          driftBound: rho,
        }
      : null,
    variant: (c.variant as ConsensusVariant | undefined) ?? 'correct',
    catchupBatch: 256,
  }
}

/**
 * One Multi-Paxos group over `members` (a shard of a sharded store) with the scenario's
 * consensus settings — heartbeat, election timeout, lease — or their defaults.
 */
export function groupConfig(scenario: Scenario, members: string[]): PaxosConfig {
  const base = paxosConfig(scenario)
  return {
    mode: 'multi',
    members,
    quorum: Math.floor(members.length / 2) + 1,
    heartbeatInterval: base?.heartbeatInterval ?? DEFAULT_HEARTBEAT,
    electionTimeout: base?.electionTimeout ?? DEFAULT_ELECTION_TIMEOUT,
    lease: base?.lease ?? null,
    variant: 'correct',
    catchupBatch: 256,
  }
}
