import { hashHex } from '../kernel/traceHash'
import { peekLocal, quantise } from '../clock/hardwareClock'
import type { Scenario } from '../scenario/schema'
import type { Intervention } from '../scenario/interventions'
import type { ClientOp, ProtocolDef } from '../protocols/protocol'
import { makeContext, startProtocols } from './context'
import { nextTime, runUntil } from './eventLoop'
import { applyInput } from './inputs'
import { observerApi } from './observation'
import type { ObserverApi, ObserverDef } from './observer'
import type { TraceSink } from './records'
import type { ConfiguredProtocol, Runtime } from './runtime'
import { AIM_PIECES } from './timers'
import { clockErrorBound } from './logicalTime'
import { readClocks, type LogicalStamp } from '../logical/nodeClocks'
import { createGuard, type SimulationStalled } from './stall'
import { messagesInFlight } from './transport'
import { buildWorld, type Input, type Message, type NodeStatus, type World } from './world'
import type { HardwareClock } from '../clock/hardwareClock'
import type { NetworkState } from '../network/network'

export type { NodeStatus, Message, Input, World } from './world'

/** An input made live (a click in the UI): applied at the current simulated time. */
export type LiveInput = { fault: Intervention } | { client: { node: string; op: ClientOp } }

export interface SimulationOptions {
  trace?: TraceSink
}

/**
 * The discrete-event simulator: a pure function of (scenario, seed, inputs with their times).
 * `runUntil(t)` processes every event at true time ≤ t, then every input due by t.
 * The parts live beside it: world build (world.ts), event loop, transport (send/deliver),
 * timers, protocol context, inputs (interventions and client operations), observation.
 */
export class Simulation {
  readonly scenario: Scenario
  readonly nodeIds: readonly string[]
  readonly protocols: readonly ConfiguredProtocol[]
  readonly observerDefs: readonly ObserverDef[]
  private readonly rt: Runtime
  private readonly index = new Map<string, number>()

  constructor(
    scenario: Scenario,
    protocolDefs: readonly ProtocolDef[],
    observerDefs: readonly ObserverDef[],
    opts: SimulationOptions = {},
  ) {
    this.scenario = scenario
    this.nodeIds = scenario.nodes.map((n) => n.id)
    this.nodeIds.forEach((id, i) => this.index.set(id, i))
    const protocols: ConfiguredProtocol[] = []
    for (const def of protocolDefs) {
      const setup = def.configure(scenario)
      if (!setup) continue
      const members = this.nodeIds.map((id) => setup.members.includes(id))
      protocols.push({ def, config: setup.config, members })
    }
    this.protocols = protocols
    const observers: ObserverDef[] = []
    const observerStates: unknown[] = []
    for (const def of observerDefs) {
      const st = def.configure(scenario)
      if (st === null) continue
      observers.push(def)
      observerStates.push(st)
    }
    this.observerDefs = observers
    const indexOf = (id: string) => this.indexOf(id)
    this.rt = {
      scenario,
      nodeIds: this.nodeIds,
      protocols,
      observerDefs: observers,
      // vectors: the transactions checker's causality test needs them whether traced or not
      world: buildWorld(
        scenario,
        indexOf,
        protocols.length,
        observerStates,
        !!opts.trace || scenario.transactions !== null,
      ),
      trace: opts.trace,
      ctxs: [],
      aimLimit: { pieces: AIM_PIECES, hop: false },
      guard: createGuard(this.nodeIds.length),
      indexOf,
    }
    const rt = this.rt
    rt.ctxs = this.nodeIds.map((_, n) => protocols.map((_p, p) => makeContext(rt, n, p)))
    for (let n = 0; n < this.nodeIds.length; n++) startProtocols(rt, n)
  }

  get world(): World {
    return this.rt.world
  }

  get trace(): TraceSink | undefined {
    return this.rt.trace
  }

  set trace(sink: TraceSink | undefined) {
    this.rt.trace = sink
  }

  indexOf(id: string): number {
    const i = this.index.get(id)
    if (i === undefined) throw new Error(`unknown node "${id}"`)
    return i
  }

  hasNode(id: string): boolean {
    return this.index.has(id)
  }

  /** Why the run stopped for good (it made no progress), or null. */
  get stalled(): SimulationStalled | null {
    return this.rt.guard.stalled
  }

  get now(): number {
    return this.rt.world.now
  }

  get traceHash(): string {
    return hashHex(this.rt.world.hash)
  }

  // ---- running -------------------------------------------------------------------------

  /** Process every event with true time ≤ t and every input due by t; then now = t. */
  runUntil(t: number): void {
    runUntil(this.rt, t)
  }

  /** Time of the next thing that will happen (event or input), Infinity when nothing is pending. */
  nextTime(): number {
    return nextTime(this.rt)
  }

  /** Advance to the next event time, processing everything at that instant. */
  step(): boolean {
    const t = this.nextTime()
    if (t === Infinity) return false
    this.runUntil(t)
    return true
  }

  /** Apply a live input now; it is recorded into the run's input list so a replay reproduces it. */
  inject(input: LiveInput): void {
    const w = this.rt.world
    // After a rewind, a live input starts a new branch: the old branch's later live inputs go.
    w.inputs = w.inputs.filter((x, i) => i < w.nextInput || !x.live)
    const rec = { at: w.now, live: true, ...input } as Input
    w.inputs.splice(w.nextInput, 0, rec)
    w.nextInput++
    applyInput(this.rt, rec)
    this.runUntil(w.now) // whatever the input scheduled for this very instant
  }

  /**
   * Record a live input to apply at a later time `at` (≥ now), as a rewind leaves the live
   * inputs made after it: in the input list ahead of now, after every input due by `at`, so
   * running on applies it exactly where `runUntil(at)` then `inject` would. A live input made
   * before `at` starts a new branch and drops it, as it drops a rewound branch's. Planned inputs
   * go in time order: one planned before another due at the same time applies first.
   */
  plan(input: LiveInput, at: number): void {
    const w = this.rt.world
    if (!(at >= w.now)) throw new RangeError(`plan: time ${at} is before now (${w.now})`)
    let i = w.nextInput
    while (i < w.inputs.length && w.inputs[i].at <= at) i++
    w.inputs = [
      ...w.inputs.slice(0, i),
      { ...input, at, live: true } as Input,
      ...w.inputs.slice(i),
    ]
  }

  // ---- observation ---------------------------------------------------------------------

  // Read-only views: what the worker and tools read, without holding the mutable world.

  statusOf(n: number): NodeStatus {
    return this.rt.world.nodes[n].status
  }

  /** Node n's hardware clock, to read (peekLocal, trueTimeOf), never to change. */
  clockOf(n: number): Readonly<HardwareClock> {
    return this.rt.world.nodes[n].clock
  }

  /** How many seconds node n's time answers are off (falseticker; 0: honest). */
  lieOf(n: number): number {
    return this.rt.world.nodes[n].lie
  }

  /** Events processed and messages sent, delivered and dropped so far. */
  get counts(): { events: number; sent: number; delivered: number; dropped: number } {
    const w = this.rt.world
    return { events: w.events, sent: w.sent, delivered: w.delivered, dropped: w.dropped }
  }

  get violations(): readonly World['violations'][number][] {
    return this.rt.world.violations
  }

  /** The network as interventions left it (the cut set and groups are replaced, never shared). */
  get network(): Readonly<NetworkState> {
    return this.rt.world.net
  }

  /** Every input of the run, scheduled and live; a new array after each inject or rewind. */
  get inputs(): readonly Input[] {
    return this.rt.world.inputs
  }

  observerApi(): ObserverApi {
    return observerApi(this.rt)
  }

  /** local − true time of node n at the current instant (unquantised), without touching the run. */
  offsetOf(n: number): number {
    const w = this.rt.world
    return peekLocal(w.nodes[n].clock, w.now) - w.now
  }

  /** The local clock reading node n would see now (quantised). */
  localReading(n: number): number {
    const w = this.rt.world
    const c = w.nodes[n].clock
    return quantise(c, peekLocal(c, w.now))
  }

  /** What node n's clock-sync algorithm knows of its clock error (s), null when nothing. */
  clockErrorBound(n: number): number | null {
    return clockErrorBound(this.rt, n)
  }

  /** Node n's logical clocks now (a copy). */
  logicalClocks(n: number): LogicalStamp {
    return readClocks(this.rt.world.nodes[n].logical)
  }

  /** Volatile protocol state of node n for protocol `name` (read-only use: views, tests). */
  protocolState<S>(n: number, name: string): S | null {
    const i = this.protocols.findIndex((p) => p.def.name === name)
    return i < 0 ? null : (this.rt.world.nodes[n].proto[i] as S | null)
  }

  durableState(n: number, name: string): Record<string, unknown> | null {
    const i = this.protocols.findIndex((p) => p.def.name === name)
    return i < 0 ? null : this.rt.world.nodes[n].durable[i]
  }

  /** Every message on the wire now (for drawing). */
  messagesInFlight(): Message[] {
    return messagesInFlight(this.rt)
  }

  // ---- snapshots -----------------------------------------------------------------------

  snapshot(): World {
    return structuredClone(this.rt.world)
  }

  /** Put the run at a snapshot; with `inputs`, run on with that input list instead of the snapshot's. */
  restore(snap: World, inputs?: readonly Input[]): void {
    this.rt.world = structuredClone(snap)
    if (inputs) this.rt.world.inputs = inputs.slice()
    this.rt.guard.from = -Infinity
  }

  /**
   * Go back to a snapshot taken earlier on this branch, keeping the run's full input list, so
   * running forward again replays the live inputs made since the snapshot.
   */
  rewindTo(snap: World): void {
    const inputs = this.rt.world.inputs
    this.rt.world = structuredClone(snap)
    this.rt.world.inputs = inputs.slice()
    this.rt.guard.from = -Infinity
  }

  /** The inputs made live in this run (not from the scenario), in order. */
  liveInputs(): Input[] {
    return this.rt.world.inputs.filter((x) => x.live)
  }
}
