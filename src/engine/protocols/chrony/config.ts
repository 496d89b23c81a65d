import type { Scenario } from '../../scenario/schema'
import { ntpMembers } from '../ntpClients'
import { clockSyncParams, pollRange, precisions } from '../ntp/config'
import { defaultServers, type ServerMap } from '../servers'

/**
 * chrony's parameters (docs/scenario-format.md), with chronyd's defaults: `makestep` off,
 * maxupdateskew 1 000 ppm, maxslewrate 83 333 ppm, maxdistance 3 s, maxjitter 1 s,
 * combinelimit 3, corrtimeratio 3, polltarget 8, maxclockerror 1 ppm, maxdelay 3 s; the poll
 * range and iburst as for NTP (minpoll 6, maxpoll 10).
 */
export interface ChronyConfig {
  servers: ServerMap
  precision: ReadonlyMap<string, number>
  poll: number
  minPoll: number
  maxPoll: number
  iburst: boolean
  /** step when |offset| > threshold, in the first `limit` updates (−1: always); null: never */
  makestep: { threshold: number; limit: number } | null
  maxUpdateSkew: number
  maxSlew: number
  maxDistance: number
  maxJitter: number
  combineLimit: number
  corrTimeRatio: number
  pollTarget: number
  maxClockError: number
  maxDelay: number
}

export function chronyConfig(scenario: Scenario): ChronyConfig | null {
  const cs = scenario.clockSync
  if (!cs || (cs.algorithm !== 'ntp' && cs.algorithm !== 'chrony')) return null
  if (ntpMembers(scenario, 'chrony') === null) return null
  const p = clockSyncParams(cs)
  const range = pollRange(p)
  const makestep = cs.makestep
  return {
    servers: defaultServers(scenario),
    precision: precisions(scenario),
    ...range,
    iburst: p.iburst,
    makestep: makestep ? { threshold: makestep[0], limit: makestep[1] } : null,
    maxUpdateSkew: (cs.maxUpdateSkewPpm ?? 1000) * 1e-6,
    maxSlew: (cs.maxSlewPpm ?? 1e6 / 12) * 1e-6,
    maxDistance: 3,
    maxJitter: 1,
    combineLimit: 3,
    corrTimeRatio: 3,
    pollTarget: 8,
    maxClockError: 1e-6,
    maxDelay: 3,
  }
}
