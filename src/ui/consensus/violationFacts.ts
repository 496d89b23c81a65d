import {
  CONSENSUS_INVARIANTS,
  type ConsensusInvariant,
} from '../../engine/checkers/consensus/state'
import type { Violation } from '../../worker/consensusWire'

/**
 * The "where" of a violation, for a sentence in the reader's language. The checker's detail is
 * precise English (engine checkers/consensus); the slot and the values it names are picked out
 * of it — values are JSON strings there, so they parse back exactly. A detail in another shape
 * simply yields fewer facts; the full detail is always shown too.
 */
export interface ViolationFacts {
  invariant: ConsensusInvariant | null
  slot: number | null
  /** distinct client values named, in order */
  values: string[]
  nodes: string[]
  at: number
}

const SLOT = /\bslot (\d+)\b/
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g

export function violationFacts(v: Violation): ViolationFacts {
  const slot = SLOT.exec(v.detail)
  const values: string[] = []
  for (const m of v.detail.matchAll(JSON_STRING)) {
    let value: string
    try {
      value = JSON.parse(m[0]) as string
    } catch {
      continue
    }
    if (!values.includes(value)) values.push(value)
  }
  return {
    invariant: (CONSENSUS_INVARIANTS as readonly string[]).includes(v.invariant)
      ? (v.invariant as ConsensusInvariant)
      : null,
    slot: slot ? Number(slot[1]) : null,
    values,
    nodes: v.nodes,
    at: v.at,
  }
}
