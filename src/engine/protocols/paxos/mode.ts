import type { ClientOp, ProtocolContext } from '../protocol'
import type { PaxosConfig } from './config'
import type { LogEntry } from './entry'
import { tallyAccepted } from './learner'
import type { MessageKind, PaxosMessages } from './messages'
import { noteRound } from './proposer'
import type { PaxosState, PaxosTimers } from './state'

/**
 * A mode's dispatcher (single decree or Multi-Paxos): the one place that turns a message,
 * timer or client operation into role steps, and owns how each step's outcome is reacted to.
 * The role modules (acceptor, proposer, learner, leader/*, lease, catchup, client) never call
 * each other's reactions, which keeps the module graph acyclic.
 */
export type Handler<K extends MessageKind> = (
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  m: PaxosMessages[K],
  cfg: PaxosConfig,
) => void

type Handlers = { [K in MessageKind]: Handler<K> }

export type TimerKey = keyof PaxosTimers

export interface PaxosMode {
  /** After start and restart (volatile state fresh; `restarted`: durable state from before). */
  init(ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig, restarted: boolean): void
  /** Kinds a mode never sends are absent (and ignored). */
  handlers: Partial<Handlers>
  timers: Partial<Record<TimerKey, (ctx: ProtocolContext, s: PaxosState, cfg: PaxosConfig) => void>>
  onClient(ctx: ProtocolContext, s: PaxosState, op: ClientOp, cfg: PaxosConfig): void
}

const KINDS: Record<MessageKind, true> = {
  prepare: true,
  promise: true,
  nack: true,
  accept: true,
  accepted: true,
  heartbeat: true,
  heartbeatAck: true,
  forward: true,
  forwardRead: true,
  readReply: true,
  catchup: true,
  decide: true,
}

export function isPaxosKind(kind: string): kind is MessageKind {
  return Object.hasOwn(KINDS, kind)
}

export function isTimerKey(key: string, s: PaxosState): key is TimerKey {
  return Object.hasOwn(s.timers, key)
}

/** Route one message to the mode's handler for its kind. */
export function receive<K extends MessageKind>(
  mode: PaxosMode,
  ctx: ProtocolContext,
  s: PaxosState,
  from: string,
  kind: K,
  body: unknown,
  cfg: PaxosConfig,
): void {
  const h: Handler<K> | undefined = mode.handlers[kind]
  // Bodies cross the simulated network untyped; the sender built them from PaxosMessages[K].
  h?.(ctx, s, from, body as PaxosMessages[K], cfg)
}

/** A mode's way of taking in a chosen entry. */
export type LearnEntry = (
  ctx: ProtocolContext,
  s: PaxosState,
  slot: number,
  entry: LogEntry,
) => void

/** 2b at a learner: a majority at one ballot means chosen. */
export function learnFromVotes(learnEntry: LearnEntry): Handler<'accepted'> {
  return (ctx, s, from, m, cfg) => {
    noteRound(s, m.ballot.round)
    const chosen = tallyAccepted(s.learner, m.slot, m.ballot, m.entry, from, cfg.quorum)
    if (chosen) learnEntry(ctx, s, m.slot, chosen)
  }
}

/** Entries another learner learned are chosen: learn them (the integrity checker watches). */
export function learnDecided(learnEntry: LearnEntry): Handler<'decide'> {
  return (ctx, s, _from, m) => {
    for (const { slot, entry } of m.entries) learnEntry(ctx, s, slot, entry)
  }
}
