import { MAXDIST } from './constants'
import { cluster } from './cluster'
import { combine } from './combine'
import { rootDistance, unfitReason, type Peer } from './peer'
import { truechimers, type Intersection } from './select'

/**
 * The system process (RFC 5905 §11.2, ntpd `clock_select`): from the associations to one system
 * offset, through fitness, selection, clustering and combining. It marks each peer's status.
 */
export interface Selection {
  /** index into peers of the system peer; null when nothing can be trusted */
  sysPeer: number | null
  offset: number
  jitter: number
  /** the interval a majority agreed on */
  agreed: Intersection | null
  /** candidates were there but no majority agreed (the clock is then left alone) */
  noMajority: boolean
  survivors: number
}

export function selectClock(
  peers: Peer[],
  now: number,
  self: string,
  pollSeconds: number,
  previousSysPeer: string | null,
  minClock: number,
): Selection {
  const fit: number[] = []
  for (let i = 0; i < peers.length; i++) {
    const p = peers[i]
    p.distance = rootDistance(p, now)
    p.unfit = unfitReason(p, now, self, pollSeconds)
    p.status = 'unfit'
    if (!p.unfit) fit.push(i)
  }
  const none: Selection = {
    sysPeer: null,
    offset: 0,
    jitter: 0,
    agreed: null,
    noMajority: false,
    survivors: 0,
  }
  if (fit.length === 0) return none

  const chosen = truechimers(
    fit.map((i) => ({ offset: peers[i].est.offset, distance: peers[i].distance })),
  )
  if (!chosen) {
    // No majority: nobody can be shown right, so nobody is trusted.
    for (const i of fit) peers[i].status = 'falseticker'
    return { ...none, noMajority: true }
  }
  const truechimerIdx = fit.filter((_, k) => chosen.flags[k])
  for (const [k, i] of fit.entries())
    peers[i].status = chosen.flags[k] ? 'truechimer' : 'falseticker'

  // RFC 5905 §11.2.2: survivors ordered by stratum, then root distance.
  const merit = (i: number) => peers[i].stratum * MAXDIST + peers[i].distance
  truechimerIdx.sort((a, b) => merit(a) - merit(b))
  const kept = cluster(
    truechimerIdx.map((i) => ({ offset: peers[i].est.offset, jitter: peers[i].est.jitter })),
    minClock,
  ).map((k) => truechimerIdx[k])
  for (const i of kept) peers[i].status = 'candidate'

  // Keep the current system peer while it survives at the best stratum: hopping between equally
  // good servers only adds noise (RFC 5905 A.5.5.1, ntpd's clockhop guard).
  let sys = kept[0]
  const old = kept.find((i) => peers[i].id === previousSysPeer)
  if (old !== undefined && peers[old].stratum === peers[sys].stratum) sys = old
  peers[sys].status = 'selected'

  const members = kept.map((i) => ({
    offset: peers[i].est.offset,
    distance: peers[i].distance,
    jitter: peers[i].est.jitter,
  }))
  const combined = combine(members, kept.indexOf(sys))
  return {
    sysPeer: sys,
    offset: combined.offset,
    jitter: combined.jitter,
    agreed: chosen.agreed,
    noMajority: false,
    survivors: kept.length,
  }
}
