import type { ProtocolContext } from '../protocol'
import { receiveAccept, receivePrepare } from './acceptor'
import { onCatchup } from './catchup'
import { entryValue, type LogEntry } from './entry'
import { emit } from './events'
import { learn } from './learner'
import { learnDecided, learnFromVotes, type PaxosMode } from './mode'
import { clearOutbox, nextRequestId } from './outbox'
import {
  initSingle,
  onCatchupTimerSingle,
  onNackSingle,
  onPromiseSingle,
  onRetryTimerSingle,
  onRivalPrepareSingle,
  proposeSingle,
  settleSingle,
} from './single'
import type { PaxosState } from './state'

/**
 * Single-decree Paxos (single.ts has the proposer's steps): every node is proposer, acceptor
 * and learner of slot 0, and acceptors send their 2b to every learner. This dispatcher holds
 * every reaction of the mode.
 */

/** The value is chosen: report it, and stop proposing and retrying. */
function learnEntry(ctx: ProtocolContext, s: PaxosState, slot: number, entry: LogEntry): void {
  if (learn(s.learner, slot, entry) === null) return
  emit(ctx, 'learned', { slot, entry })
  delete s.proposer.inflight[slot]
  if (entry.kind === 'value') delete s.submittedAt[entry.id]
  clearOutbox(ctx)
  settleSingle(ctx, s)
}

export const singleMode: PaxosMode = {
  init(ctx, s, cfg, restarted) {
    initSingle(ctx, s, cfg, restarted)
  },
  handlers: {
    prepare(ctx, s, from, m, cfg) {
      if (receivePrepare(ctx, s, from, m, cfg)) onRivalPrepareSingle(ctx, s, m.ballot, cfg)
    },
    promise: onPromiseSingle,
    nack: (ctx, s, _from, m, cfg) => onNackSingle(ctx, s, m, cfg),
    accept(ctx, s, from, m, cfg) {
      const accepted = receiveAccept(ctx, s, from, m, cfg)
      if (accepted) for (const to of cfg.members) ctx.send(to, 'accepted', accepted)
    },
    accepted: learnFromVotes(learnEntry),
    catchup: onCatchup,
    decide: learnDecided(learnEntry),
  },
  timers: {
    retry: onRetryTimerSingle,
    catchup: onCatchupTimerSingle,
  },
  onClient(ctx, s, op, cfg) {
    if (op.op === 'propose') {
      const id = nextRequestId(ctx, 'p')
      emit(ctx, 'proposed', { id, value: op.value })
      return proposeSingle(ctx, s, id, op.value, cfg)
    }
    const id = nextRequestId(ctx, 'r')
    emit(ctx, 'readStart', { id })
    // One decree has no leader to ask: answer what this node has learned (not linearizable).
    const learned = s.learner.log[0]
    emit(ctx, 'readResult', { id, value: learned ? entryValue(learned) : null, local: true })
  },
}
