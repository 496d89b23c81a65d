/**
 * What a shard's replicated log holds (docs/transactions.md). Each command travels as a Paxos
 * client value — its JSON — so the shard's Multi-Paxos group replicates it unchanged, and every
 * replica rebuilds the same multi-version state by applying the log in slot order (shard.ts).
 */
export type ShardCommand =
  /**
   * The shard's yes vote for `txn`: lock its keys at timestamp ≥ `ts`, having read version
   * `reads[k]` (null: no version) of each key it read here. Re-checked when applied: a conflict
   * or a changed version turns it into a refusal.
   */
  | {
      c: 'prepare'
      txn: string
      ts: number
      reads: Record<string, number | null>
      writes: Record<string, string>
      coordinator: string
      participants: number[]
    }
  /** The shard's no vote (or, in Paxos Commit recovery, an abort for a shard that never voted). */
  | { c: 'refuse'; txn: string }
  /** The transaction's outcome: install its writes at `ts` and release its locks, or drop them. */
  | { c: 'decide'; txn: string; commit: boolean; ts: number }
  /** Promise no timestamp ≤ `ts` will be assigned from here on (safe time for snapshot reads). */
  | { c: 'floor'; ts: number }

export function encodeCommand(cmd: ShardCommand): string {
  return JSON.stringify(cmd)
}

/** A log value read back as a command; null for a value that is not one (never in a store's log). */
export function decodeCommand(value: string): ShardCommand | null {
  try {
    const cmd: unknown = JSON.parse(value)
    if (typeof cmd !== 'object' || cmd === null || !('c' in cmd)) return null
    return cmd as ShardCommand
  } catch {
    return null
  }
}
