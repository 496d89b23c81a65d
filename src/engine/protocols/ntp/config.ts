import type { ClockSyncOf, Scenario } from '../../scenario/schema'
import { ntpMembers } from '../ntpClients'
import { defaultServers, type ServerMap } from '../servers'
import type { DisciplineConfig } from './discipline'
import {
  BURST_PACKETS,
  MAXPOLL,
  MAX_FREQ_PPM,
  MINPOLL,
  NMIN,
  PANIC_THRESHOLD,
  POLL_HIGHEST,
  POLL_LOWEST,
  STEPOUT,
  STEP_THRESHOLD,
} from './constants'

/**
 * The `clockSync` parameters DriftLab's clock-sync algorithms read (docs/scenario-format.md), with
 * ntpd's defaults. The schema has validated them; absent ones are undefined here.
 */
export interface ClockSyncParams {
  pollInterval: number
  pollIntervalGiven: boolean
  minPoll?: number
  maxPoll?: number
  iburst: boolean
  burst?: number | boolean
  stepThreshold: number
  stepout: number
  panicThreshold: number
  maxSlewPpm: number
}

export function clockSyncParams(
  cs: ClockSyncOf<'ntp' | 'chrony' | 'sntp' | 'berkeley'>,
): ClockSyncParams {
  return {
    pollInterval: cs.pollInterval,
    pollIntervalGiven: cs.pollIntervalGiven,
    minPoll: cs.minPoll,
    maxPoll: cs.maxPoll,
    iburst: cs.iburst !== false,
    burst: cs.burst,
    stepThreshold: cs.stepThreshold ?? STEP_THRESHOLD,
    stepout: cs.stepout ?? STEPOUT,
    panicThreshold: cs.panicThreshold ?? PANIC_THRESHOLD,
    maxSlewPpm: cs.maxSlewPpm ?? MAX_FREQ_PPM,
  }
}

/** A node's precision: its clock resolution (floored at 1 ns so a perfect clock still has one). */
export function precisions(scenario: Scenario): ReadonlyMap<string, number> {
  return new Map(scenario.nodes.map((n) => [n.id, Math.max(n.clock.resolution, 1e-9)]))
}

export interface NtpConfig {
  servers: ServerMap
  precision: ReadonlyMap<string, number>
  /** starting poll exponent */
  poll: number
  iburst: boolean
  /** packets per poll while the server answers */
  burst: number
  minClock: number
  discipline: Omit<DisciplineConfig, 'precision'>
}

/**
 * Poll range and start (documented in docs/scenario-format.md):
 * - `minPoll`/`maxPoll` (exponents) default to ntpd's 6 and 10;
 * - a given `pollInterval` sets the starting poll to the nearest power of two, and when neither
 *   bound is given it pins τ there (no adaptation), so a scenario that asks for 16 s gets 16 s;
 * - without `pollInterval` NTP starts at minPoll and adapts, as ntpd does.
 */
export function pollRange(p: ClockSyncParams): { minPoll: number; maxPoll: number; poll: number } {
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x))
  const asked = clamp(Math.round(Math.log2(p.pollInterval)), POLL_LOWEST, POLL_HIGHEST)
  if (p.pollIntervalGiven && p.minPoll === undefined && p.maxPoll === undefined) {
    return { minPoll: asked, maxPoll: asked, poll: asked }
  }
  const minPoll = p.minPoll ?? Math.min(MINPOLL, p.maxPoll ?? MINPOLL)
  const maxPoll = p.maxPoll ?? Math.max(MAXPOLL, minPoll)
  return { minPoll, maxPoll, poll: p.pollIntervalGiven ? clamp(asked, minPoll, maxPoll) : minPoll }
}

export function ntpConfig(scenario: Scenario): NtpConfig | null {
  const cs = scenario.clockSync
  if (!cs || (cs.algorithm !== 'ntp' && cs.algorithm !== 'chrony')) return null
  if (ntpMembers(scenario, 'ntp') === null) return null
  const p = clockSyncParams(cs)
  const range = pollRange(p)
  return {
    servers: defaultServers(scenario),
    precision: precisions(scenario),
    poll: range.poll,
    iburst: p.iburst,
    burst: p.burst === true ? BURST_PACKETS : typeof p.burst === 'number' ? p.burst : 1,
    minClock: NMIN,
    discipline: {
      stepThreshold: p.stepThreshold,
      stepout: p.stepout,
      panicThreshold: p.panicThreshold,
      maxFreq: p.maxSlewPpm * 1e-6,
      minPoll: range.minPoll,
      maxPoll: range.maxPoll,
    },
  }
}
