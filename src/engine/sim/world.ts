import { createQueue, type EventQueue } from '../kernel/eventQueue'
import { createPrng, type PrngState } from '../kernel/prng'
import { createHash, type TraceHash } from '../kernel/traceHash'
import { createClock, type HardwareClock } from '../clock/hardwareClock'
import { linkKey, type NetworkState } from '../network/network'
import type { Scenario } from '../scenario/schema'
import type { Intervention } from '../scenario/interventions'
import type { ClientOp } from '../protocols/protocol'
import { createNodeClocks, type MessageStamp, type NodeClocks } from '../logical/nodeClocks'

/** The run's mutable state and how it is built from a scenario. */

export type NodeStatus = 'up' | 'crashed' | 'paused'

/** A message on the wire; it carries its sender's logical clocks from the send. */
export interface Message extends MessageStamp {
  id: number
  from: number
  to: number
  proto: number
  kind: string
  body: unknown
  sentAt: number
  arriveAt: number
}

export interface Timer {
  /** its node's index, and the id the protocol holds to cancel it */
  node: number
  id: number
  proto: number
  key: string
  local: number
  /** bumped on every re-aim and on removal: only a queue entry carrying the current token is live */
  token: number
}

interface NodeState {
  id: string
  reference: boolean
  status: NodeStatus
  clock: HardwareClock
  /** falseticker: seconds added to the time it serves */
  lie: number
  /** pending timers in id order (ids only grow, so a new one is appended) */
  timers: Timer[]
  /** timers that came due while paused, in order */
  deferred: number[]
  /** messages that arrived while paused, in order */
  inbox: Message[]
  /** client operations that arrived while paused: applied on resume, after the inbox */
  clientQueue: ClientOp[]
  /** per protocol: durable storage (kept across crashes) and volatile state (null when not running) */
  durable: Record<string, unknown>[]
  proto: unknown[]
  /** Lamport, HLC and vector clocks, kept by the runtime on every send and receipt */
  logical: NodeClocks
}

/**
 * A queue entry is the Message or Timer itself, told apart by its numeric tag (no wrapper object
 * per event): MESSAGE_TAG for a message on the wire, timerTag(token, hop) for a timer's aim.
 */
export type QueueItem = Message | Timer
export const MESSAGE_TAG = -1

/** `hop`: a waypoint on the way to a timer aimed beyond AIM_PIECES; re-aimed, not fired. */
export function timerTag(token: number, hop: boolean): number {
  return hop ? token * 2 + 1 : token * 2
}

/** A scheduled or live input: an intervention, or a client operation on a node. */
export type Input = (
  { at: number; fault: Intervention } | { at: number; client: { node: string; op: ClientOp } }
) & { live?: true }

/** Everything that changes during a run. Plain data: `structuredClone` is a snapshot. */
export interface World {
  now: number
  queue: EventQueue<QueueItem>
  rng: PrngState
  nodes: NodeState[]
  net: NetworkState
  inputs: Input[]
  nextInput: number
  hash: TraceHash
  events: number
  sent: number
  delivered: number
  dropped: number
  nextMsgId: number
  nextTimerId: number
  observers: unknown[]
  violations: { invariant: string; at: number; detail: string; nodes?: string[] }[]
}

/** The world at time 0: clocks seeded per node, scheduled faults and workload merged by time. */
export function buildWorld(
  s: Scenario,
  indexOf: (id: string) => number,
  protocolCount: number,
  observers: unknown[],
  /** keep vector clocks (logical/nodeClocks.ts: only while the run is traced) */
  vectors: boolean,
): World {
  const links: NetworkState['links'] = new Map()
  for (const l of s.network.links) {
    links.set(linkKey(indexOf(l.from), indexOf(l.to)), {
      latency: l.latency,
      loss: l.loss,
    })
  }
  const inputs: Input[] = [
    ...s.faults.map(({ at, ...fault }) => ({ at, fault: fault as Intervention })),
    ...s.workload.map(({ at, node, ...op }) => ({
      at,
      client: { node, op: op satisfies ClientOp },
    })),
  ]
  // Stable: equal times keep faults before workload, each in list order.
  inputs.sort((a, b) => a.at - b.at)
  const perProtocol = <T>(make: () => T): T[] => Array.from({ length: protocolCount }, make)
  return {
    now: 0,
    queue: createQueue<QueueItem>(),
    rng: createPrng(s.seed, 0),
    nodes: s.nodes.map((n, i) => ({
      id: n.id,
      reference: n.reference,
      status: 'up',
      clock: createClock(
        n.reference
          ? { offset: 0, skewPpm: 0, wanderPpm: 0, resolution: n.clock.resolution }
          : n.clock,
        s.seed,
        i,
      ),
      lie: 0,
      timers: [],
      deferred: [],
      inbox: [],
      clientQueue: [],
      durable: perProtocol(() => ({})),
      proto: perProtocol(() => null),
      logical: createNodeClocks(s.nodes.length, vectors),
    })),
    net: {
      latency: { ...s.network.latency },
      loss: s.network.loss,
      duplicate: s.network.duplicate,
      links,
      groups: null,
      cut: new Set(),
    },
    inputs,
    nextInput: 0,
    hash: createHash(),
    events: 0,
    sent: 0,
    delivered: 0,
    dropped: 0,
    nextMsgId: 1,
    nextTimerId: 1,
    observers,
    violations: [],
  }
}
