import type { ShardCommand } from './commands'

/**
 * One shard's multi-version key-value state, rebuilt by every replica from its group's log
 * (docs/transactions.md §store). Pure: the same log gives the same state on every replica, so
 * locks and votes decided here survive leader changes and crashes.
 */

/** The smallest step between two timestamps the store assigns (1 ns). */
export const TS_TICK = 1e-9

export interface Version {
  ts: number
  value: string
  txn: string
}

type TxnRecord =
  | {
      status: 'prepared'
      ts: number
      reads: string[]
      writes: Record<string, string>
      coordinator: string
      participants: number[]
    }
  | { status: 'refused' }
  | { status: 'committed'; ts: number }
  | { status: 'aborted' }

export interface ShardState {
  shard: number
  /** log slots [0, applied) are applied */
  applied: number
  /** per key, versions in ascending timestamp order */
  versions: Map<string, Version[]>
  txns: Map<string, TxnRecord>
  /** every timestamp assigned or applied here is ≤ floor; a new prepare goes above it */
  floor: number
  /** prepared and undecided: txn → its prepare timestamp (their records hold the locks) */
  prepared: Map<string, number>
}

export type Applied =
  | { txn: string; outcome: 'prepared' | 'refused' | 'committed' | 'aborted'; ts: number | null }
  | { floor: number }

export function createShard(shard: number): ShardState {
  return {
    shard,
    applied: 0,
    versions: new Map(),
    txns: new Map(),
    floor: -Infinity,
    prepared: new Map(),
  }
}

export function latestVersion(st: ShardState, key: string): Version | null {
  const vs = st.versions.get(key)
  return vs && vs.length > 0 ? vs[vs.length - 1] : null
}

/** The version a snapshot at `ts` sees: the newest with timestamp ≤ ts. */
export function versionAt(st: ShardState, key: string, ts: number): Version | null {
  const vs = st.versions.get(key)
  if (!vs) return null
  for (let i = vs.length - 1; i >= 0; i--) if (vs[i].ts <= ts) return vs[i]
  return null
}

/** The prepared transaction holding a write lock on `key`, if any (other than `except`). */
export function writeLocker(st: ShardState, key: string, except?: string): string | null {
  for (const txn of st.prepared.keys()) {
    const r = st.txns.get(txn)
    if (txn !== except && r?.status === 'prepared' && key in r.writes) return txn
  }
  return null
}

/** Why `txn` may not prepare here now, or null: a lock held by another prepared one, a stale read. */
function prepareConflict(
  st: ShardState,
  cmd: Extract<ShardCommand, { c: 'prepare' }>,
): string | null {
  for (const other of st.prepared.keys()) {
    const r = st.txns.get(other)
    if (other === cmd.txn || r?.status !== 'prepared') continue
    for (const k in cmd.writes)
      if (k in r.writes || r.reads.includes(k)) return `${k} locked by ${other}`
    for (const k in cmd.reads) if (k in r.writes) return `${k} locked by ${other}`
  }
  for (const k in cmd.reads) {
    const v = latestVersion(st, k)
    if ((v ? v.ts : null) !== cmd.reads[k]) return `${k} changed since it was read`
  }
  return null
}

/** The timestamp a prepare proposed at `ts` gets: above everything this shard has assigned. */
function prepareTs(st: ShardState, ts: number): number {
  return Math.max(ts, st.floor + TS_TICK)
}

/**
 * Apply one command. Returns what changed for a transaction or the floor, or null for a
 * command that changes nothing (the second vote for a transaction: the first decides).
 */
export function applyCommand(st: ShardState, cmd: ShardCommand): Applied | null {
  switch (cmd.c) {
    case 'prepare': {
      if (st.txns.has(cmd.txn)) return null
      if (prepareConflict(st, cmd) !== null) {
        st.txns.set(cmd.txn, { status: 'refused' })
        return { txn: cmd.txn, outcome: 'refused', ts: null }
      }
      const ts = prepareTs(st, cmd.ts)
      st.floor = ts
      st.txns.set(cmd.txn, {
        status: 'prepared',
        ts,
        reads: Object.keys(cmd.reads),
        writes: cmd.writes,
        coordinator: cmd.coordinator,
        participants: cmd.participants,
      })
      st.prepared.set(cmd.txn, ts)
      return { txn: cmd.txn, outcome: 'prepared', ts }
    }
    case 'refuse': {
      if (st.txns.has(cmd.txn)) return null
      st.txns.set(cmd.txn, { status: 'refused' })
      return { txn: cmd.txn, outcome: 'refused', ts: null }
    }
    case 'decide':
      return decide(st, cmd.txn, cmd.commit, cmd.ts)
    case 'floor':
      if (cmd.ts <= st.floor) return null
      st.floor = cmd.ts
      return { floor: cmd.ts }
  }
}

function decide(st: ShardState, txn: string, commit: boolean, ts: number): Applied | null {
  const r = st.txns.get(txn)
  if (r?.status === 'committed' || r?.status === 'aborted') return null
  st.prepared.delete(txn)
  if (!commit) {
    st.txns.set(txn, { status: 'aborted' })
    return r?.status === 'refused' ? null : { txn, outcome: 'aborted', ts: null }
  }
  // A commit for a transaction this shard refused or never prepared would break atomicity; the
  // protocols never send one, and the transactions checker reports it if they ever did.
  if (r?.status === 'prepared')
    for (const k in r.writes) insertVersion(st, k, { ts, value: r.writes[k], txn })
  st.txns.set(txn, { status: 'committed', ts })
  if (ts > st.floor) st.floor = ts
  return { txn, outcome: 'committed', ts }
}

function insertVersion(st: ShardState, key: string, v: Version): void {
  let vs = st.versions.get(key)
  if (!vs) st.versions.set(key, (vs = []))
  let i = vs.length
  while (i > 0 && vs[i - 1].ts > v.ts) i--
  vs.splice(i, 0, v)
}

/**
 * The shard's safe time (Spanner §4.1.3): a snapshot at t ≤ safe time sees every write that will
 * ever commit here at ≤ t — nothing new is assigned at or below the floor, and a prepared
 * transaction commits at or above its prepare timestamp.
 */
export function safeTime(st: ShardState): number {
  let t = st.floor
  for (const ts of st.prepared.values()) if (ts - TS_TICK < t) t = ts - TS_TICK
  return t
}
