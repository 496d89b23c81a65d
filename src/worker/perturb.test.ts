import { describe, expect, it } from 'vitest'
import { cliHash } from './cliHash'
import { parseScenario, type ScenarioInput, presets } from '../engine'
import { createHost } from './host'
import { scenarioWithInputs, type LoggedInput } from './inputLog'
import { protocolLinks } from './protocolLinks'
import type { Command, Frame, WorkerMessage } from './wire'

const preset = (id: string): ScenarioInput =>
  structuredClone(presets.find((p) => p.id === id)!.scenario)

const parsed = (s: ScenarioInput) => {
  const p = parseScenario(s)
  if (!p.ok) throw new Error(p.error)
  return p.scenario
}

/** A host on a fake wall clock; every tick is one 60 Hz display frame. */
function harness() {
  let wall = 0
  const out: WorkerMessage[] = []
  const host = createHost({ post: (msg) => out.push(msg), wallMs: () => wall })
  const of = <T extends WorkerMessage['type']>(type: T) =>
    out.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type)
  return {
    send: (cmd: Command) => host.handle(cmd),
    run(speed: number, ticks: number) {
      host.handle({ type: 'setSpeed', speed })
      host.handle({ type: 'play' })
      for (let i = 0; i < ticks; i++) {
        wall += 1000 / 60
        host.tick()
      }
      host.handle({ type: 'pause' })
    },
    of,
    last: () => of('frame').at(-1) as Frame,
  }
}

describe('links the protocols use', () => {
  it('are each client with its server both ways for client–server clock sync', () => {
    expect(protocolLinks(parsed(preset('cristian-lan')))).toEqual([
      [1, 0],
      [0, 1],
      [2, 0],
      [0, 2],
      [3, 0],
      [0, 3],
      [4, 0],
      [0, 4],
    ])
  })

  it('are every member pair for consensus, and none when nothing talks', () => {
    const s = preset('free-drift')
    expect(protocolLinks(parsed(s))).toEqual([])
    const consensus = { ...s, consensus: { algorithm: 'paxos' as const, members: ['a', 'b', 'c'] } }
    expect(protocolLinks(parsed(consensus))).toHaveLength(6)
  })
})

describe('worker: network view and input log', () => {
  it('posts the network and the live log when they change, and only then', () => {
    const h = harness()
    h.send({ type: 'load', scenario: preset('cristian-lan'), source: { kind: 'preset', id: 'x' } })
    expect(h.of('network')).toHaveLength(1)
    expect(h.of('network')[0].network).toEqual({
      loss: 0,
      latency: { base: 0.002, jitter: 0.0005 },
      cut: [],
      groups: null,
    })
    expect(h.of('interventions').map((m) => m.inputs)).toEqual([[]])
    h.run(1, 30)
    expect(h.of('network')).toHaveLength(1)
    expect(h.of('interventions')).toHaveLength(1)

    h.send({ type: 'inject', input: { fault: { type: 'cutLink', from: 'c2', to: 's1' } } })
    h.send({
      type: 'inject',
      input: { fault: { type: 'partition', groups: [['s1', 'c1'], ['c2']] } },
    })
    const net = h.of('network').at(-1)!.network
    expect(net.cut).toEqual([[2, 0]])
    expect(net.groups).toEqual([0, 0, 1, -1, -1])
    const log = h.of('interventions').at(-1)!.inputs
    expect(log.map((x) => ('fault' in x ? x.fault.type : ''))).toEqual(['cutLink', 'partition'])
    expect(log[0].at).toBe(h.last().now)
    expect(h.last().dropped).toBe(0)
  })
})

describe('worker: replaying and taking back live inputs', () => {
  it('removing a past input rebuilds the run: same time, hash of a fresh run of the rest', () => {
    const h = harness()
    const base = preset('cristian-lan')
    h.send({ type: 'load', scenario: base, source: { kind: 'preset', id: 'x' } })
    h.run(5, 40)
    h.send({ type: 'inject', input: { fault: { type: 'crash', node: 'c2' } } })
    h.run(5, 40)
    h.send({ type: 'inject', input: { fault: { type: 'cutLink', from: 'c1', to: 's1' } } })
    h.run(5, 40)
    const now = h.last().now
    const log = h.of('interventions').at(-1)!.inputs
    expect(log).toHaveLength(2)

    h.send({ type: 'removeInput', index: 0, at: log[0].at })
    const f = h.last()
    expect(f.now).toBe(now)
    const rest = h.of('interventions').at(-1)!.inputs
    expect(rest).toEqual([log[1]])
    const { scenario } = scenarioWithInputs(base, rest)
    expect(f.traceHash).toBe(cliHash(scenario, now))
    expect(f.traceHash).not.toBe(cliHash(scenarioWithInputs(base, log).scenario, now))
    // and a removal that names the wrong entry is refused, leaving the run as it is
    h.send({ type: 'removeInput', index: 0, at: 123 })
    expect(h.of('commandError').at(-1)!.error).toBe('no such past input')
    expect(h.last().traceHash).toBe(f.traceHash)
  })

  it('a load with a replay (session restore) equals the live run it was saved from', () => {
    const live = harness()
    const base = preset('cristian-lan')
    live.send({ type: 'load', scenario: base, source: { kind: 'preset', id: 'x' } })
    live.run(5, 30)
    live.send({ type: 'inject', input: { fault: { type: 'setLoss', p: 0.3 } } })
    live.send({ type: 'inject', input: { fault: { type: 'clockStep', node: 'c3', by: 0.5 } } })
    live.run(5, 50)
    const inputs = live.of('interventions').at(-1)!.inputs
    const { now, traceHash } = live.last()

    const restored = harness()
    restored.send({
      type: 'load',
      scenario: base,
      source: { kind: 'preset', id: 'x' },
      replay: { inputs, until: now },
    })
    expect(restored.last().now).toBe(now)
    expect(restored.last().traceHash).toBe(traceHash)
    expect(restored.of('interventions').at(-1)!.inputs).toEqual(inputs)
  })

  it('a replay that does not fit the scenario is refused as a whole; the current run goes on', () => {
    const h = harness()
    h.send({ type: 'load', scenario: preset('cristian-lan'), source: { kind: 'preset', id: 'x' } })
    h.run(5, 20)
    const before = h.last()
    const bad: LoggedInput[][] = [
      [{ at: 1, fault: { type: 'crash', node: 'nobody' } }],
      [
        { at: 2, fault: { type: 'heal' } },
        { at: 1, fault: { type: 'heal' } },
      ],
      [{ at: 50, fault: { type: 'heal' } }],
    ]
    for (const inputs of bad) {
      h.send({
        type: 'load',
        scenario: preset('free-drift'),
        source: { kind: 'link' },
        replay: { inputs, until: 10 },
      })
      expect(h.of('loadError').at(-1)!.error).toMatch(/^inputs\[\d\]/)
    }
    expect(h.of('loaded')).toHaveLength(1)
    h.send({ type: 'step' })
    expect(h.last().runId).toBe(before.runId)
    expect(h.last().now).toBeGreaterThan(before.now)
  })
})
