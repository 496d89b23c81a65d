import type { ProtocolContext } from '../protocol'
import { sameBallot, type Ballot } from './ballot'
import { acceptorRecord } from './acceptor'
import type { PaxosConfig } from './config'
import type { LogEntry } from './entry'
import { learnedFrom } from './learner'
import type { PaxosMessages } from './messages'
import type { PaxosState } from './state'

/**
 * How followers come to know the chosen log without a `decide` per command: the leader's
 * accept and heartbeat messages carry its learned prefix `commit`. Below it, a follower's own
 * vote cast at the leader's current ballot is the chosen entry (the leader sends one entry per
 * slot per ballot, and it knows the slot chosen). These are returned in slot order up to the
 * first slot it cannot vouch for; anything else it asks for (catch-up).
 */
export function committedVotes(
  ctx: ProtocolContext,
  s: PaxosState,
  ballot: Ballot,
  commit: number,
  cfg: PaxosConfig,
): { slot: number; entry: LogEntry }[] {
  const l = s.learner
  const rec = acceptorRecord(ctx, s, cfg)
  const out: { slot: number; entry: LogEntry }[] = []
  for (let slot = l.prefix; slot < commit; slot++) {
    if (l.log[slot]) continue
    const v = rec.votes[slot]
    if (!v || !sameBallot(v.ballot, ballot)) break
    out.push({ slot, entry: v.entry })
  }
  return out
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

/** Answer a catch-up request with the learned entries asked for. */
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
