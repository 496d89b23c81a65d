import type { ProtocolContext } from '../protocol'
import { hlcReceive } from '../../logical/hlc'
import { createNodeClocks, readClocks, stampLocal } from '../../logical/nodeClocks'
import { paxos } from './paxos'
import { paxosConfig, type PaxosConfig } from './config'
import { parseScenario, type ScenarioInput } from '../../scenario/schema'
import type { PaxosState } from './state'

/**
 * A node without a simulator, for unit tests of single handlers: a hand-driven clock, and
 * records of what it sent, emitted and scheduled. (Tests only; runs use the real kernel.)
 */
export interface FakeNode {
  ctx: ProtocolContext
  cfg: PaxosConfig
  state: PaxosState
  clock: { now: number }
  sent: { to: string; kind: string; body: unknown; durable: string }[]
  emitted: { event: string; data: Record<string, unknown> | undefined }[]
  /** timers set, with the local time they are due at */
  timers: { id: number; delay: number; key: string; at: number }[]
  durable: Record<string, unknown>
  /** deliver a message to this node */
  receive(from: string, kind: string, body: unknown): void
  /** fire the latest pending timer with this key, moving the clock to its due time if later */
  fire(key: string): void
  take(kind: string): FakeNode['sent']
  /** start again after a crash: volatile state fresh, durable kept */
  restart(): void
}

export function fakeNode(
  nodeId: string,
  consensus: Record<string, unknown>,
  opts: { members?: string[]; random?: () => number } = {},
): FakeNode {
  const members = opts.members ?? ['n1', 'n2', 'n3']
  const input: ScenarioInput = {
    version: 1,
    seed: 1,
    duration: 1,
    nodes: members.map((id) => ({ id })),
    consensus: consensus as ScenarioInput['consensus'],
  }
  const parsed = parseScenario(input)
  if (!parsed.ok) throw new Error(parsed.error)
  const cfg = paxosConfig(parsed.scenario)!
  let nextTimer = 1
  const logical = createNodeClocks(members.length, true)
  const cancelled = new Set<number>()
  // what the context records into; it becomes the FakeNode once the state exists
  const node: Pick<FakeNode, 'clock' | 'sent' | 'emitted' | 'timers' | 'durable'> = {
    clock: { now: 0 },
    sent: [],
    emitted: [],
    timers: [],
    durable: {},
  }
  const ctx: ProtocolContext = {
    nodeId,
    nodeIds: members,
    isReference: false,
    now: () => node.clock.now,
    serveTime: () => node.clock.now,
    send: (to, kind, body) =>
      node.sent.push({
        to,
        kind,
        body: structuredClone(body),
        durable: JSON.stringify(node.durable),
      }),
    setTimer: (delay, key) => {
      const id = nextTimer++
      node.timers.push({ id, delay, key, at: node.clock.now + delay })
      return id
    },
    cancelTimer: (id) => cancelled.add(id),
    random: opts.random ?? (() => 0.5),
    clock: {
      step: () => {},
      slew: () => {},
      slewRemaining: () => 0,
      setFrequencyPpm: () => {},
      frequencyPpm: () => 0,
    },
    durable: {
      get: <T>(key: string) => node.durable[key] as T | undefined,
      set: (key, value) => {
        node.durable[key] = value
      },
    },
    emit: (event, data) => node.emitted.push({ event, data: structuredClone(data) }),
    logical: {
      tick: () => {
        stampLocal(logical, members.indexOf(nodeId), node.clock.now)
        return readClocks(logical)
      },
      read: () => readClocks(logical),
      observe: (ts) => hlcReceive(logical.hlc, ts, 0, node.clock.now),
    },
    clockErrorBound: () => null,
  }
  const fake: FakeNode = Object.assign(node, {
    ctx,
    cfg,
    state: paxos.init(ctx, cfg),
    receive(from: string, kind: string, body: unknown) {
      paxos.onMessage(ctx, fake.state, from, kind, body, cfg)
    },
    fire(key: string) {
      const t = [...node.timers].reverse().find((x) => x.key === key && !cancelled.has(x.id))
      if (!t) throw new Error(`no pending timer "${key}"`)
      cancelled.add(t.id)
      node.clock.now = Math.max(node.clock.now, t.at)
      paxos.onTimer(ctx, fake.state, key, cfg)
    },
    take(kind: string) {
      const out = node.sent.filter((m) => m.kind === kind)
      node.sent = node.sent.filter((m) => m.kind !== kind)
      return out
    },
    restart() {
      node.sent = []
      node.emitted = []
      node.timers = []
      fake.state = paxos.init(ctx, cfg)
    },
  })
  return fake
}
