import type { ClientRequest, ConsensusMeta } from '../../worker/consensusWire'

/**
 * Where a client request stands, from the facts the worker collected (consensusWire.ts). A read
 * is answered when its client got the reply; how it was served decides whether it was
 * linearizable (through the leader's lease or the log) or only the asked node's own view.
 */
export type RequestOutcome =
  | { kind: 'pending' }
  | { kind: 'chosen'; slot: number; at: number }
  /** single decree: another value won the one decree, this one will never be chosen */
  | { kind: 'lost'; winner: string | null }
  | {
      kind: 'answered'
      value: string | null
      at: number
      /** 'lease': the leader answered alone; 'log': after a read barrier; 'local': no leader asked */
      via: 'lease' | 'log' | 'local'
      by: string
    }

/**
 * `decided`: in single-decree runs, the value chosen in slot 0 if any node has learned it
 * (null: a no-op or nothing learned yet).
 */
export function requestOutcome(
  r: ClientRequest,
  mode: ConsensusMeta['mode'],
  decided: { value: string | null } | null,
): RequestOutcome {
  if (r.op === 'propose') {
    if (r.chosen) return { kind: 'chosen', slot: r.chosen.slot, at: r.chosen.at }
    if (mode === 'single' && decided) return { kind: 'lost', winner: decided.value }
    return { kind: 'pending' }
  }
  if (!r.result) return { kind: 'pending' }
  if (r.result.local)
    return { kind: 'answered', value: r.result.value, at: r.result.at, via: 'local', by: r.node }
  return {
    kind: 'answered',
    value: r.result.value,
    at: r.result.at,
    via: r.served?.lease ? 'lease' : 'log',
    by: r.served?.by ?? r.node,
  }
}

/** Newest first, for the list under the form. */
export function newestFirst(requests: readonly ClientRequest[]): ClientRequest[] {
  return requests.slice().reverse()
}
