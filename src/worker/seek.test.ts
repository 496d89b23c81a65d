import { describe, expect, it } from 'vitest'
import { cliHash } from './cliHash'
import { createSimulation, parseScenario, type ScenarioInput } from '../engine'
import { seekScenarios } from '../../bench/seek'
import { createHost } from './host'
import type { Command, Frame, WorkerMessage } from './wire'
import { createSpacetimeRecorder, WINDOW_SECONDS } from './spacetime'
import { ARROW_STRIDE, A_END, type SpacetimeBatch, type TimelineInfo } from './timelineWire'

// The benchmark's 10-minute runs: five NTP nodes (two reference servers, three drifting clients)
// and five Multi-Paxos replicas with leases and a client command every second.
const [ntp5, paxos5] = Object.values(seekScenarios)

/** A host on a fake wall clock; every tick is one 60 Hz display frame. */
function harness(scenario: ScenarioInput) {
  let wall = 0
  const out: WorkerMessage[] = []
  const host = createHost({ post: (msg) => out.push(msg), wallMs: () => wall })
  const send = (cmd: Command) => host.handle(cmd)
  send({ type: 'load', scenario: structuredClone(scenario), source: { kind: 'file', name: 't' } })
  const of = <T extends WorkerMessage['type']>(type: T) =>
    out.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type)
  return {
    out,
    send,
    play(speed: number, ticks: number) {
      send({ type: 'setSpeed', speed })
      send({ type: 'play' })
      for (let i = 0; i < ticks; i++) {
        wall += 1000 / 60
        host.tick()
      }
      send({ type: 'pause' })
    },
    seek(to: number) {
      send({ type: 'seek', to })
      return this.frame()
    },
    frame: () => of('frame').at(-1)!,
    timeline: () => of('timeline').at(-1)!,
    of,
    /** the run as the CLI would replay it: scenario plus the live inputs */
    exported(): ScenarioInput {
      send({ type: 'getScenario', requestId: 1 })
      return of('scenario').at(-1)!.scenario
    },
  }
}

const expectAtFreshRun = (f: Frame, scenario: ScenarioInput, T: number) => {
  expect(f.now).toBe(T)
  expect(f.traceHash).toBe(cliHash(scenario, T))
}

// Whole runs replayed by the CLI per assertion: generous limits, a shared machine can be slow.
describe('seeking through the worker host', { timeout: 120_000 }, () => {
  it('seeking to T gives the hash of a fresh run to T, live inputs before and after checkpoints included', () => {
    const h = harness(ntp5)
    h.play(20, 100) // ≈ 33 s
    h.send({ type: 'inject', input: { fault: { type: 'clockStep', node: 'c1', by: 0.4 } } })
    const stepAt = h.frame().now
    h.play(20, 100)
    h.send({ type: 'inject', input: { fault: { type: 'crash', node: 'c2' } } })
    h.play(20, 60)
    h.send({ type: 'inject', input: { fault: { type: 'restart', node: 'c2' } } })
    h.play(20, 200)
    const head = h.frame().now
    expect(head).toBeGreaterThan(150)
    const cps = h.timeline().checkpoints
    expect(cps[0]).toBe(0)
    expect(cps.length).toBeGreaterThan(10)
    const scenario = h.exported()
    expect(scenario.faults?.map((f) => f.type)).toEqual(['clockStep', 'crash', 'restart'])

    const targets = [
      stepAt, // exactly at a live input
      stepAt - 1e-9,
      cps[3], // exactly at a checkpoint
      cps[5] + 0.123456,
      head - 0.5,
      1.75,
      0,
      97.3,
      head, // back to the head
      head + 30, // beyond it: just runs
    ]
    for (const T of targets) expectAtFreshRun(h.seek(T), scenario, T)
    // seeking never altered the live log
    expect(h.exported()).toEqual(scenario)
    expect(h.of('seeked').length).toBe(targets.length)
  })

  it('in a Multi-Paxos run too, with client operations made live', () => {
    const h = harness(paxos5)
    h.play(5, 120) // 10 s
    h.send({
      type: 'inject',
      input: { client: { node: 'n3', op: { op: 'propose', value: 'live' } } },
    })
    // (not at the same instant: a file cannot say "this fault came after that client operation")
    h.play(5, 3)
    h.send({ type: 'inject', input: { fault: { type: 'crash', node: 'n1' } } })
    h.play(5, 120)
    h.send({
      type: 'inject',
      input: {
        fault: {
          type: 'partition',
          groups: [
            ['n1', 'n2'],
            ['n3', 'n4', 'n5'],
          ],
        },
      },
    })
    h.play(5, 120)
    const scenario = h.exported()
    expect(scenario.workload?.at(-1)).toMatchObject({ op: 'propose', value: 'live' })
    for (const T of [3.3, 12.5, 9.99, 25.01, 1e-3, h.frame().now - 0.01])
      expectAtFreshRun(h.seek(T), scenario, T)
  })

  it('a live input after seeking back starts a new branch: later inputs and checkpoints go, the head moves back', () => {
    const h = harness(ntp5)
    h.play(20, 90)
    h.send({ type: 'inject', input: { fault: { type: 'crash', node: 'c3' } } })
    h.play(20, 90)
    h.send({ type: 'inject', input: { fault: { type: 'setSkew', node: 'c1', ppm: 400 } } })
    h.play(20, 90)
    const oldHead = h.frame().now
    const T = 40.25
    h.seek(T)
    const before: TimelineInfo = h.timeline()
    expect(before.head).toBe(oldHead)
    expect(before.checkpoints.at(-1)).toBeGreaterThan(T)

    h.send({ type: 'inject', input: { fault: { type: 'clockStep', node: 'c2', by: -0.2 } } })
    const after = h.timeline()
    expect(after.branches).toBe(before.branches + 1)
    expect(after.head).toBe(T)
    expect(after.replaced).toEqual({ from: T, to: oldHead })
    expect(Math.max(...after.checkpoints)).toBeLessThanOrEqual(T)
    const scenario = h.exported()
    // the crash (before T) stays; the skew change of the old future is gone; the new step is in
    expect(scenario.faults?.map((f) => f.type)).toEqual(['crash', 'clockStep'])
    h.play(20, 60)
    const now = h.frame().now
    expectAtFreshRun(h.frame(), scenario, now)
    for (const t of [T - 5, T, T + 3, now - 1]) expectAtFreshRun(h.seek(t), scenario, t)
  })

  it('undo takes the last intervention back and redo puts it back: each time the hash of a fresh run', () => {
    const h = harness(ntp5)
    const base = h.exported()
    h.play(20, 60)
    h.send({ type: 'inject', input: { fault: { type: 'crash', node: 'c3' } } })
    const withCrash = h.exported()
    expect(h.of('edits').at(-1)).toMatchObject({ undo: 1, redo: 0 })
    h.play(20, 60)
    const T = h.frame().now

    h.send({ type: 'undo' })
    expect(h.of('edits').at(-1)).toMatchObject({ undo: 0, redo: 1 })
    expect(h.of('interventions').at(-1)!.inputs).toEqual([])
    expectAtFreshRun(h.frame(), base, T)

    h.send({ type: 'redo' })
    expect(h.of('edits').at(-1)).toMatchObject({ undo: 1, redo: 0 })
    expectAtFreshRun(h.frame(), withCrash, T)
    expect(h.exported()).toEqual(withCrash)
  })

  it('undoing an intervention made in the past brings back the later ones it replaced, still ahead', () => {
    const h = harness(ntp5)
    h.play(20, 60)
    h.send({ type: 'inject', input: { fault: { type: 'crash', node: 'c3' } } })
    h.play(20, 60)
    h.send({ type: 'inject', input: { fault: { type: 'setSkew', node: 'c1', ppm: 400 } } })
    const both = h.exported()
    h.play(20, 30)
    const T = 30.5
    h.seek(T)
    h.send({ type: 'inject', input: { fault: { type: 'clockStep', node: 'c2', by: -0.2 } } })
    expect(h.of('interventions').at(-1)!.inputs).toHaveLength(2)

    h.send({ type: 'undo' })
    const inputs = h.of('interventions').at(-1)!.inputs
    expect(inputs.map((x) => ('fault' in x ? x.fault.type : ''))).toEqual(['crash', 'setSkew'])
    expect(inputs[1].at).toBeGreaterThan(T)
    expectAtFreshRun(h.frame(), both, T)
    // played on, the skew change happens again where it was
    h.play(20, 60)
    expectAtFreshRun(h.frame(), both, h.frame().now)
    expect(h.exported()).toEqual(both)
  })

  it('after a seek, the diagram window holds what a run traced live to T holds', () => {
    const h = harness(ntp5)
    h.play(20, 360) // ≈ 120 s
    h.send({ type: 'inject', input: { fault: { type: 'cutLink', from: 's1', to: 'c1' } } })
    h.play(20, 60)
    const scenario = h.exported()
    const T = h.frame().now - 7.5
    h.seek(T)
    const batch: SpacetimeBatch = h.of('spacetime').at(-1)!
    expect(batch.reset).toBe(true)
    expect(batch.now).toBe(T)
    expect(batch.windowStart).toBeCloseTo(T - WINDOW_SECONDS, 9)

    // the same run traced from t = 0 into a recorder, as live play would
    const parsed = parseScenario(scenario)
    if (!parsed.ok) throw new Error(parsed.error)
    const rec = createSpacetimeRecorder(parsed.scenario.nodes.map((n) => n.id))
    const sim = createSimulation(parsed.scenario, { trace: (r) => rec.sink(r) })
    rec.reset(sim)
    rec.attach(sim)
    sim.runUntil(T)
    const live = rec.batch(1, T)!
    expect(batch.kinds).toEqual(live.kinds)
    expect(batch.arrows.length).toBeGreaterThan(20 * ARROW_STRIDE)
    expect(Array.from(batch.arrows)).toEqual(Array.from(live.arrows))
    expect(batch.marks).toEqual(live.marks)
    // and the cut link shows: messages s1 → c1 dropped for the cut
    const drops = []
    for (let o = 0; o < batch.arrows.length; o += ARROW_STRIDE)
      if (batch.arrows[o + 8] === 2) drops.push(batch.arrows[o + A_END])
    expect(drops.length).toBeGreaterThan(0)
  })
})
