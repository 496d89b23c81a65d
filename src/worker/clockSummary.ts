import {
  type BerkeleyState,
  type CristianState,
  type NaiveState,
  type ChronyState,
  type NtpState,
  type SntpState,
} from '../engine'
import type { Simulation } from '../engine'
import { MAX_CHART_NODES } from './history'

/**
 * A few numbers per node for the clock readout table, refreshed a few times a second: the
 * oscillator's frequency error, the correction the node's algorithm applies, the falseticker
 * lie, and the algorithm's own sync state. Full protocol state stays behind `inspect`.
 */
export type SyncSummary =
  | {
      algo: 'ntp'
      /** RFC 5905 discipline state; null for a reference clock (it is the time) */
      state: 'NSET' | 'FREQ' | 'SYNC' | 'SPIK' | null
      stratum: number
      synchronised: boolean
      /** the system peer */
      peer: string | null
      /** poll exponent τ (poll interval 2^τ s) */
      poll: number
      noMajority: boolean
      /** servers the intersection algorithm voted out as falsetickers (the map marks them) */
      rejected: string[]
    }
  | {
      algo: 'chrony'
      /** null for a reference clock (it is the time) */
      stratum: number | null
      synchronised: boolean
      /** the selected source */
      source: string | null
      /** sources combined into the last update */
      combined: number
      noMajority: boolean
    }
  | {
      algo: 'cristian'
      server: string | null
      /** round trip of the sample last applied (s) */
      rtt: number | null
    }
  | {
      algo: 'sntp'
      server: string | null
      /** the last reply's offset, and whether it was stepped or slewed */
      correction: { by: number; mode: 'step' | 'slew' } | null
    }
  | {
      algo: 'berkeley'
      master: boolean
      /** rounds the master has started (master only) */
      round: number
      /** the last adjustment this node applied */
      adjustment: { by: number; mode: 'step' | 'slew' | 'none' } | null
    }
  | {
      algo: 'naive'
      server: string | null
      rounds: number
      /** the last (wrong) step: +Δt */
      step: number | null
      diverged: boolean
    }

export interface NodeClockSummary {
  /** constant skew and the current random-walk wander (ppm): the oscillator's frequency error */
  skewPpm: number
  wanderPpm: number
  /** rate correction the clock runs with now: frequency correction plus any slew (ppm) */
  correctionPpm: number
  /** falseticker lie (s), 0 = honest */
  lie: number
  sync: SyncSummary | null
}

function syncOf(sim: Simulation, i: number, algo: ClockSyncAlgorithm): SyncSummary | null {
  switch (algo) {
    case 'ntp': {
      const s = sim.protocolState<NtpState>(i, 'ntp')
      if (!s) return null
      return {
        algo,
        state: s.isReference ? null : s.discipline.state,
        stratum: s.isReference ? 1 : s.system.stratum,
        synchronised: s.isReference || s.system.synchronised,
        peer: s.system.peer,
        poll: s.discipline.poll,
        noMajority: s.noMajority,
        rejected: s.peers.filter((p) => p.status === 'falseticker').map((p) => p.id),
      }
    }
    case 'chrony': {
      const s = sim.protocolState<ChronyState>(i, 'chrony')
      if (!s) return null
      return {
        algo,
        stratum: s.isReference ? null : s.ref.stratum,
        synchronised: s.isReference || s.ref.synchronised,
        source: s.ref.source,
        combined: s.ref.combined,
        noMajority: s.noMajority,
      }
    }
    case 'cristian': {
      const s = sim.protocolState<CristianState>(i, 'cristian')
      if (!s) return null
      return { algo, server: s.server, rtt: s.last?.rtt ?? null }
    }
    case 'sntp': {
      const s = sim.protocolState<SntpState>(i, 'sntp')
      if (!s) return null
      return { algo, server: s.server, correction: s.correction }
    }
    case 'berkeley': {
      const s = sim.protocolState<BerkeleyState>(i, 'berkeley')
      if (!s) return null
      const a = s.adjustment
      return {
        algo,
        master: s.isMaster,
        round: s.round,
        adjustment: a && { by: a.by, mode: a.mode },
      }
    }
    case 'naive': {
      const s = sim.protocolState<NaiveState>(i, 'naive')
      if (!s) return null
      return {
        algo,
        server: s.server,
        rounds: s.rounds,
        step: s.last?.step ?? null,
        diverged: s.diverged,
      }
    }
    default:
      return null
  }
}

/** The summary of the first MAX_CHART_NODES nodes (the ones the table lists). */
export function summarizeClocks(sim: Simulation): NodeClockSummary[] {
  const now = sim.now
  // the clock-sync protocol of this run, if any (consensus protocols have no clock state)
  const algo = sim.protocols
    .map((p) => p.def.name)
    .find((name): name is ClockSyncAlgorithm => (CLOCK_SYNC as readonly string[]).includes(name))
  const out: NodeClockSummary[] = []
  for (let i = 0; i < Math.min(sim.nodeIds.length, MAX_CHART_NODES); i++) {
    const c = sim.clockOf(i)
    const k = Math.floor(now) - c.k0
    const wander = c.sigma > 0 && c.w.length > 0 ? c.w[Math.max(0, Math.min(k, c.w.length - 1))] : 0
    out.push({
      skewPpm: c.skew * 1e6,
      wanderPpm: wander * 1e6,
      correctionPpm: (c.freq + (now < c.slewEnd ? c.slewRate : 0)) * 1e6,
      lie: sim.lieOf(i),
      sync: algo ? syncOf(sim, i, ntpClientAt(sim, i, algo)) : null,
    })
  }
  return out
}

const CLOCK_SYNC = ['ntp', 'chrony', 'sntp', 'cristian', 'berkeley', 'naive'] as const
type ClockSyncAlgorithm = (typeof CLOCK_SYNC)[number]

/** ntpd and chrony clients can share a run (clockSync.algorithmOf): each node's own kind. */
function ntpClientAt(sim: Simulation, i: number, algo: ClockSyncAlgorithm): ClockSyncAlgorithm {
  if (algo !== 'ntp' && algo !== 'chrony') return algo
  return sim.protocolState(i, algo) === null && sim.protocolState(i, 'chrony') !== null
    ? 'chrony'
    : algo
}
