/**
 * Vector clocks (Fidge 1988, Mattern 1988; docs/algorithms.md §4/§7): node i keeps one counter per
 * node; V[i]++ on each local event and send; a message carries a copy of V; on receipt V takes
 * the element-wise max with the message's vector, then V[i]++. Unlike Lamport clocks they
 * characterise causality exactly: V(e) < V(f) iff e happened before f, and two events whose
 * vectors are incomparable are concurrent.
 */

export type VectorClock = number[]

export function vectorZero(n: number): VectorClock {
  return new Array<number>(n).fill(0)
}

/** A local event or a send at node i: V[i]++ in place. */
export function vectorTick(v: VectorClock, i: number): void {
  v[i]++
}

/** A receipt at node i of a message stamped `msg`: element-wise max, then V[i]++, in place. */
export function vectorReceive(v: VectorClock, msg: readonly number[], i: number): void {
  for (let k = 0; k < v.length; k++) if (msg[k] > v[k]) v[k] = msg[k]
  v[i]++
}

export type Causality = 'before' | 'after' | 'equal' | 'concurrent'

/** How event a relates to event b, from their vector timestamps. */
export function compareVectors(a: readonly number[], b: readonly number[]): Causality {
  let less = false
  let greater = false
  for (let k = 0; k < a.length; k++) {
    if (a[k] < b[k]) less = true
    else if (a[k] > b[k]) greater = true
  }
  if (less && greater) return 'concurrent'
  if (less) return 'before'
  if (greater) return 'after'
  return 'equal'
}

/** V(a) < V(b): a happened before b. */
export function vectorBefore(a: readonly number[], b: readonly number[]): boolean {
  return compareVectors(a, b) === 'before'
}
