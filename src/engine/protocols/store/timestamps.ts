import { hlcValue } from '../../logical/hlc'
import type { ProtocolContext } from '../protocol'
import type { StoreConfig } from './config'

/**
 * The three timestamp rules (docs/transactions.md §timestamps). A transaction's timestamp is
 * the largest of its participants' prepare timestamps, each at least the coordinator's lower
 * bound; the rule decides what a node offers as "now".
 */

/** truetime's ε at this node now: the configured bound, or its clock-sync algorithm's own; null: unknown. */
export function epsilonOf(ctx: ProtocolContext, cfg: StoreConfig): number | null {
  return cfg.epsilon === 'auto' ? ctx.clockErrorBound() : cfg.epsilon
}

/**
 * This node's timestamp for a new event: physical — its clock (the naive choice); hlc — its
 * hybrid logical clock, ticked; truetime — the top of its interval, now + ε. Null while
 * truetime's ε is unknown (the node must not promise an interval it cannot bound).
 */
export function timestampNow(ctx: ProtocolContext, cfg: StoreConfig): number | null {
  switch (cfg.timestamps) {
    case 'physical':
      return ctx.now()
    case 'hlc':
      return hlcValue(ctx.logical.tick().hlc)
    case 'truetime': {
      const eps = epsilonOf(ctx, cfg)
      return eps === null ? null : ctx.now() + eps
    }
  }
}

/**
 * Commit-wait (Spanner §4.1.2): `ts` has surely passed when the bottom of this node's interval
 * is above it, now − ε > ts. Returns the local seconds still to wait (≤ 0: done), or null
 * while ε is unknown.
 */
export function commitWaitLeft(ctx: ProtocolContext, cfg: StoreConfig, ts: number): number | null {
  const eps = epsilonOf(ctx, cfg)
  return eps === null ? null : ts + eps - ctx.now()
}
