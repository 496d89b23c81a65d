import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  parseScenario,
  type ScenarioInput,
  type Simulation,
  presets,
} from '../engine'
import { createConsensusFeed, MIN_INTERVAL_MS, type ConsensusFeed } from './consensusFeed'
import { structureOf } from '../ui/consensus/consensusStore'
import type { ConsensusUpdate } from './consensusWire'
import { createHost } from './host'
import type { WorkerMessage } from './wire'
import { createViolationsFeed } from './violationsFeed'

function withFeed(input: ScenarioInput): { sim: Simulation; feed: ConsensusFeed } {
  const parsed = parseScenario(input)
  if (!parsed.ok) throw new Error(parsed.error)
  let feed: ConsensusFeed | null = null
  const sim = createSimulation(parsed.scenario, { trace: (r) => feed?.trace(r) })
  feed = createConsensusFeed(sim)
  if (!feed) throw new Error('no paxos')
  return { sim, feed }
}
const preset = (id: string) => structuredClone(presets.find((p) => p.id === id)!.scenario)

describe('consensus feed', () => {
  it("leaves a store shard's own Paxos groups out of the consensus group's picture", () => {
    const { sim, feed } = withFeed({
      ...preset('multi-paxos-5'),
      transactions: { shards: [['n1', 'n2', 'n3']], timestamps: 'hlc' },
      workload: [{ at: 1, node: 'n4', op: 'txn', id: 't1', writes: { x: 'shard value' } }],
    })
    sim.runUntil(4)
    const u = feed.build(sim, 1, 0, true)!
    // the shard's group elected leaders and chose the transaction's commands, all unseen here
    expect(u.leaders).toHaveLength(1)
    expect(JSON.stringify(u)).not.toContain('shard value')
  })

  it('is absent without Paxos', () => {
    const parsed = parseScenario(preset('cristian-lan'))
    if (!parsed.ok) throw new Error(parsed.error)
    expect(createConsensusFeed(createSimulation(parsed.scenario))).toBeNull()
  })

  it('reports roles, the log, requests with their outcomes, and elections', () => {
    const { sim, feed } = withFeed(preset('multi-paxos-5'))
    sim.runUntil(4)
    const u = feed.build(sim, 7, 0, true)!
    expect(u.runId).toBe(7)
    expect(u.meta).toMatchObject({ mode: 'multi', variant: 'correct', quorum: 3 })
    expect(u.meta.members).toEqual(['n1', 'n2', 'n3', 'n4', 'n5'])
    const leaders = u.nodes.filter((n) => n.role === 'leader')
    expect(leaders).toHaveLength(1)
    expect(u.leaders).toEqual([
      { node: leaders[0].node, ballot: leaders[0].ballot, at: expect.any(Number) },
    ])
    for (const n of u.nodes) {
      expect(n.chosen.map((c) => c.entry)).toMatchObject([{ value: 'apple' }, { value: 'banana' }])
      expect(n.status).toBe('up')
    }
    expect(u.chosen.map((c) => c.slot)).toEqual([0, 1])
    expect(u.requests.map((r) => [r.node, r.op, r.value])).toEqual([
      ['n2', 'propose', 'apple'],
      ['n4', 'propose', 'banana'],
      ['n5', 'read', undefined],
    ])
    expect(u.requests[0].chosen).toEqual({ slot: 0, at: expect.any(Number) })
    expect(u.requests[2].served).toMatchObject({
      by: leaders[0].node,
      lease: true,
      value: 'banana',
    })
    expect(u.requests[2].result).toMatchObject({ value: 'banana', local: false })
  })

  it('places lease ends in true time: a clock at half speed doubles them', () => {
    const { sim, feed } = withFeed(preset('lease-drift-stale-read'))
    sim.runUntil(2.5) // n1 leads on a clock slowed to half speed since t = 1
    const [n1, n2] = feed.build(sim, 1, 0, true)!.nodes
    expect(n1.role).toBe('leader')
    expect(n1.lease!.holds).toBe(true)
    const ratio = (until: number, at: number, i: number) =>
      (at - sim.now) / (until - sim.localReading(i))
    expect(ratio(n1.lease!.until!, n1.lease!.untilAt!, 0)).toBeCloseTo(2, 3)
    // a follower on a correct clock: its promise to n1 ends at the same time on both scales
    expect(n2.lease!.grantedTo).toBe('n1')
    expect(ratio(n2.lease!.grantUntil!, n2.lease!.grantUntilAt!, 1)).toBeCloseTo(1, 3)
  })

  it('shows a follower’s election deadline, and none for the leader', () => {
    const { sim, feed } = withFeed(preset('multi-paxos-5'))
    sim.runUntil(2)
    const u = feed.build(sim, 1, 0, true)!
    for (const n of u.nodes) {
      if (n.role === 'leader') expect(n.election).toBeNull()
      else {
        expect(n.election!.deadline).toBeGreaterThan(sim.localReading(sim.indexOf(n.node)))
        expect(n.election!.at).toBeGreaterThan(sim.now)
      }
    }
  })

  it('posts only changes, and while playing not more often than every MIN_INTERVAL_MS', () => {
    const { sim, feed } = withFeed(preset('multi-paxos-5'))
    sim.runUntil(1)
    expect(feed.build(sim, 1, 0, false)).not.toBeNull()
    sim.runUntil(2)
    expect(feed.build(sim, 1, MIN_INTERVAL_MS / 2, false)).toBeNull() // too soon
    expect(feed.build(sim, 1, MIN_INTERVAL_MS, false)).not.toBeNull()
    expect(feed.build(sim, 1, 10 * MIN_INTERVAL_MS, true)).toBeNull() // unchanged, even forced
  })

  it('reading the views does not change the run', () => {
    const a = withFeed(preset('lease-drift-stale-read'))
    const b = withFeed(preset('lease-drift-stale-read'))
    for (let t = 0.1; t < 6; t += 0.1) {
      a.sim.runUntil(t)
      b.sim.runUntil(t)
      a.feed.build(a.sim, 1, t * 1e4, true)
    }
    expect(a.sim.traceHash).toBe(b.sim.traceHash)
  })
})

describe('violations feed', () => {
  it('sends new violations once each, and the whole list again after it shrank', () => {
    const { sim } = withFeed(preset('lease-drift-stale-read'))
    const feed = createViolationsFeed()
    expect(feed.build(sim, 1)).toBeNull()
    sim.runUntil(4.2)
    const first = feed.build(sim, 1)!
    expect(first).toMatchObject({ from: 0, total: 1, items: [{ invariant: 'lease-exclusivity' }] })
    expect(first.items[0].nodes.sort()).toEqual(['n1', 'n2'])
    expect(feed.build(sim, 1)).toBeNull()
    sim.runUntil(5)
    expect(feed.build(sim, 1)).toMatchObject({
      from: 1,
      items: [{ invariant: 'stale-read', at: 4.7 }],
    })
    sim.world.violations = sim.world.violations.slice(0, 1) // as a rewind would leave it
    expect(feed.build(sim, 1)).toMatchObject({ from: 0, total: 1 })
  })
})

describe('consensus feed after a seek back', () => {
  it('forgets what lies after the new time and re-learns it from the re-run, once', () => {
    const { sim, feed } = withFeed(preset('multi-paxos-5'))
    const early = sim.snapshot() // t = 0, as a checkpoint
    sim.runUntil(4)
    const before = feed.build(sim, 1, 0, true)!
    expect(before.requests).toHaveLength(3)
    // seek to t = 2: restore the checkpoint, re-run (the host's timeline does exactly this)
    sim.rewindTo(early)
    sim.runUntil(2)
    const at2 = feed.build(sim, 1, 0, true)!
    expect(at2.requests.map((r) => r.value)).toEqual(['apple']) // "banana" comes at t = 2.5
    expect(at2.leaders).toEqual(before.leaders) // the election at 0.4, told again, counted once
    sim.runUntil(4)
    const after = feed.build(sim, 1, 0, true)!
    expect(JSON.stringify(after.requests)).toBe(JSON.stringify(before.requests))
    expect(JSON.stringify(after.nodes)).toBe(JSON.stringify(before.nodes))
    expect(after.leaders).toEqual(before.leaders)
    expect(after.chosen).toEqual(before.chosen)
  })

  it('a seek to the time of a checkpoint re-runs nothing, and still drops the later requests', () => {
    const { sim, feed } = withFeed(preset('multi-paxos-5'))
    sim.runUntil(2)
    const checkpoint = sim.snapshot()
    sim.runUntil(4)
    expect(feed.build(sim, 1, 0, true)!.requests).toHaveLength(3)
    sim.rewindTo(checkpoint)
    expect(feed.build(sim, 1, 0, true)!.requests.map((r) => r.value)).toEqual(['apple'])
  })
})

describe('consensus updates through the host', () => {
  it('steady Multi-Paxos at 1×: updates at most every MIN_INTERVAL_MS, and nothing React shows changes', () => {
    let wall = 0
    const out: { msg: WorkerMessage; wall: number }[] = []
    const host = createHost({ post: (msg) => out.push({ msg, wall }), wallMs: () => wall })
    const scenario = preset('multi-paxos-5')
    host.handle({ type: 'load', scenario, source: { kind: 'preset', id: 'multi-paxos-5' } })
    host.handle({ type: 'setSpeed', speed: 1 })
    host.handle({ type: 'play' })
    for (let i = 0; i < 60 * 8; i++) {
      wall += 1000 / 60
      host.tick()
    }
    const updates = out.filter(
      (o): o is { msg: ConsensusUpdate; wall: number } =>
        o.msg.type === 'consensus' && o.msg.now > 4, // after the workload
    )
    // lease ends move with every heartbeat, so updates keep coming, throttled
    expect(updates.length).toBeGreaterThan(20)
    for (let i = 1; i < updates.length; i++)
      expect(updates[i].wall - updates[i - 1].wall).toBeGreaterThanOrEqual(MIN_INTERVAL_MS)
    const structure = new Set(
      updates.map(({ msg: u }) =>
        JSON.stringify([u.nodes.map(structureOf), u.requests, u.leaders, u.chosen]),
      ),
    )
    expect(structure.size).toBe(1)
  })
})
