import type { Scenario } from '../scenario/schema'
import type { ClockReading } from '../clock/errorBound'
import type { LogicalStamp } from '../logical/nodeClocks'

/**
 * What a protocol sees of its node (docs/architecture.md): its own clock, its own durable storage,
 * the network. It never sees true time or another node's state.
 */
export interface ProtocolContext {
  readonly nodeId: string
  readonly nodeIds: readonly string[]
  readonly isReference: boolean
  /** This node's local clock reading (seconds, quantised to the clock's resolution). */
  now(): number
  /** The time this node tells others when serving time: `now()` plus any falseticker lie. */
  serveTime(): number
  send(to: string, kind: string, body: unknown): void
  /** A timer `localDelay` seconds ahead on the local clock; returns its id. */
  setTimer(localDelay: number, key: string): number
  cancelTimer(id: number): void
  /** Uniform in [0, 1) from the engine's seeded PRNG. */
  random(): number
  readonly clock: ClockControl
  readonly durable: DurableStore
  /** A visual/trace event ("chosen", "clockStep", …): hashed, logged, seen by checkers. */
  emit(type: string, data?: Record<string, unknown>): void
  /** This node's logical clocks (Lamport, HLC, vector), kept by the runtime on every send and receipt. */
  readonly logical: LogicalClockAccess
  /**
   * What this node's clock-sync algorithm itself knows of its clock error: |local − true| ≤ the
   * bound (s), as NTP's root distance, Cristian's RTT/2 or Berkeley's bound plus drift since the
   * last synchronisation. A reference clock's is its resolution; null while the algorithm knows
   * nothing (never synchronised, just stepped, or no clock sync configured).
   */
  clockErrorBound(): number | null
}

export interface LogicalClockAccess {
  /** Record a local event (a transaction's begin or commit) and return its timestamps. */
  tick(): LogicalStamp
  /** The current values, without an event. */
  read(): LogicalStamp
  /**
   * Merge a hybrid timestamp carried in a message body (a transaction's commit timestamp, as
   * l + c·HLC_TICK) as if it had been a message's stamp: afterwards every event of this node is
   * later than it (Kulkarni et al. §3; CockroachDB's clock.Update).
   */
  observe(ts: number): void
}

interface ClockControl {
  step(by: number): void
  /** Absorb `amount` seconds at most `maxRatePpm` (default 500 ppm, like adjtime). */
  slew(amount: number, maxRatePpm?: number): void
  slewRemaining(): number
  setFrequencyPpm(ppm: number): void
  frequencyPpm(): number
}

/** Like an fsync'd disk: survives crashes. Values must be plain data. */
interface DurableStore {
  get<T>(key: string): T | undefined
  set(key: string, value: unknown): void
}

/**
 * A protocol is plain functions over plain-data state, so the engine can snapshot a run with
 * structuredClone and restore it bit for bit.
 */
export interface ProtocolDef<S = unknown, C = unknown> {
  /** e.g. "cristian"; also the message namespace */
  readonly name: string
  /** Which nodes run it and with what per-run configuration; null = not configured. */
  configure(scenario: Scenario): ProtocolSetup<C> | null
  /** Called at start and after a restart (volatile state is fresh, durable kept). */
  init(ctx: ProtocolContext, config: C): S
  onMessage(
    ctx: ProtocolContext,
    state: S,
    from: string,
    kind: string,
    body: unknown,
    config: C,
  ): void
  onTimer(ctx: ProtocolContext, state: S, key: string, config: C): void
  /**
   * Someone else stepped this node's clock by `by` seconds (an operator's `date -s`, a fault).
   * A daemon whose timers count elapsed seconds (ntpd's interval timer, chrony's scheduler)
   * re-anchors what it keeps in local time; its pending timers have moved with the clock.
   */
  onClockStep?(ctx: ProtocolContext, state: S, by: number, config: C): void
  /**
   * Clock-sync protocols: the bound on this node's clock error their own state implies now
   * (ProtocolContext.clockErrorBound), or null when they know nothing yet. Must not change state.
   */
  errorBound?(state: S, clock: ClockReading, config: C): number | null
  /** Client operations from the scenario workload or the UI ("propose", "read"). */
  onClient?(ctx: ProtocolContext, state: S, op: ClientOp, config: C): void
}

interface ProtocolSetup<C> {
  config: C
  /** node ids that run the protocol */
  members: string[]
}

/** A workload operation (contract.md §1): Paxos's propose/read, the store's txn/snapshotRead. */
export type ClientOp =
  | { op: 'propose'; value: string }
  | { op: 'read' }
  | { op: 'txn'; id: string; reads: string[]; writes: Record<string, string> }
  | { op: 'snapshotRead'; id: string; keys: string[] }
