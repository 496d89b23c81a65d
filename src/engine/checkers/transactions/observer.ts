import { asStoreEvent, type StoreEvent, type StoreEvents } from '../../protocols/store/events'
import { vectorBefore } from '../../logical/vector'
import type { ObserverApi, ObserverDef } from '../../sim/observer'
import { serializationCycle } from './serializability'
import { createTxnCheckState, type TransactionInvariant, type TxnCheckState } from './state'

/**
 * The live transactions checker: it watches what the store reports (protocols/store/events.ts)
 * on true time and judges the history — external consistency, serializability, atomicity,
 * snapshot staleness and causality (docs/transactions.md §checkers). Its summary is
 * docs/cli.md's `transactions` object.
 */

function report(
  api: ObserverApi,
  st: TxnCheckState,
  invariant: TransactionInvariant,
  detail: string,
  nodes: string[],
) {
  if (st.reported.has(detail)) return
  st.reported.add(detail)
  st.violations.push({ invariant, at: api.t, detail })
  api.violation(invariant, detail, [...new Set(nodes)])
}

const fmt = (ts: number) => ts.toFixed(6)

/** e → f by vector clocks: V(e) ≤ V(f) componentwise and not equal. */
function happenedBefore(a: number[] | null, b: number[] | null): boolean {
  return a !== null && b !== null && vectorBefore(a, b)
}

function onCommitted(
  api: ObserverApi,
  st: TxnCheckState,
  node: string,
  d: StoreEvents['txnCommitted'],
) {
  const t = st.txns.get(d.txn)
  if (!t) return
  t.ack = api.t
  t.ts = d.ts
  t.reads = d.reads
  t.readTs = d.readTs
  t.ackVector = d.vector
  t.wait = t.waitStart === null ? 0 : api.t - t.waitStart
  const c = st.committed.get(d.txn) ?? { id: d.txn, ts: d.ts, reads: {}, writes: [] }
  c.reads = d.readTs
  st.committed.set(d.txn, c)
  for (const k in d.readTs) {
    const read = d.readTs[k]
    const rs = st.readers.get(k) ?? []
    rs.push({ txn: d.txn, read, ts: d.ts })
    st.readers.set(k, rs)
    if (read !== null && read >= d.ts) st.outOfOrder = true
    for (const v of st.versions.get(k) ?? [])
      if (v.txn !== d.txn && (read === null || v.ts > read) && v.ts < d.ts) st.outOfOrder = true
  }
  for (const [id, o] of st.txns) {
    if (id === d.txn || o.ack === null || o.ts === null || o.ts < d.ts) continue
    // T1 committed (its client was told) before T2 began, yet ts(T1) ≥ ts(T2)
    if (o.ack < t.begin)
      report(
        api,
        st,
        'external-consistency',
        `${d.txn} began after ${id} committed but has the smaller timestamp (${fmt(d.ts)} ≤ ${fmt(o.ts)})`,
        [node, o.coordinator],
      )
    // e → f implies e before f in true time, so a causal inversion is also a real-time one;
    // reported on its own because HLC promises causality only
    if (happenedBefore(o.ackVector, t.beginVector))
      report(
        api,
        st,
        'causality',
        `${id}'s commit happened before ${d.txn} began, yet ${d.txn} has the smaller timestamp (${fmt(d.ts)} ≤ ${fmt(o.ts)})`,
        [node, o.coordinator],
      )
  }
  if (st.outOfOrder) checkSerializable(api, st)
}

/** A shard applied a vote or a decision: the first report per shard counts (replicas repeat it). */
function onShardApplied(
  api: ObserverApi,
  st: TxnCheckState,
  node: string,
  d: StoreEvents['shardApplied'],
) {
  const key = `${d.shard}/${d.txn}`
  const prev = st.shard.get(key)
  const decided = d.outcome === 'committed' || d.outcome === 'aborted'
  if (
    prev &&
    (prev.outcome === d.outcome ||
      !decided ||
      prev.outcome === 'committed' ||
      prev.outcome === 'aborted')
  )
    return
  const writes = prev?.writes ?? d.writes
  st.shard.set(key, { outcome: d.outcome, ts: d.ts, writes })
  if (!decided) return
  const commit = d.outcome === 'committed'
  const other = st.decided.get(d.txn)
  const coordinator = st.txns.get(d.txn)?.coordinator ?? node
  if (other && other.commit !== commit)
    report(
      api,
      st,
      'atomicity',
      `${d.txn} committed on one shard and aborted on another (shard ${d.shard}: ${d.outcome})`,
      [node, coordinator],
    )
  if (commit && prev?.outcome === 'refused')
    report(api, st, 'atomicity', `${d.txn} committed on shard ${d.shard}, which voted no`, [
      node,
      coordinator,
    ])
  if (!other) st.decided.set(d.txn, { commit, ts: d.ts, at: api.t })
  if (!commit || d.ts === null) return
  const c = st.committed.get(d.txn) ?? { id: d.txn, ts: d.ts, reads: {}, writes: [] }
  c.writes.push(...writes)
  st.committed.set(d.txn, c)
  for (const k of writes) {
    const vs = st.versions.get(k) ?? []
    vs.push({ ts: d.ts, txn: d.txn })
    vs.sort((a, b) => a.ts - b.ts)
    st.versions.set(k, vs)
    for (const [id, s] of st.snaps) checkSnapshotKey(api, st, id, s.node, k)
    for (const r of st.readers.get(k) ?? [])
      if (r.txn !== d.txn && (r.read === null || d.ts > r.read) && d.ts < r.ts) st.outOfOrder = true
  }
  if (st.outOfOrder) checkSerializable(api, st)
}

/** A snapshot read of `key` must return the newest version committed at or below its timestamp. */
function checkSnapshotKey(
  api: ObserverApi,
  st: TxnCheckState,
  id: string,
  node: string,
  key: string,
) {
  const s = st.snaps.get(id)
  if (!s?.versions || !(key in s.versions)) return
  let want: { ts: number; txn: string } | null = null
  for (const v of st.versions.get(key) ?? []) if (v.ts <= s.ts) want = v
  const got = s.versions[key]
  if (want && (got === null || got < want.ts))
    report(
      api,
      st,
      'snapshot-staleness',
      `${id} read ${key} at ${fmt(s.ts)} but missed ${want.txn}'s write at ${fmt(want.ts)}`,
      [node],
    )
}

function onSnapResult(
  api: ObserverApi,
  st: TxnCheckState,
  node: string,
  d: StoreEvents['snapResult'],
) {
  const s = st.snaps.get(d.id)
  if (!s) return
  s.versions = d.versions
  s.values = d.values
  for (const k of s.keys) checkSnapshotKey(api, st, d.id, node, k)
  // A read that began after a transaction committed must see its writes (external consistency).
  for (const [id, t] of st.txns) {
    if (t.ack === null || t.ts === null || t.ack >= s.begin || t.ts <= s.ts) continue
    const missed = t.writes.find((k) => s.keys.includes(k))
    if (missed !== undefined)
      report(
        api,
        st,
        'external-consistency',
        `${d.id} began after ${id} committed but reads at an earlier timestamp and misses its write to ${missed}`,
        [node, t.coordinator],
      )
  }
}

/**
 * The full cycle search runs only once a commit broke timestamp order — a read that skipped a
 * version below its reader's timestamp, found from either side — and from then on at every
 * commit (the cycle may close later). Until then every edge of the serialization graph points
 * from a smaller timestamp to a larger one, so there is no cycle.
 */
function checkSerializable(api: ObserverApi, st: TxnCheckState) {
  const cycle = serializationCycle([...st.committed.values()])
  if (cycle)
    report(
      api,
      st,
      'serializability',
      `no serial order: ${cycle.join(' → ')}`,
      cycle.flatMap((id) => st.txns.get(id)?.coordinator ?? []),
    )
}

export function checkStoreEvent(api: ObserverApi, st: TxnCheckState, node: string, e: StoreEvent) {
  switch (e.event) {
    case 'txnBegin':
      st.txns.set(e.data.txn, {
        coordinator: node,
        begin: api.t,
        beginVector: e.data.vector,
        writes: e.data.writes,
        ack: null,
        ackVector: null,
        ts: null,
        reads: {},
        readTs: {},
        aborted: null,
        waitStart: null,
        wait: null,
      })
      return
    case 'txnCommitWait': {
      const t = st.txns.get(e.data.txn)
      if (t) t.waitStart = api.t
      return
    }
    case 'txnCommitted':
      return onCommitted(api, st, node, e.data)
    case 'txnAborted': {
      const t = st.txns.get(e.data.txn)
      if (t && t.ack === null) t.aborted = e.data.reason
      return
    }
    case 'shardApplied':
      return onShardApplied(api, st, node, e.data)
    case 'snapStart':
      st.snaps.set(e.data.id, {
        node,
        begin: api.t,
        ts: e.data.ts,
        keys: e.data.keys,
        versions: null,
        values: null,
      })
      return
    case 'snapResult':
      return onSnapResult(api, st, node, e.data)
  }
}

type Outcome = 'committed' | 'aborted' | 'blocked' | 'pending'

function outcomeOf(st: TxnCheckState, id: string): Outcome {
  const d = st.decided.get(id)
  if (d) return d.commit ? 'committed' : 'aborted'
  const t = st.txns.get(id)
  if (t?.ack !== null && t?.ack !== undefined) return 'committed'
  if (t?.aborted) return 'aborted'
  return blockedTxns(st).has(id) ? 'blocked' : 'pending'
}

/** Transactions prepared on some shard whose decision no shard has applied. */
function blockedTxns(st: TxnCheckState): Set<string> {
  const out = new Set<string>()
  for (const [key, s] of st.shard) {
    const txn = key.slice(key.indexOf('/') + 1)
    if (s.outcome === 'prepared' && !st.decided.has(txn)) out.add(txn)
  }
  return out
}

export function summarizeTransactions(st: TxnCheckState) {
  const results = [...st.txns.keys()].map((id) => {
    const t = st.txns.get(id)
    const outcome = outcomeOf(st, id)
    const ts = outcome === 'committed' ? (st.decided.get(id)?.ts ?? t?.ts ?? null) : null
    return { id, outcome, ts, reads: outcome === 'committed' ? (t?.reads ?? {}) : {} }
  })
  const waits = [...st.txns.values()].flatMap((t) => (t.wait === null ? [] : [t.wait]))
  return {
    committed: results.filter((r) => r.outcome === 'committed').length,
    aborted: results.filter((r) => r.outcome === 'aborted').length,
    blocked: blockedTxns(st).size,
    commitWait: {
      mean: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : 0,
      max: waits.length ? Math.max(...waits) : 0,
    },
    results,
    snapshotReads: [...st.snaps].map(([id, s]) => ({ id, ts: s.ts, values: s.values })),
    violations: st.violations.map(({ invariant, at, detail }) => ({ invariant, at, detail })),
  }
}

export const transactionsChecker: ObserverDef<TxnCheckState> = {
  name: 'transactions',
  configure: (scenario) => (scenario.transactions ? createTxnCheckState() : null),
  onEmit(api, st, node, event, data) {
    const e = asStoreEvent(event, data)
    if (e) checkStoreEvent(api, st, node, e)
  },
  summarize: (st) => ({ transactions: summarizeTransactions(st) }),
}
