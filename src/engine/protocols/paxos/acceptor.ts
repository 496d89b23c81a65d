import type { ProtocolContext } from '../protocol'
import { ballotAbove, ballotBelow, maxBallot, NO_BALLOT } from './ballot'
import type { PaxosConfig } from './config'
import { emit } from './events'
import { leaseForbids } from './lease'
import type { PaxosMessages, Vote } from './messages'
import { noteRound } from './proposer'
import type { AcceptorRecord, PaxosState } from './state'

const DURABLE_KEY = 'acceptor'

export function emptyAcceptor(): AcceptorRecord {
  return { maxBal: NO_BALLOT, maxVBal: NO_BALLOT, votes: {}, top: -1 }
}

/**
 * Where the record lives: the node's durable storage, which survives crashes like an fsync'd
 * disk; or, in the labelled-broken 'no-durable-acceptor' variant, volatile memory that a crash
 * wipes — the acceptor then forgets its promises and votes.
 */
export function acceptorRecord(
  ctx: ProtocolContext,
  s: PaxosState,
  cfg: PaxosConfig,
): AcceptorRecord {
  if (cfg.variant === 'no-durable-acceptor') return (s.volatileAcceptor ??= emptyAcceptor())
  let rec = ctx.durable.get<AcceptorRecord>(DURABLE_KEY)
  if (!rec) {
    rec = emptyAcceptor()
    ctx.durable.set(DURABLE_KEY, rec)
  }
  return rec
}

/** Write the record to stable storage; callers do this before replying. */
function persistAcceptor(ctx: ProtocolContext, rec: AcceptorRecord, cfg: PaxosConfig): void {
  if (cfg.variant !== 'no-durable-acceptor') ctx.durable.set(DURABLE_KEY, rec)
}

/** The record of a node as stored, for inspection (null before it ever acted). */
export function storedAcceptor(
  durable: Record<string, unknown> | null,
  s: PaxosState | null,
  cfg: PaxosConfig,
): AcceptorRecord | null {
  if (cfg.variant === 'no-durable-acceptor') return s?.volatileAcceptor ?? null
  return (durable?.[DURABLE_KEY] as AcceptorRecord | undefined) ?? null
}

export type PrepareOutcome =
  | { promise: PaxosMessages['promise']; nack?: undefined }
  | { nack: PaxosMessages['nack']; promise?: undefined }

/**
 * 1a → 1b: promise only a ballot above every earlier promise (Phase1b: m.bal > maxBal), and
 * report the votes in slots ≥ `from`; otherwise refuse with the ballot promised.
 */
export function handlePrepare(rec: AcceptorRecord, m: PaxosMessages['prepare']): PrepareOutcome {
  if (!ballotAbove(m.ballot, rec.maxBal)) return { nack: { ballot: m.ballot, maxBal: rec.maxBal } }
  rec.maxBal = m.ballot
  const votes: Vote[] = []
  for (let slot = Math.max(0, m.from); slot <= rec.top; slot++) {
    const v = rec.votes[slot]
    if (v) votes.push(v)
  }
  return { promise: { ballot: m.ballot, votes } }
}

export type AcceptOutcome =
  | { accepted: PaxosMessages['accepted']; nack?: undefined }
  | { nack: PaxosMessages['nack']; accepted?: undefined }

/** 2a → 2b: vote unless a higher ballot was promised (Phase2b: m.bal ≥ maxBal). */
export function handleAccept(rec: AcceptorRecord, m: PaxosMessages['accept']): AcceptOutcome {
  if (ballotBelow(m.ballot, rec.maxBal)) return { nack: { ballot: m.ballot, maxBal: rec.maxBal } }
  rec.maxBal = m.ballot
  rec.votes[m.slot] = { slot: m.slot, ballot: m.ballot, entry: m.entry }
  rec.maxVBal = maxBallot(rec.maxVBal, m.ballot)
  if (m.slot > rec.top) rec.top = m.slot
  return { accepted: { ballot: m.ballot, slot: m.slot, entry: m.entry } }
}

/**
 * 1a at an acceptor, in either mode: promise (persisted before the reply), refuse, or — under
 * a lease promised to another leader — stay silent. True when it promised.
 */
export function receivePrepare(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['prepare'],
  cfg: PaxosConfig,
): boolean {
  noteRound(s, m.ballot.round)
  if (cfg.lease && leaseForbids(s, m.ballot.node, ctx.now())) return false
  const rec = acceptorRecord(ctx, s, cfg)
  const out = handlePrepare(rec, m)
  if (out.nack) {
    ctx.send(from, 'nack', out.nack)
    return false
  }
  persistAcceptor(ctx, rec, cfg)
  emit(ctx, 'promised', { ballot: m.ballot, maxBal: rec.maxBal, maxVBal: rec.maxVBal })
  ctx.send(from, 'promise', out.promise)
  return true
}

/** 2a at an acceptor: vote and persist, or refuse. Returns the 2b for the caller to route. */
export function receiveAccept(
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages['accept'],
  cfg: PaxosConfig,
): PaxosMessages['accepted'] | null {
  noteRound(s, m.ballot.round)
  const rec = acceptorRecord(ctx, s, cfg)
  const out = handleAccept(rec, m)
  if (out.nack) {
    ctx.send(from, 'nack', out.nack)
    return null
  }
  persistAcceptor(ctx, rec, cfg)
  emit(ctx, 'accepted', {
    slot: m.slot,
    ballot: m.ballot,
    entry: m.entry,
    maxBal: rec.maxBal,
    maxVBal: rec.maxVBal,
  })
  return out.accepted
}
