/**
 * Lamport clocks (Lamport, "Time, Clocks, and the Ordering of Events in a Distributed System",
 * CACM 1978; docs/algorithms.md §4/§7): increment before each local event and each send; a message
 * carries the sender's value; on receipt C ← max(C, C_msg) + 1. Then e → f implies L(e) < L(f)
 * (not the converse), and (L, node index) orders all events totally.
 */

/** The value of a local event or a send at a node whose clock read `c`. */
export function lamportTick(c: number): number {
  return c + 1
}

/** The value of a receipt at a node whose clock read `c`, of a message stamped `msg`. */
export function lamportReceive(c: number, msg: number): number {
  return (c > msg ? c : msg) + 1
}

/** Lamport's total order: by value, ties broken by node index. Negative when a precedes b. */
export function lamportOrder(aValue: number, aNode: number, bValue: number, bNode: number): number {
  return aValue !== bValue ? aValue - bValue : aNode - bNode
}
