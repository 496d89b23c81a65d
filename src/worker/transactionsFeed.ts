import {
  asStoreEvent,
  TRANSACTION_INVARIANTS,
  type Scenario,
  type Simulation,
  type StoreEvent,
  type TraceRecord,
} from '../engine'
import type { SnapRow, TransactionsMeta, TransactionsUpdate, TxnRow } from './transactionsWire'

/**
 * Feeds the transactions view: each transaction's phases on true time, read from the store's
 * events (protocols/store/events.ts) as the trace passes, and the checker's transaction
 * violations, each put on the row of the transaction (or snapshot read) whose event revealed it
 * — the checker reports right after the event it judged. The nodes forget finished
 * transactions; this keeps the latest MAX_TXNS. Posted only when something changed (while an
 * undecided transaction waits, its bar grows with time), and while playing at most every
 * MIN_INTERVAL_MS of wall time, so the view commits a couple of times a second.
 */
export const MIN_INTERVAL_MS = 400
export const MAX_TXNS = 60
const MAX_SNAPS = 20

export interface TransactionsFeed {
  trace(rec: TraceRecord): void
  build(sim: Simulation, runId: number, wallMs: number, force: boolean): TransactionsUpdate | null
}

const INVARIANTS: ReadonlySet<string> = new Set(TRANSACTION_INVARIANTS)

function transactionsMeta(scenario: Scenario): TransactionsMeta | null {
  const tx = scenario.transactions
  if (!tx) return null
  return {
    timestamps: tx.timestamps,
    epsilon: tx.timestamps === 'truetime' ? (tx.epsilon ?? 'auto') : null,
    commitWait: tx.commitWait,
    commitProtocol: tx.commitProtocol,
  }
}

export function createTransactionsFeed(scenario: Scenario): TransactionsFeed | null {
  const meta = transactionsMeta(scenario)
  if (!meta) return null
  const txns = new Map<string, TxnRow>()
  const snaps = new Map<string, SnapRow>()
  /** the row of the last store event: a violation right after it is about that row */
  let lastRow: TxnRow | SnapRow | null = null
  let lastKey = ''
  let lastWall = -Infinity
  let lastT = 0

  /** The timeline went back: forget what happened after `t` (or at and after, `inclusive`). */
  const forgetAfter = (t: number, inclusive: boolean) => {
    const later = (at: number | null | undefined) =>
      at !== null && at !== undefined && (inclusive ? at >= t : at > t)
    for (const [id, r] of txns) {
      if (later(r.begin)) {
        txns.delete(id)
        continue
      }
      if (later(r.prepare)) r.prepare = null
      if (later(r.commitWait)) {
        r.commitWait = null
        r.ts = null
        r.epsilon = null
      }
      if (later(r.end?.at)) r.end = null
      r.shards = r.shards.filter((s) => !later(s.at))
      if (later(r.anomaly?.at)) r.anomaly = null
    }
    for (const [id, s] of snaps) {
      if (later(s.begin)) snaps.delete(id)
      else {
        if (later(s.end)) {
          s.end = null
          s.values = null
        }
        if (later(s.anomaly?.at)) s.anomaly = null
      }
    }
    lastRow = null
    lastT = t
  }

  const keep = <T>(m: Map<string, T>, id: string, row: T, max: number) => {
    m.delete(id) // a re-run id moves to the end
    m.set(id, row)
    if (m.size > max) m.delete(m.keys().next().value!)
  }

  function onEmit(t: number, node: string, e: StoreEvent): void {
    const txn = 'txn' in e.data ? txns.get(e.data.txn) : undefined
    switch (e.event) {
      case 'txnBegin': {
        const { txn: id, reads, writes } = e.data
        const row: TxnRow = {
          id,
          node,
          reads,
          writes,
          begin: t,
          prepare: null,
          commitWait: null,
          ts: null,
          epsilon: null,
          end: null,
          shards: [],
          blocked: false,
          anomaly: null,
        }
        keep(txns, id, row, MAX_TXNS)
        lastRow = row
        return
      }
      case 'txnPrepare':
        if (txn && txn.prepare === null) txn.prepare = t
        break
      case 'txnCommitWait':
        if (txn && txn.commitWait === null) {
          txn.commitWait = t
          txn.ts = e.data.ts
          txn.epsilon = e.data.epsilon
        }
        break
      case 'txnCommitted':
        if (txn && !txn.end) {
          txn.end = { at: t, outcome: 'committed', reason: null }
          txn.ts = e.data.ts
        }
        break
      case 'txnAborted':
        if (txn && !txn.end) txn.end = { at: t, outcome: 'aborted', reason: e.data.reason }
        break
      case 'shardApplied': {
        const { shard, outcome } = e.data
        if (txn && !txn.shards.some((s) => s.shard === shard && s.outcome === outcome))
          txn.shards.push({ shard, outcome, at: t })
        break
      }
      case 'txnRecover':
        break
      case 'snapStart': {
        const { id, ts, keys } = e.data
        const row: SnapRow = {
          id,
          node,
          begin: t,
          ts,
          keys,
          end: null,
          values: null,
          anomaly: null,
        }
        keep(snaps, id, row, MAX_SNAPS)
        lastRow = row
        return
      }
      case 'snapResult': {
        const s = snaps.get(e.data.id)
        if (s && s.end === null) {
          s.end = t
          s.values = e.data.values
        }
        lastRow = s ?? null
        return
      }
    }
    lastRow = txn ?? null
  }

  return {
    trace(rec) {
      if (rec.t < lastT) forgetAfter(rec.t, true)
      lastT = rec.t
      if (rec.type === 'violation') {
        if (lastRow && !lastRow.anomaly && INVARIANTS.has(rec.invariant))
          lastRow.anomaly = { invariant: rec.invariant, at: rec.t, detail: rec.detail }
        return
      }
      if (rec.type !== 'emit') return
      const e = asStoreEvent(rec.event, rec.data)
      if (e) onEmit(rec.t, rec.node, e)
    },
    build(sim, runId, wallMs, force) {
      if (sim.now < lastT) forgetAfter(sim.now, false)
      if (!force && wallMs - lastWall < MIN_INTERVAL_MS) return null
      let waiting = false
      for (const r of txns.values()) {
        if (r.end) {
          r.blocked = false
          continue
        }
        waiting = true
        const prepared = r.shards.some((s) => s.outcome === 'prepared')
        r.blocked = prepared && sim.statusOf(sim.indexOf(r.node)) !== 'up'
      }
      const update: TransactionsUpdate = {
        type: 'transactions',
        runId,
        now: sim.now,
        meta,
        // copies: the trace keeps filling these in after the update is posted
        txns: [...txns.values()].map((r) => ({ ...r, shards: r.shards.slice() })),
        snaps: [...snaps.values()].map((s) => ({ ...s })),
      }
      // while something waits, its bar grows: the time counts as a change (in 0.1 s steps)
      const key = JSON.stringify([update.txns, update.snaps, waiting && Math.round(sim.now * 10)])
      if (key === lastKey) return null
      lastKey = key
      lastWall = wallMs
      return update
    },
  }
}
