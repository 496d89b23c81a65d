import type { Simulation } from '../../sim/simulation'
import { storedAcceptor } from './acceptor'
import { formatBallot } from './ballot'
import type { PaxosConfig } from './config'
import type { LogEntry } from './entry'
import { tallyProgress } from './learner'
import type { PaxosState, Role } from './state'

/**
 * What the Paxos panel shows for one node (design.md "Paxos panel"): plain data, ballots as
 * "round.node" strings, times on the node's own clock. Entries are left as LogEntry so the UI
 * words "no-op" and "read" in the reader's language.
 */
export interface PaxosNodeView {
  node: string
  /** null while the node is crashed */
  role: Role | null
  /** the ballot it runs as proposer/candidate/leader, null when none */
  ballot: string | null
  leader: string | null
  /** the acceptor's promise (maxBal), from wherever it is stored */
  promised: string
  /** the acceptor's votes in the last `window` slots it voted in */
  accepted: { slot: number; ballot: string; entry: LogEntry }[]
  /** learned entries in the last `window` slots learned */
  chosen: { slot: number; entry: LogEntry }[]
  /** slots [0, applied) are learned and applied */
  applied: number
  /** phase 1: promises gathered for its ballot; phase 2: 2b gathered per open slot */
  quorum:
    | { phase: 'prepare'; have: number; need: number; of: number }
    | { phase: 'accept'; slots: { slot: number; have: number; need: number; of: number }[] }
    | null
  /** null when leases are off */
  lease: {
    /** believes it holds the lease now, by its own clock */
    holds: boolean
    /** its lease runs to this local time (leader) */
    until: number | null
    /** the lease it granted as acceptor */
    grantedTo: string | null
    grantUntil: number | null
    /** local clock reading now */
    localNow: number
  } | null
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null)

/** The Paxos view of node `i`, or null when the scenario runs no Paxos. */
export function inspectPaxos(sim: Simulation, i: number, window = 16): PaxosNodeView | null {
  const proto = sim.protocols.find((p) => p.def.name === 'paxos')
  if (!proto || !proto.members[i]) return null
  const cfg = proto.config as PaxosConfig
  const s = sim.protocolState<PaxosState>(i, 'paxos')
  const rec = storedAcceptor(sim.durableState(i, 'paxos'), s, cfg)
  const accepted: PaxosNodeView['accepted'] = []
  if (rec)
    for (
      let slot = Math.max(0, rec.top - 4 * window);
      slot <= rec.top && accepted.length < window;
      slot++
    ) {
      const v = rec.votes[slot]
      if (v) accepted.push({ slot, ballot: formatBallot(v.ballot), entry: v.entry })
    }
  const view: PaxosNodeView = {
    node: sim.nodeIds[i],
    role: s ? s.role : null,
    ballot: s && s.proposer.ballot.round > 0 ? formatBallot(s.proposer.ballot) : null,
    leader: s ? s.leader : null,
    promised: formatBallot(rec ? rec.maxBal : { round: 0, node: '' }),
    accepted: accepted.slice(-window),
    chosen: [],
    applied: s ? s.learner.prefix : 0,
    quorum: null,
    lease: null,
  }
  if (!s) return view
  const l = s.learner
  for (let slot = Math.max(0, l.maxLearned - window + 1); slot <= l.maxLearned; slot++)
    if (l.log[slot]) view.chosen.push({ slot, entry: l.log[slot] })
  const of = cfg.members.length
  const p = s.proposer
  if (p.phase === 'prepare')
    view.quorum = { phase: 'prepare', have: p.promised.length, need: cfg.quorum, of }
  else if (p.phase === 'accept')
    view.quorum = {
      phase: 'accept',
      slots: Object.keys(p.inflight)
        .slice(0, window)
        .map(Number)
        .map((slot) => ({ slot, have: tallyProgress(l, slot), need: cfg.quorum, of })),
    }
  if (cfg.lease) {
    const localNow = sim.localReading(i)
    view.lease = {
      holds: s.role === 'leader' && localNow < s.lease.until,
      until: finite(s.lease.until),
      grantedTo: s.grant ? s.grant.holder : null,
      grantUntil: s.grant ? s.grant.until : null,
      localNow,
    }
  }
  return view
}
