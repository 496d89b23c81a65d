import type { ProtocolContext } from '../protocol'

/**
 * The client side's durable memory (contract.md §1 `workload`, and the UI): the node a client
 * talks to keeps the client's unfinished values in durable storage and retries them until it
 * learns them chosen — standing in for a client that retries on its own, so a value is not
 * lost because the node it was handed to crashed.
 */
export type Outbox = Record<string, string>

const OUTBOX_KEY = 'outbox'
const SEQ_KEY = 'requestSeq'

export function outbox(ctx: ProtocolContext): Outbox {
  let ob = ctx.durable.get<Outbox>(OUTBOX_KEY)
  if (!ob) {
    ob = {}
    ctx.durable.set(OUTBOX_KEY, ob)
  }
  return ob
}

export function addToOutbox(ctx: ProtocolContext, id: string, value: string): void {
  const ob = outbox(ctx)
  ob[id] = value
  ctx.durable.set(OUTBOX_KEY, ob)
}

export function hasOutbox(ctx: ProtocolContext): boolean {
  for (const _ in outbox(ctx)) return true
  return false
}

/** Stop retrying one request (it was chosen). */
export function forgetRequest(ctx: ProtocolContext, id: string): void {
  const ob = outbox(ctx)
  if (!(id in ob)) return
  delete ob[id]
  ctx.durable.set(OUTBOX_KEY, ob)
}

/** Stop retrying everything (single decree: once a value is chosen, no other can be). */
export function clearOutbox(ctx: ProtocolContext): void {
  const ob = outbox(ctx)
  for (const id in ob) delete ob[id]
  ctx.durable.set(OUTBOX_KEY, ob)
}

/** Request ids unique across restarts: "n1.p7" (propose), "n1.r3" (read). */
export function nextRequestId(ctx: ProtocolContext, prefix: 'p' | 'r'): string {
  const seq = (ctx.durable.get<number>(SEQ_KEY) ?? 0) + 1
  ctx.durable.set(SEQ_KEY, seq)
  return `${ctx.nodeId}.${prefix}${seq}`
}
