import { createQueue, peekTime, pop, push, type EventQueue } from '../kernel/eventQueue'
import { createPrng, uniform, type PrngState } from '../kernel/prng'
import { createHash, hashHex, hashRecord, stringCode, type TraceHash } from '../kernel/traceHash'
import {
  advanceTo,
  createClock,
  exactLocal,
  peekLocal,
  quantise,
  setFrequency,
  setSkew,
  slewClock,
  slewRemaining,
  stepClock,
  trueTimeOf,
  type AimLimit,
  type HardwareClock,
} from '../clock/hardwareClock'
import {
  blockedBy,
  isDuplicated,
  isLost,
  linkKey,
  sampleDelay,
  type DropReason,
  type NetworkState,
} from '../network/network'
import type { Scenario } from '../scenario/schema'
import type { Intervention } from '../scenario/interventions'
import type { ClientOp, ProtocolContext, ProtocolDef } from '../protocols/protocol'
import type { ObserverApi, ObserverDef } from './observer'
import type { TraceSink } from './records'

export type NodeStatus = 'up' | 'crashed' | 'paused'

export interface Message {
  id: number
  from: number
  to: number
  proto: number
  kind: string
  body: unknown
  sentAt: number
  arriveAt: number
}

interface Timer {
  proto: number
  key: string
  local: number
  token: number
}

export interface NodeState {
  id: string
  reference: boolean
  status: NodeStatus
  clock: HardwareClock
  /** falseticker: seconds added to the time it serves */
  lie: number
  timers: Map<number, Timer>
  /** timers that came due while paused, in order */
  deferred: number[]
  /** messages that arrived while paused, in order */
  inbox: Message[]
  /** per protocol: durable storage (kept across crashes) and volatile state (null when not running) */
  durable: Record<string, unknown>[]
  proto: unknown[]
}

const DELIVER = 0
const TIMER = 1
type QueueItem =
  | { k: typeof DELIVER; msg: Message }
  /** `hop`: a waypoint on the way to a timer aimed beyond AIM_PIECES; re-aimed, not fired */
  | { k: typeof TIMER; node: number; id: number; token: number; hop: boolean }

/**
 * Longest walk (clock pieces, i.e. simulated seconds under wander) spent aiming one timer;
 * longer delays travel in hops, so a huge clock step cannot stall the engine or exhaust memory.
 */
const AIM_PIECES = 4096

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

export interface SimulationOptions {
  trace?: TraceSink
}

const REC_SEND = 1
const REC_DELIVER = 2
const REC_DROP = 3
const REC_TIMER = 4
const REC_FAULT = 5
const REC_EMIT = 6
const REC_VIOLATION = 7
const REC_CLIENT = 8

/**
 * The discrete-event simulator: a pure function of (scenario, seed, inputs with their times).
 * `runUntil(t)` processes every event at true time ≤ t, then every input due by t.
 */
export class Simulation {
  readonly scenario: Scenario
  readonly nodeIds: readonly string[]
  readonly protocols: { def: ProtocolDef; config: unknown; members: boolean[] }[]
  readonly observerDefs: ObserverDef[]
  world: World
  trace: TraceSink | undefined
  private readonly index = new Map<string, number>()
  private readonly ctxs: ProtocolContext[][]

  constructor(
    scenario: Scenario,
    protocolDefs: readonly ProtocolDef[],
    observerDefs: readonly ObserverDef[],
    opts: SimulationOptions = {},
  ) {
    this.scenario = scenario
    this.trace = opts.trace
    this.nodeIds = scenario.nodes.map((n) => n.id)
    this.nodeIds.forEach((id, i) => this.index.set(id, i))
    this.protocols = []
    for (const def of protocolDefs) {
      const setup = def.configure(scenario)
      if (!setup) continue
      const members = this.nodeIds.map((id) => setup.members.includes(id))
      this.protocols.push({ def, config: setup.config, members })
    }
    this.observerDefs = []
    const observerStates: unknown[] = []
    for (const def of observerDefs) {
      const st = def.configure(scenario)
      if (st === null) continue
      this.observerDefs.push(def)
      observerStates.push(st)
    }
    this.world = this.initialWorld(observerStates)
    this.ctxs = this.nodeIds.map((_, n) => this.protocols.map((_p, p) => this.makeContext(n, p)))
    for (let n = 0; n < this.nodeIds.length; n++) this.startProtocols(n)
  }

  private initialWorld(observers: unknown[]): World {
    const s = this.scenario
    const links: NetworkState['links'] = new Map()
    for (const l of s.network.links) {
      links.set(linkKey(this.indexOf(l.from), this.indexOf(l.to)), {
        latency: l.latency,
        loss: l.loss,
      })
    }
    const inputs: Input[] = [
      ...s.faults.map(({ at, ...fault }) => ({ at, fault: fault as Intervention })),
      ...s.workload.map((w) => ({
        at: w.at,
        client: {
          node: w.node,
          op: (w.op === 'propose' ? { op: 'propose', value: w.value } : { op: 'read' }) as ClientOp,
        },
      })),
    ]
    // Stable: equal times keep faults before workload, each in list order.
    inputs.sort((a, b) => a.at - b.at)
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
        timers: new Map(),
        deferred: [],
        inbox: [],
        durable: this.protocols.map(() => ({})),
        proto: this.protocols.map(() => null),
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

  indexOf(id: string): number {
    const i = this.index.get(id)
    if (i === undefined) throw new Error(`unknown node "${id}"`)
    return i
  }

  hasNode(id: string): boolean {
    return this.index.has(id)
  }

  get now(): number {
    return this.world.now
  }

  get traceHash(): string {
    return hashHex(this.world.hash)
  }

  // ---- running -------------------------------------------------------------------------

  /** Process every event with true time ≤ t and every input due by t; then now = t. */
  runUntil(t: number): void {
    const w = this.world
    for (;;) {
      const te = peekTime(w.queue)
      const input = w.inputs[w.nextInput]
      const ti = input ? input.at : Infinity
      if (te <= t && te <= ti) {
        this.processNext()
      } else if (ti <= t) {
        w.nextInput++
        if (ti > w.now) w.now = ti
        this.applyInput(input)
      } else break
    }
    if (t > w.now) w.now = t
  }

  /** Time of the next thing that will happen (event or input), Infinity when nothing is pending. */
  nextTime(): number {
    const input = this.world.inputs[this.world.nextInput]
    return Math.min(peekTime(this.world.queue), input ? input.at : Infinity)
  }

  /** Advance to the next event time, processing everything at that instant. */
  step(): boolean {
    const t = this.nextTime()
    if (t === Infinity) return false
    this.runUntil(t)
    return true
  }

  private processNext(): void {
    const w = this.world
    const t = peekTime(w.queue)
    const item = pop(w.queue)
    w.now = t
    if (item.k === DELIVER) {
      w.events++
      this.arrive(item.msg)
    } else {
      const node = w.nodes[item.node]
      const timer = node.timers.get(item.id)
      if (!timer || timer.token !== item.token) return // cancelled or rescheduled: not an event
      if (item.hop) {
        advanceTo(node.clock, t)
        return this.aim(item.node, item.id, timer) // a waypoint, not an event
      }
      w.events++
      if (node.status === 'paused') {
        node.deferred.push(item.id)
        return
      }
      this.fireTimer(item.node, item.id, timer)
    }
  }

  private fireTimer(n: number, id: number, timer: Timer): void {
    const node = this.world.nodes[n]
    node.timers.delete(id)
    this.fold(REC_TIMER, n, timer.proto, stringCode(timer.key), 0)
    if (this.trace)
      this.trace({
        t: this.world.now,
        type: 'timer',
        node: node.id,
        key: timer.key,
      })
    const p = this.protocols[timer.proto]
    const st = node.proto[timer.proto]
    if (st !== null) p.def.onTimer(this.ctxs[n][timer.proto], st, timer.key, p.config)
  }

  private arrive(msg: Message): void {
    const w = this.world
    const node = w.nodes[msg.to]
    const reason: DropReason | null =
      node.status === 'crashed' ? 'crashed' : blockedBy(w.net, msg.from, msg.to)
    if (reason) {
      this.drop(msg, reason)
      return
    }
    if (node.status === 'paused') {
      node.inbox.push(msg)
      return
    }
    this.deliver(msg)
  }

  private deliver(msg: Message): void {
    const w = this.world
    w.delivered++
    const kindCode = stringCode(msg.kind)
    this.fold(REC_DELIVER, msg.to, msg.from, kindCode, msg.id)
    if (this.trace)
      this.trace({
        t: w.now,
        type: 'deliver',
        id: msg.id,
        from: this.nodeIds[msg.from],
        to: this.nodeIds[msg.to],
        kind: msg.kind,
      })
    const p = this.protocols[msg.proto]
    const st = w.nodes[msg.to].proto[msg.proto]
    if (st !== null)
      p.def.onMessage(
        this.ctxs[msg.to][msg.proto],
        st,
        this.nodeIds[msg.from],
        msg.kind,
        msg.body,
        p.config,
      )
  }

  private drop(msg: Message, reason: DropReason): void {
    const w = this.world
    w.dropped++
    this.fold(REC_DROP, msg.from, msg.to, stringCode(reason), msg.id)
    if (this.trace)
      this.trace({
        t: w.now,
        type: 'drop',
        id: msg.id,
        from: this.nodeIds[msg.from],
        to: this.nodeIds[msg.to],
        kind: msg.kind,
        reason,
      })
  }

  /** Fold a record into the hash (callers build the JSON form only when a trace sink listens). */
  private fold(code: number, a: number, b: number, c: number, d: number): void {
    const h = this.world.hash
    hashRecord(h, code, this.world.now, a, b, c, d)
  }

  // ---- protocol runtime ----------------------------------------------------------------

  private startProtocols(n: number): void {
    const node = this.world.nodes[n]
    this.protocols.forEach((p, i) => {
      if (!p.members[n]) return
      node.proto[i] = p.def.init(this.ctxs[n][i], p.config)
    })
  }

  private send(from: number, proto: number, to: number, kind: string, body: unknown): void {
    const w = this.world
    const msg: Message = {
      id: w.nextMsgId++,
      from,
      to,
      proto,
      kind,
      body,
      sentAt: w.now,
      arriveAt: w.now,
    }
    w.sent++
    this.fold(REC_SEND, from, to, stringCode(kind), msg.id)
    if (this.trace)
      this.trace({
        t: w.now,
        type: 'send',
        id: msg.id,
        from: this.nodeIds[from],
        to: this.nodeIds[to],
        kind,
        body,
      })
    const blocked = blockedBy(w.net, from, to)
    if (blocked) return this.drop(msg, blocked)
    if (isLost(w.net, w.rng, from, to)) return this.drop(msg, 'loss')
    msg.arriveAt = w.now + sampleDelay(w.net, w.rng, from, to)
    push(w.queue, msg.arriveAt, { k: DELIVER, msg })
    if (isDuplicated(w.net, w.rng, from, to)) {
      const copy: Message = { ...msg, arriveAt: w.now + sampleDelay(w.net, w.rng, from, to) }
      push(w.queue, copy.arriveAt, { k: DELIVER, msg: copy })
    }
  }

  private setTimer(n: number, proto: number, localDelay: number, key: string): number {
    const w = this.world
    const node = w.nodes[n]
    const local = advanceTo(node.clock, w.now) + Math.max(0, localDelay)
    const id = w.nextTimerId++
    const timer: Timer = { proto, key, local, token: 0 }
    node.timers.set(id, timer)
    this.aim(n, id, timer)
    return id
  }

  private readonly aimLimit: AimLimit = { pieces: AIM_PIECES, hop: false }

  /** Queue the timer at the true time its node's clock reads `timer.local` (or a waypoint). */
  private aim(n: number, id: number, timer: Timer): void {
    const w = this.world
    const at = Math.max(w.now, trueTimeOf(w.nodes[n].clock, timer.local, this.aimLimit))
    push(w.queue, at, { k: TIMER, node: n, id, token: timer.token, hop: this.aimLimit.hop })
  }

  /** After the clock's rate or reading changed, re-aim every pending timer of the node. */
  private reaimTimers(n: number): void {
    for (const [id, timer] of this.world.nodes[n].timers) {
      timer.token++
      this.aim(n, id, timer)
    }
  }

  private makeContext(n: number, p: number): ProtocolContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const sim = this
    const clock = () => sim.world.nodes[n].clock
    return {
      nodeId: this.nodeIds[n],
      nodeIds: this.nodeIds,
      isReference: this.scenario.nodes[n].reference,
      now: () => quantise(clock(), advanceTo(clock(), sim.world.now)),
      serveTime: () =>
        quantise(clock(), advanceTo(clock(), sim.world.now)) + sim.world.nodes[n].lie,
      send: (to, kind, body) => sim.send(n, p, sim.indexOf(to), kind, body),
      setTimer: (delay, key) => sim.setTimer(n, p, delay, key),
      cancelTimer: (id) => {
        sim.world.nodes[n].timers.delete(id)
      },
      random: () => uniform(sim.world.rng),
      clock: {
        step: (by) => {
          stepClock(clock(), sim.world.now, by)
          sim.reaimTimers(n)
        },
        slew: (amount, maxRatePpm = 500) => {
          slewClock(clock(), sim.world.now, amount, maxRatePpm * 1e-6)
          sim.reaimTimers(n)
        },
        slewRemaining: () => slewRemaining(clock(), sim.world.now),
        setFrequencyPpm: (ppm) => {
          setFrequency(clock(), sim.world.now, ppm * 1e-6)
          sim.reaimTimers(n)
        },
        frequencyPpm: () => clock().freq * 1e6,
      },
      durable: {
        get: <T>(key: string) => sim.world.nodes[n].durable[p][key] as T | undefined,
        set: (key, value) => {
          sim.world.nodes[n].durable[p][key] = value
        },
      },
      emit: (event, data) => sim.emit(n, event, data),
    }
  }

  private emit(n: number, event: string, data?: Record<string, unknown>): void {
    const w = this.world
    const id = this.nodeIds[n]
    this.fold(REC_EMIT, n, stringCode(event), 0, 0)
    if (this.trace) this.trace({ t: w.now, type: 'emit', node: id, event, data })
    this.observerDefs.forEach((def, i) =>
      def.onEmit?.(this.observerApi(), w.observers[i], id, event, data),
    )
  }

  observerApi(): ObserverApi {
    return {
      t: this.world.now,
      violation: (invariant, detail, nodes) => this.violation(invariant, detail, nodes),
      // exactLocal, not the display cursor: a checker's verdict must not depend on who watched
      offsetOf: (node) =>
        exactLocal(this.world.nodes[this.indexOf(node)].clock, this.world.now) - this.world.now,
      statusOf: (node) => this.world.nodes[this.indexOf(node)].status,
    }
  }

  private violation(invariant: string, detail: string, nodes?: string[]): void {
    const w = this.world
    w.violations.push({ invariant, at: w.now, detail, ...(nodes ? { nodes } : {}) })
    this.fold(REC_VIOLATION, stringCode(invariant), stringCode(detail), 0, 0)
    if (this.trace)
      this.trace({
        t: w.now,
        type: 'violation',
        invariant,
        detail,
        ...(nodes ? { nodes } : {}),
      })
  }

  // ---- inputs: interventions and client operations --------------------------------------

  /** Apply a live input now; it is recorded into the run's input list so a replay reproduces it. */
  inject(input: { fault: Intervention } | { client: { node: string; op: ClientOp } }): void {
    const w = this.world
    // After a rewind, a live input starts a new branch: the old branch's later live inputs go.
    w.inputs = w.inputs.filter((x, i) => i < w.nextInput || !x.live)
    const rec = { at: w.now, live: true, ...input } as Input
    w.inputs.splice(w.nextInput, 0, rec)
    w.nextInput++
    this.applyInput(rec)
    this.runUntil(w.now) // whatever the input scheduled for this very instant
  }

  private applyInput(input: Input): void {
    if ('fault' in input) this.applyFault(input.fault)
    else this.applyClient(input.client.node, input.client.op)
  }

  private applyClient(nodeId: string, op: ClientOp): void {
    const w = this.world
    const n = this.indexOf(nodeId)
    w.events++
    this.fold(
      REC_CLIENT,
      n,
      stringCode(op.op),
      op.op === 'propose' ? stringCode(op.value) : 0,
      0,
    )
    if (this.trace)
      this.trace({
        t: w.now,
        type: 'emit',
        node: nodeId,
        event: 'client',
        data: { ...op },
      })
    const node = w.nodes[n]
    if (node.status !== 'up') return
    this.protocols.forEach((p, i) => {
      const st = node.proto[i]
      if (st !== null && p.def.onClient) p.def.onClient(this.ctxs[n][i], st, op, p.config)
    })
  }

  private applyFault(f: Intervention): void {
    const w = this.world
    w.events++
    this.fold(REC_FAULT, stringCode(f.type), 'node' in f ? this.indexOf(f.node) : -1, 0, 0)
    if (this.trace)
      this.trace({
        t: w.now,
        type: 'fault',
        fault: f,
      })
    const net = w.net
    switch (f.type) {
      case 'crash': {
        const n = this.indexOf(f.node)
        const node = w.nodes[n]
        if (node.status === 'crashed') return
        node.status = 'crashed'
        node.timers = new Map()
        node.deferred = []
        for (const m of node.inbox) this.drop(m, 'crashed')
        node.inbox = []
        node.proto = node.proto.map(() => null)
        return
      }
      case 'restart': {
        const n = this.indexOf(f.node)
        if (w.nodes[n].status !== 'crashed') return
        w.nodes[n].status = 'up'
        this.startProtocols(n)
        return
      }
      case 'pause': {
        const node = w.nodes[this.indexOf(f.node)]
        if (node.status === 'up') node.status = 'paused'
        return
      }
      case 'resume':
        return this.resume(this.indexOf(f.node))
      case 'clockStep': {
        const n = this.indexOf(f.node)
        stepClock(w.nodes[n].clock, w.now, f.by)
        return this.reaimTimers(n)
      }
      case 'setSkew': {
        const n = this.indexOf(f.node)
        setSkew(w.nodes[n].clock, w.now, f.ppm * 1e-6)
        return this.reaimTimers(n)
      }
      case 'falseticker':
        w.nodes[this.indexOf(f.node)].lie = f.lie
        return
      case 'partition': {
        const groups = this.nodeIds.map(() => -1)
        f.groups.forEach((g, gi) => g.forEach((id) => (groups[this.indexOf(id)] = gi)))
        net.groups = groups
        return
      }
      case 'heal':
        net.groups = null
        net.cut = new Set()
        return
      case 'cutLink':
        net.cut.add(linkKey(this.indexOf(f.from), this.indexOf(f.to)))
        return
      case 'healLink':
        net.cut.delete(linkKey(this.indexOf(f.from), this.indexOf(f.to)))
        return
      case 'setLoss':
        net.loss = f.p
        return
      case 'setLatency':
        net.latency = { base: f.base, jitter: f.jitter }
        return
      case 'setDuplicate':
        net.duplicate = f.p
        return
    }
  }

  private resume(n: number): void {
    const node = this.world.nodes[n]
    if (node.status !== 'paused') return
    node.status = 'up'
    const due = node.deferred
    const inbox = node.inbox
    node.deferred = []
    node.inbox = []
    for (const id of due) {
      const timer = node.timers.get(id)
      if (timer && node.status === 'up') this.fireTimer(n, id, timer)
    }
    for (const msg of inbox) {
      if (node.status === 'up') this.deliver(msg)
    }
  }

  // ---- observation ---------------------------------------------------------------------

  /** local − true time of node n at the current instant (unquantised), without touching the run. */
  offsetOf(n: number): number {
    return peekLocal(this.world.nodes[n].clock, this.world.now) - this.world.now
  }

  /** The local clock reading node n would see now (quantised). */
  localReading(n: number): number {
    const c = this.world.nodes[n].clock
    return quantise(c, peekLocal(c, this.world.now))
  }

  /** Volatile protocol state of node n for protocol `name` (read-only use: views, tests). */
  protocolState<S>(n: number, name: string): S | null {
    const i = this.protocols.findIndex((p) => p.def.name === name)
    return i < 0 ? null : (this.world.nodes[n].proto[i] as S | null)
  }

  durableState(n: number, name: string): Record<string, unknown> | null {
    const i = this.protocols.findIndex((p) => p.def.name === name)
    return i < 0 ? null : this.world.nodes[n].durable[i]
  }

  /** Every message on the wire now (for drawing). */
  messagesInFlight(): Message[] {
    const out: Message[] = []
    const q = this.world.queue
    for (let i = 0; i < q.size; i++) {
      const item = q.item[i]
      if (item && item.k === DELIVER) out.push(item.msg)
    }
    return out
  }

  snapshot(): World {
    return structuredClone(this.world)
  }

  restore(snap: World): void {
    this.world = structuredClone(snap)
  }

  /**
   * Go back to a snapshot taken earlier on this branch, keeping the run's full input list, so
   * running forward again replays the live inputs made since the snapshot.
   */
  rewindTo(snap: World): void {
    const inputs = this.world.inputs
    this.world = structuredClone(snap)
    this.world.inputs = inputs.slice()
  }

  /** The inputs made live in this run (not from the scenario), in order. */
  liveInputs(): Input[] {
    return this.world.inputs.filter((x) => x.live)
  }
}
