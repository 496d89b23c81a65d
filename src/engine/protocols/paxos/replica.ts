import type { ProtocolContext } from '../protocol'
import { settleRequest } from './client'
import type { PaxosConfig } from './config'
import type { LogEntry } from './entry'
import { emit } from './events'
import { answerBarrierReads } from './leader/commands'
import { learn } from './learner'
import { settleSingle } from './single'
import type { PaxosState } from './state'

/** Learn that `entry` is chosen in `slot`, report it, apply, and let each role react. */
export function learnEntry(
  ctx: ProtocolContext,
  s: PaxosState,
  slot: number,
  entry: LogEntry,
  cfg: PaxosConfig,
): void {
  const applied = learn(s.learner, slot, entry)
  if (applied === null) return
  emit(ctx, 'learned', { slot, entry })
  delete s.proposer.inflight[slot]
  settleRequest(ctx, s, entry, cfg)
  if (cfg.mode === 'single') settleSingle(ctx, s)
  else answerBarrierReads(ctx, s, applied)
}
