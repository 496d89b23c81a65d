import { hlcReceive, hlcTick, type Hlc } from './hlc'
import { lamportReceive, lamportTick } from './lamport'
import { vectorReceive, vectorTick, vectorZero, type VectorClock } from './vector'

/**
 * The logical clocks the runtime keeps at every node, whatever protocol runs (docs/architecture.md): a
 * Lamport clock, a hybrid logical clock and — up to VECTOR_MAX_NODES nodes — a vector clock.
 * The runtime stamps every send and every receipt; a protocol stamps a local event it cares
 * about (a transaction's commit) through its context.
 *
 * They are kept across a crash, like a counter on disk: a node's events before and after a
 * restart are still ordered by program order, and forgetting the clock would break
 * e → f ⇒ L(e) < L(f) across the restart.
 *
 * They are derived data: a pure function of the events and of the node's own clock readings, so
 * they stay out of the trace hash and the CLI ⇄ browser hash contract does not depend on them.
 */

/**
 * Vector clocks cost one counter per node on every node and a copy of the vector in every
 * message: at 10 nodes that alone slowed the kernel by about a fifth. So they are kept only
 * while the run is traced (the browser always is; the CLI with `--trace`), where every event is
 * being recorded anyway, and only up to this many nodes: a 1 000-node run allocates nothing per
 * event for them. Lamport and HLC are cheap and always kept (transactions use HLC timestamps).
 */
export const VECTOR_MAX_NODES = 64

export interface NodeClocks {
  lamport: number
  hlc: Hlc
  /** null when the run is not traced or has more than VECTOR_MAX_NODES nodes */
  vector: VectorClock | null
}

/** What a message carries, stamped at its send. */
export interface MessageStamp {
  lamport: number
  hlcL: number
  hlcC: number
  vector: readonly number[] | null
}

/** One event's logical timestamps (a copy: later events do not change it). */
export interface LogicalStamp {
  lamport: number
  hlc: Hlc
  vector: number[] | null
}

export function createNodeClocks(nodes: number, vectors: boolean): NodeClocks {
  return {
    lamport: 0,
    hlc: { l: 0, c: 0 },
    vector: vectors && nodes <= VECTOR_MAX_NODES ? vectorZero(nodes) : null,
  }
}

/** A send at node i whose physical clock reads `pt`: tick, and stamp the message. */
export function stampSend(k: NodeClocks, i: number, pt: number, msg: MessageStamp): void {
  k.lamport = lamportTick(k.lamport)
  hlcTick(k.hlc, pt)
  msg.lamport = k.lamport
  msg.hlcL = k.hlc.l
  msg.hlcC = k.hlc.c
  if (k.vector) {
    vectorTick(k.vector, i)
    msg.vector = k.vector.slice()
  } else msg.vector = null
}

/** The receipt at node i, physical clock `pt`, of a message stamped `msg`. */
export function stampReceive(k: NodeClocks, i: number, pt: number, msg: MessageStamp): void {
  k.lamport = lamportReceive(k.lamport, msg.lamport)
  hlcReceive(k.hlc, msg.hlcL, msg.hlcC, pt)
  if (k.vector && msg.vector) vectorReceive(k.vector, msg.vector, i)
}

/** A local event at node i (physical clock `pt`) a protocol asked to stamp. */
export function stampLocal(k: NodeClocks, i: number, pt: number): void {
  k.lamport = lamportTick(k.lamport)
  hlcTick(k.hlc, pt)
  if (k.vector) vectorTick(k.vector, i)
}

export function readClocks(k: NodeClocks): LogicalStamp {
  return {
    lamport: k.lamport,
    hlc: { l: k.hlc.l, c: k.hlc.c },
    vector: k.vector ? k.vector.slice() : null,
  }
}
