import {
  inspectPaxos,
  type Simulation,
  type TraceRecord,
  consensusCheckState,
  trueTimeOf,
  formatBallot,
  type PaxosConfig,
  type PaxosEvent,
  asPaxosEvent,
  groupOfEvent,
  type PaxosState,
} from '../engine'
import type {
  ClientRequest,
  ConsensusMeta,
  ConsensusNodeView,
  ConsensusUpdate,
  LeaderChange,
} from './consensusWire'

/**
 * Feeds the consensus views. Node state comes from `inspectPaxos` when an update is built;
 * client requests and elections are picked out of the trace as they happen (the nodes forget
 * them, the views should not). An update is posted only when its content changed, and while
 * playing at most every MIN_INTERVAL_MS of wall time: it is low-rate data, the frames carry the
 * per-frame clock readings the views animate with.
 */
export const MIN_INTERVAL_MS = 100
/** slots of votes and learned entries shown per node */
const SLOT_WINDOW = 12
const MAX_REQUESTS = 40
const MAX_LEADERS = 12

export interface ConsensusFeed {
  /** the trace sink to chain after the frame builder's */
  trace(rec: TraceRecord): void
  /**
   * The update to post now, or null when nothing changed (or, unless `force`, when the last one
   * went out less than MIN_INTERVAL_MS ago).
   */
  build(sim: Simulation, runId: number, wallMs: number, force: boolean): ConsensusUpdate | null
}

/** Micro-second rounding keeps float noise in derived true times from counting as a change. */
const us = (x: number): number => Math.round(x * 1e6) / 1e6

function consensusMeta(sim: Simulation): ConsensusMeta | null {
  const p = sim.protocols.find((x) => x.def.name === 'paxos')
  if (!p) return null
  const cfg = p.config as PaxosConfig
  return {
    mode: cfg.mode,
    variant: cfg.variant,
    members: cfg.members,
    quorum: cfg.quorum,
    heartbeatInterval: cfg.heartbeatInterval,
    electionTimeout: cfg.electionTimeout,
    lease: cfg.lease
      ? {
          follower: cfg.lease.follower,
          leader: cfg.lease.leader,
          driftBoundPpm: us(cfg.lease.driftBound * 1e6),
        }
      : null,
  }
}

/**
 * The true time at which node i's clock reads `local`, at its present rate (a later step, slew
 * or skew change moves it). `trueTimeOf` only extends the clock's lazily drawn wander from the
 * clock's own random stream — the same values the run would draw — so looking does not change
 * the run.
 */
function trueAt(sim: Simulation, i: number, local: number | null): number | null {
  if (local === null || !Number.isFinite(local)) return null
  return us(Math.max(sim.now, trueTimeOf(sim.clockOf(i), local)))
}

function nodeView(sim: Simulation, i: number): ConsensusNodeView | null {
  const v = inspectPaxos(sim, i, SLOT_WINDOW)
  if (!v) return null
  const s = sim.protocolState<PaxosState>(i, 'paxos')
  const { lease, ...rest } = v
  const deadline = s && s.role !== 'leader' ? s.electionDeadline : Infinity
  return {
    ...rest,
    status: sim.statusOf(i),
    lease: lease && {
      holds: lease.holds,
      until: lease.until,
      untilAt: lease.holds ? trueAt(sim, i, lease.until) : null,
      grantedTo: lease.grantedTo,
      grantUntil: lease.grantUntil,
      grantUntilAt: trueAt(sim, i, lease.grantUntil),
    },
    election: Number.isFinite(deadline)
      ? { deadline, at: trueAt(sim, i, deadline) ?? sim.now }
      : null,
  }
}

/** The checker's chosen entries in the most recent slots (see ConsensusUpdate.chosen). */
function groundTruth(sim: Simulation): ConsensusUpdate['chosen'] {
  const st = consensusCheckState(sim)
  if (!st) return []
  return Object.keys(st.chosen)
    .map(Number)
    .sort((a, b) => a - b)
    .slice(-SLOT_WINDOW)
    .map((slot) => ({ slot, entry: st.chosen[slot].entry, at: us(st.chosen[slot].at) }))
}

export function createConsensusFeed(sim: Simulation): ConsensusFeed | null {
  const meta = consensusMeta(sim)
  if (!meta) return null
  const requests = new Map<string, ClientRequest>()
  const leaders: LeaderChange[] = []
  let lastKey = ''
  let lastWall = -Infinity
  /** latest true time seen in the trace: an earlier record means the run was rewound (a seek) */
  let lastT = 0

  /**
   * Forget what happened after `t` (strictly after, or at and after with `inclusive`): the
   * timeline went back, and re-running from a checkpoint will tell it again.
   */
  const forgetAfter = (t: number, inclusive: boolean) => {
    const later = (at: number) => (inclusive ? at >= t : at > t)
    for (const [id, r] of requests) {
      if (later(r.at)) requests.delete(id)
      else {
        if (r.chosen && later(r.chosen.at)) delete r.chosen
        if (r.served && later(r.served.at)) delete r.served
        if (r.result && later(r.result.at)) delete r.result
      }
    }
    while (leaders.length > 0 && later(leaders[leaders.length - 1].at)) leaders.pop()
    lastT = t
  }

  const remember = (r: ClientRequest) => {
    requests.set(r.id, r)
    if (requests.size > MAX_REQUESTS) requests.delete(requests.keys().next().value!)
  }

  function onEmit(t: number, node: string, e: PaxosEvent): void {
    switch (e.event) {
      case 'proposed':
        return remember({ id: e.data.id, node, op: 'propose', value: e.data.value, at: t })
      case 'readStart':
        return remember({ id: e.data.id, node, op: 'read', at: t })
      case 'learned': {
        const { entry, slot } = e.data
        if (entry.kind !== 'value') return
        const r = requests.get(entry.id)
        if (r && !r.chosen) r.chosen = { slot, at: t }
        return
      }
      case 'read': {
        const { id, value, lease, applied } = e.data
        const r = requests.get(id)
        if (r) r.served = { by: node, value, lease, applied, at: t }
        return
      }
      case 'readResult': {
        const { id, value, local } = e.data
        const r = requests.get(id)
        if (r && !r.result) r.result = { value, local, at: t }
        return
      }
      case 'elected':
        leaders.push({ node, ballot: formatBallot(e.data.ballot), at: t })
        if (leaders.length > MAX_LEADERS) leaders.shift()
        return
    }
  }

  return {
    trace(rec) {
      if (rec.t < lastT) forgetAfter(rec.t, true)
      lastT = rec.t
      // a store shard's own Paxos group (its events carry `group`) is not the consensus group
      if (rec.type !== 'emit' || groupOfEvent(rec.data) !== null) return
      const e = asPaxosEvent(rec.event, rec.data)
      if (e) onEmit(rec.t, rec.node, e)
    },
    build(sim, runId, wallMs, force) {
      // a seek to a time with no event after its checkpoint re-traces nothing
      if (sim.now < lastT) forgetAfter(sim.now, false)
      if (!force && wallMs - lastWall < MIN_INTERVAL_MS) return null
      const nodes: ConsensusNodeView[] = []
      for (let i = 0; i < sim.nodeIds.length; i++) {
        const v = nodeView(sim, i)
        if (v) nodes.push(v)
      }
      const update: ConsensusUpdate = {
        type: 'consensus',
        runId,
        now: sim.now,
        meta,
        nodes,
        // copies: the trace keeps filling these in after the update is posted
        requests: [...requests.values()].map((r) => ({ ...r })),
        leaders: leaders.slice(),
        chosen: groundTruth(sim),
      }
      const key = JSON.stringify([nodes, update.requests, leaders, update.chosen])
      if (key === lastKey) return null
      lastKey = key
      lastWall = wallMs
      return update
    },
  }
}
