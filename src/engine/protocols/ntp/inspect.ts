import type { ClockState } from './discipline'
import type { FilterStage } from './filter'
import type { NtpState } from './ntp'
import type { Exchange, PeerStatus, UnfitReason } from './peer'

/**
 * What an inspector shows of one NTP node, in display units, derived from its plain-data state
 * (no engine access needed: the worker can send the state and the view can call this).
 */
export interface NtpPeerView {
  id: string
  /** ntpq's tally code: '*' system peer, '+' candidate, '-' pruned truechimer, 'x' falseticker, ' ' unfit */
  tally: '*' | '+' | '-' | 'x' | ' '
  status: PeerStatus
  unfit: UnfitReason
  truechimer: boolean
  stratum: number
  /** θ, δ, ε, ψ, λ (s) as of the peer's last update */
  offset: number
  delay: number
  dispersion: number
  jitter: number
  distance: number
  /** reach register as 8 bits, newest right, like ntpq's octal but readable */
  reach: string
  filter: FilterStage[]
  last: Exchange | null
  duplicates: number
  bogus: number
  spikes: number
}

export interface NtpView {
  reference: boolean
  stratum: number
  synchronised: boolean
  systemPeer: string | null
  /** combined offset Θ and system jitter (s) */
  offset: number
  jitter: number
  noMajority: boolean
  agreed: { lo: number; hi: number; agreed: number } | null
  discipline: {
    state: ClockState
    /** poll exponent τ and interval 2^τ (s) */
    poll: number
    pollInterval: number
    /** frequency correction (ppm) and residual phase still being amortised (s) */
    frequencyPpm: number
    residual: number
    jitter: number
    wanderPpm: number
  }
  peers: NtpPeerView[]
  last: Exchange | null
}

const TALLY: Record<PeerStatus, NtpPeerView['tally']> = {
  selected: '*',
  candidate: '+',
  truechimer: '-',
  falseticker: 'x',
  unfit: ' ',
}

export function inspectNtp(s: NtpState): NtpView {
  const d = s.discipline
  const reference = s.isReference
  return {
    reference,
    stratum: reference ? 1 : s.system.synchronised ? s.system.stratum : 16,
    synchronised: reference || s.system.synchronised,
    systemPeer: s.system.peer,
    offset: s.system.offset,
    jitter: s.system.jitter,
    noMajority: s.noMajority,
    agreed: s.system.agreed,
    discipline: {
      state: d.state,
      poll: d.poll,
      pollInterval: 2 ** d.poll,
      frequencyPpm: d.freq * 1e6,
      residual: d.state === 'SYNC' ? d.offset : d.slew,
      jitter: d.jitter,
      wanderPpm: d.wander * 1e6,
    },
    peers: s.peers.map((p) => ({
      id: p.id,
      tally: TALLY[p.status],
      status: p.status,
      unfit: p.unfit,
      truechimer: p.status === 'selected' || p.status === 'candidate' || p.status === 'truechimer',
      stratum: p.stratum,
      offset: p.est.offset,
      delay: p.est.delay,
      dispersion: p.est.disp,
      jitter: p.est.jitter,
      distance: p.distance,
      reach: p.reach.toString(2).padStart(8, '0'),
      filter: p.filter.stages.map((st) => ({ ...st })),
      last: p.last,
      duplicates: p.duplicates,
      bogus: p.bogus,
      spikes: p.spikes,
    })),
    last: s.last,
  }
}
