import type { ProtocolContext } from '../protocol'
import { sameBallot, type Ballot } from './ballot'
import { acceptorRecord } from './acceptor'
import type { PaxosConfig } from './config'
import { learnedFrom } from './learner'
import type { PaxosMessages } from './messages'
import { learnEntry } from './replica'
import type { PaxosState } from './state'

/**
 * How followers come to know the chosen log without a `decide` per command: the leader's
 * accept and heartbeat messages carry its learned prefix `commit`. Below it, a follower's own
 * vote cast at the leader's current ballot is the chosen entry (the leader sends one entry per
 * slot per ballot, and it knows the slot chosen). Anything else it asks for (catch-up).
 */
export function learnFromCommit(
  ctx: ProtocolContext,
  s: PaxosState,
  leader: string,
  ballot: Ballot,
  commit: number,
  cfg: PaxosConfig,
): void {
  const l = s.learner
  if (l.prefix >= commit) return
  const rec = acceptorRecord(ctx, s, cfg)
  for (let slot = l.prefix; slot < commit; slot++) {
    if (l.log[slot]) continue
    const v = rec.votes[slot]
    if (!v || !sameBallot(v.ballot, ballot)) break
    learnEntry(ctx, s, slot, v.entry, cfg)
  }
  if (l.prefix < commit) requestCatchup(ctx, s, [leader], cfg)
}

/** Ask for the entries from the first unlearned slot on; at most once per heartbeat interval. */
export function requestCatchup(
  ctx: ProtocolContext,
  s: PaxosState,
  peers: string[],
  cfg: PaxosConfig,
): void {
  const now = ctx.now()
  if (now - s.lastCatchupAt < cfg.heartbeatInterval) return
  s.lastCatchupAt = now
  for (const to of peers) if (to !== ctx.nodeId) ctx.send(to, 'catchup', { from: s.learner.prefix })
}

export function onCatchup(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['catchup'],
  cfg: PaxosConfig,
): void {
  const entries = learnedFrom(s.learner, m.from, cfg.catchupBatch)
  if (entries.length > 0) ctx.send(from, 'decide', { entries })
}

/** Entries another learner learned are chosen: learn them (the integrity checker watches). */
export function onDecide(
  ctx: ProtocolContext,
  s: PaxosState,
  m: PaxosMessages['decide'],
  cfg: PaxosConfig,
): void {
  for (const { slot, entry } of m.entries) learnEntry(ctx, s, slot, entry, cfg)
}
