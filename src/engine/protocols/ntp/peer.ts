import { MAXDIST, MAXSTRAT, MINDISP, PHI } from './constants'
import {
  dispersionAt,
  emptyEstimate,
  emptyRegister,
  type FilterRegister,
  type PeerEstimate,
} from './filter'
import type { PollSchedule } from './poll'

/**
 * One association: what a client knows about one of its servers (RFC 5905 §9, the peer
 * variables). Plain data, shown by the inspector.
 *
 * `status` follows ntpq's tally codes: 'unfit' (' ', not usable: unreachable, unsynchronised,
 * too far, or a timing loop), 'falseticker' ('x', outside the agreed interval), 'truechimer'
 * ('-', agrees but was pruned by the cluster algorithm), 'candidate' ('+', survivor, averaged
 * into the system offset), 'selected' ('*', the system peer).
 */
export type PeerStatus = 'unfit' | 'falseticker' | 'truechimer' | 'candidate' | 'selected'
export type UnfitReason = 'unreachable' | 'unsynchronised' | 'distance' | 'loop' | null

export interface Exchange {
  server: string
  t1: number
  t2: number
  t3: number
  t4: number
  offset: number
  delay: number
}

export interface Peer extends PollSchedule {
  id: string
  /** T1 of the request in flight (RFC aorg); null when none is outstanding */
  outstanding: number | null
  /** the node's cumulative phase correction at T1 (see `midpointShift`) */
  sentPhase: number
  /** T3 of the last reply accepted, for the duplicate check */
  lastServerXmt: number | null
  filter: FilterRegister
  est: PeerEstimate
  /** from the server's last reply */
  stratum: number
  rootDelay: number
  rootDisp: number
  refId: string | null
  precision: number
  /** outcome of the last selection */
  status: PeerStatus
  unfit: UnfitReason
  /** root distance λ at the last selection */
  distance: number
  duplicates: number
  bogus: number
  spikes: number
  last: Exchange | null
  /**
   * The node's cumulative phase correction when the offsets held here were last brought up to
   * date (see `catchUp`).
   */
  phaseRef: number
}

export function createPeer(id: string, now: number, firstPoll: number, phase: number): Peer {
  return {
    id,
    reach: 0,
    nextPoll: firstPoll,
    pollStart: firstPoll,
    burstLeft: 0,
    outstanding: null,
    sentPhase: phase,
    lastServerXmt: null,
    filter: emptyRegister(now),
    est: emptyEstimate(now),
    stratum: MAXSTRAT,
    rootDelay: 0,
    rootDisp: 0,
    refId: null,
    precision: 0,
    status: 'unfit',
    unfit: 'unreachable',
    distance: MAXDIST,
    duplicates: 0,
    bogus: 0,
    spikes: 0,
    last: null,
    phaseRef: phase,
  }
}

/**
 * Offsets measured before the clock was moved on purpose are off by the move. Like chrony
 * (sourcestats.c, SST_SlewSamples) every held offset is shifted by the phase correction the
 * adjust process has applied since, so filter, selection and combining compare like with like.
 * ntpd does not, and during its fast startup amortisation mixes offsets from before and after
 * milliseconds of correction. Done lazily, whenever a peer's offsets are about to be used.
 */
export function catchUp(p: Peer, phase: number): void {
  const moved = phase - p.phaseRef
  if (moved === 0) return
  for (const st of p.filter.stages) st.offset -= moved
  p.est.offset -= moved
  p.phaseRef = phase
}

/**
 * θ describes the clock at the exchange's midpoint: it is minus the mean of the client's offsets
 * at T1 and T4. A sample enters the filter at T4 as if current then (`catchUp` shifts it only by
 * later corrections), so the phase gained between the midpoint and T4, half of what the adjust
 * process applied during the exchange, is taken out. Without it every sample taken while slewing
 * at 500 ppm is off by 500e-6·δ/2, and the startup frequency fit turns that into a frequency
 * error (0.09 ppm at δ = 100 ms) and a standing offset for hours. ntpd needs no such step: the
 * kernel's adjtime and its own offsets are both of the same instant.
 */
export function midpointShift(p: Peer, phase: number): number {
  return (phase - p.sentPhase) / 2
}

/** After the clock was stepped every sample is wrong: start the association over (ntpd `clear_all`). */
export function resetPeer(p: Peer, now: number, tick: number, phase: number): void {
  Object.assign(p, createPeer(p.id, now, tick + 1, phase), {
    duplicates: p.duplicates,
    bogus: p.bogus,
    spikes: p.spikes,
    last: p.last,
  })
}

/**
 * Root distance λ (RFC 5905 A.5.5.2 `root_dist`): half the round trip to the stratum-1 source
 * plus all the dispersion on the way and the peer's jitter. Half-width of the correctness interval.
 */
export function rootDistance(p: Peer, now: number): number {
  return (
    Math.max(MINDISP, p.rootDelay + p.est.delay) / 2 +
    p.rootDisp +
    dispersionAt(p.est, now) +
    p.est.jitter
  )
}

/** RFC 5905 A.5.5.3 `fit`: can this server take part in selection at all? */
export function unfitReason(p: Peer, now: number, self: string, pollSeconds: number): UnfitReason {
  if (p.reach === 0) return 'unreachable'
  if (p.stratum >= MAXSTRAT) return 'unsynchronised'
  if (rootDistance(p, now) > MAXDIST + PHI * pollSeconds) return 'distance'
  if (p.refId === self) return 'loop'
  return null
}
