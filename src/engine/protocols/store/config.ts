import type { CommitProtocol, Scenario, TimestampRule } from '../../scenario/schema'
import { groupConfig, type PaxosConfig } from '../paxos/config'

/**
 * The store's per-run configuration, read from the scenario's `transactions` block
 * (docs/scenario-format.md, docs/transactions.md).
 */
export interface StoreConfig {
  /** per shard: its Multi-Paxos group (members and the consensus settings) */
  groups: PaxosConfig[]
  /** key → shard for the keys the scenario placed; others by keyShard's hash */
  keys: Record<string, number>
  timestamps: TimestampRule
  /** truetime's ε (s), or 'auto': ask the clock-sync algorithm */
  epsilon: number | 'auto'
  commitWait: boolean
  commitProtocol: CommitProtocol
  /** local seconds before an unanswered request is sent again */
  retry: number
  /** local seconds a participant waits for a decision before it recovers one (Paxos Commit) */
  recoverAfter: number
}

export function storeConfig(scenario: Scenario): StoreConfig | null {
  const tx = scenario.transactions
  if (!tx) return null
  const groups = tx.shards.map((members) => groupConfig(scenario, members))
  const election = groups[0].electionTimeout[1]
  return {
    groups,
    keys: tx.keys ?? Object.create(null),
    timestamps: tx.timestamps,
    epsilon: tx.epsilon,
    commitWait: tx.commitWait,
    commitProtocol: tx.commitProtocol,
    // long enough for a leader election to finish before asking again
    retry: 4 * election,
    recoverAfter: 4 * election,
  }
}

/**
 * The shard of a key: the scenario's `keys` entry, else FNV-1a (32-bit) of the key's UTF-16
 * code units modulo the shard count — documented in docs/scenario-format.md so a scenario's
 * author can tell where an unlisted key lives.
 */
export function keyShard(cfg: Pick<StoreConfig, 'keys' | 'groups'>, key: string): number {
  const listed = cfg.keys[key]
  if (listed !== undefined) return listed
  return fnv1a(key) % cfg.groups.length
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}
