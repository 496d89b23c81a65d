import { describe, expect, it } from 'vitest'
import { cliHash } from './cliHash'
import { createSimulation, parseScenario, type ScenarioInput, presets } from '../engine'
import { createHost } from './host'
import { MSG_STRIDE, NODE_STRIDE, type Command, type Frame, type WorkerMessage } from './wire'

const preset = (id: string): ScenarioInput =>
  structuredClone(presets.find((p) => p.id === id)!.scenario)

/** A host on a fake wall clock; every tick is one 60 Hz display frame. */
function harness(opts: { msPerClockRead?: number } = {}) {
  let wall = 0
  const out: { msg: WorkerMessage; transfer: Transferable[] }[] = []
  const host = createHost({
    post: (msg, transfer) => out.push({ msg, transfer }),
    wallMs: () => (wall += opts.msPerClockRead ?? 0),
  })
  const frames = () => out.map((o) => o.msg).filter((m): m is Frame => m.type === 'frame')
  return {
    out,
    send: (cmd: Command) => host.handle(cmd),
    loadPreset: (id: string) =>
      host.handle({ type: 'load', scenario: preset(id), source: { kind: 'preset', id } }),
    play(speed: number) {
      host.handle({ type: 'setSpeed', speed })
      host.handle({ type: 'play' })
    },
    ticks(n: number) {
      for (let i = 0; i < n; i++) {
        wall += 1000 / 60
        host.tick()
      }
    },
    frames,
    last: () => frames().at(-1)!,
    /** pause, which posts the run's frame at once (a playing run's frames are throttled) */
    pausedFrame() {
      host.handle({ type: 'pause' })
      return frames().at(-1)!
    },
    messages: <T extends WorkerMessage['type']>(type: T) =>
      out
        .map((o) => o.msg)
        .filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type),
  }
}

describe('worker host', () => {
  it('announces the run and posts a first frame on load', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    const [loaded] = h.messages('loaded')
    expect(loaded.run.nodes.map((n) => n.id)).toEqual(['s1', 'c1', 'c2', 'c3', 'c4'])
    expect(loaded.run.nodes[0].reference).toBe(true)
    expect(loaded.run.protocols).toEqual(['cristian'])
    expect(loaded.run.seed).toBe(42)
    const f = h.last()
    expect(f.runId).toBe(loaded.run.runId)
    expect(f.now).toBe(0)
    expect(f.nodes.length).toBe(5 * NODE_STRIDE)
  })

  it('paused at T, reports the trace hash the CLI prints for --duration T', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    h.play(0.5)
    h.ticks(200)
    h.send({ type: 'setSpeed', speed: 300 })
    h.ticks(37)
    h.send({ type: 'pause' })
    const f = h.last()
    expect(f.running).toBe(false)
    expect(f.now).toBeGreaterThan(20)
    expect(f.traceHash).toBe(cliHash(preset('cristian-lan'), f.now))
    // and the duration survives the trip through the data-sim-time attribute
    expect(cliHash(preset('cristian-lan'), Number(String(f.now)))).toBe(f.traceHash)
  })

  it('skips quiet stretches but stops at the first send, so messages start on screen', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    h.play(0.05)
    h.ticks(1)
    // the first message is drawn at its very start: the frame time is its send time
    const first = h.last()
    expect(first.now).toBeGreaterThan(0.05 / 60)
    expect(first.messages.length).toBe(MSG_STRIDE)
    expect(first.messages[4]).toBe(first.now)
    h.ticks(600)
    const skipping = h.frames().filter((f) => f.pace === 'skipping')
    expect(skipping.length).toBeGreaterThan(10)
    expect(skipping.every((f) => f.inFlight === 0)).toBe(true)
    expect(h.last().now).toBeGreaterThan(8) // past the first poll interval
    // with skipping off, 30 ticks at 0.01× cover exactly 0.5 s × 0.01
    const g = harness()
    g.loadPreset('cristian-lan')
    g.send({ type: 'setSkipQuiet', on: false })
    g.play(0.01)
    g.ticks(30)
    expect(g.pausedFrame().now).toBeCloseTo(0.005, 12)
    expect(g.frames().every((f) => f.pace === 'normal')).toBe(true)
  })

  it("posts a playing run's frames about 20 times a second while messages fly", () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    h.play(0.05)
    const before = h.frames().length
    h.ticks(600) // 10 s of display refreshes
    const played = h.frames().slice(before)
    // after a frame with messages in flight the next comes 3 ticks later; after a quiet one, at
    // the next tick (the pacer reads whether it may skip from the last frame)
    const busy = played.slice(0, -1).filter((f) => f.inFlight > 0).length
    const quiet = played.length - 1 - busy
    expect(busy).toBeGreaterThan(20)
    expect(busy * 3 + quiet).toBeLessThanOrEqual(600)
    expect(played.length).toBeLessThan(600)
    // a pause shows where the run stands at once
    const n = h.frames().length
    h.pausedFrame()
    expect(h.frames().length).toBe(n + 1)
    expect(h.last().running).toBe(false)
  })

  it('does not skip when nothing is scheduled at all: free-running clocks go at the chosen speed', () => {
    const h = harness()
    h.loadPreset('free-drift')
    h.play(0.5)
    h.ticks(60)
    expect(h.pausedFrame().now).toBeCloseTo(0.5, 12)
    expect(h.frames().every((f) => f.pace === 'normal')).toBe(true)
  })

  it('steps to the next event time and pauses', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    const direct = createSimulation(
      (parseScenario(preset('cristian-lan')) as { ok: true; scenario: never }).scenario,
    )
    direct.runUntil(0)
    for (let i = 0; i < 5; i++) {
      h.send({ type: 'step' })
      direct.step()
      expect(h.last().now).toBe(direct.now)
      expect(h.last().traceHash).toBe(direct.traceHash)
      expect(h.last().running).toBe(false)
    }
  })

  it('logs live interventions; the exported scenario replays to the same hash', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    h.play(2)
    h.ticks(50)
    h.send({ type: 'inject', input: { fault: { type: 'crash', node: 'c2' } } })
    expect(h.last().nodes[2 * NODE_STRIDE]).toBe(1) // crashed
    h.ticks(90)
    h.send({ type: 'inject', input: { fault: { type: 'restart', node: 'c2' } } })
    h.send({ type: 'inject', input: { fault: { type: 'clockStep', node: 'c3', by: 0.25 } } })
    h.ticks(40)
    h.send({ type: 'pause' })
    const f = h.last()
    h.send({ type: 'getScenario', requestId: 7 })
    const [reply] = h.messages('scenario')
    expect(reply.requestId).toBe(7)
    expect(reply.exact).toBe(true)
    expect(reply.scenario.faults?.map((x) => x.type)).toEqual(['crash', 'restart', 'clockStep'])
    expect(reply.scenario.faults![0].at).toBeGreaterThan(0)
    expect(cliHash(reply.scenario, f.now)).toBe(f.traceHash)
    // without the live inputs the run differs
    expect(cliHash(preset('cristian-lan'), f.now)).not.toBe(f.traceHash)
  })

  it('rejects a bad scenario with the field-precise message and keeps the running one', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    h.send({ type: 'play' })
    h.ticks(10)
    const before = h.last()
    const bad = preset('free-drift') as unknown as { nodes: { clock?: { skewPpm?: unknown } }[] }
    bad.nodes[2].clock = { skewPpm: 'fast' }
    h.send({ type: 'load', scenario: bad, source: { kind: 'file', name: 'bad.json' } })
    const [err] = h.messages('loadError')
    expect(err.error).toContain('nodes[2].clock.skewPpm: must be a number')
    expect(err.source).toEqual({ kind: 'file', name: 'bad.json' })
    h.ticks(10)
    const after = h.last()
    expect(after.runId).toBe(before.runId)
    expect(after.now).toBeGreaterThan(before.now)
    expect(h.messages('loaded')).toHaveLength(1)
  })

  it('asks before loading a scenario past the browser limits; the run goes on; force loads it', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    h.send({ type: 'play' })
    h.ticks(10)
    const before = h.last()
    const huge = preset('free-drift')
    huge.nodes = Array.from({ length: 1200 }, (_, i) => ({ id: `n${i}` }))
    const load: Command = {
      type: 'load',
      scenario: huge,
      source: { kind: 'file', name: 'huge.json' },
    }
    h.send(load)
    const [asked] = h.messages('tooLarge')
    expect(asked.over).toEqual(['nodes'])
    expect(asked.estimate.nodes).toBe(1200)
    expect(asked.limits.nodes).toBe(1000)
    h.ticks(10)
    expect(h.last().runId).toBe(before.runId)
    expect(h.last().now).toBeGreaterThan(before.now)
    expect(h.messages('loaded')).toHaveLength(1)

    h.send({ ...load, force: true })
    expect(h.messages('loaded')).toHaveLength(2)
    expect(h.messages('loaded')[1].run.nodes).toHaveLength(1200)
  })

  it('refuses an intervention naming an unknown node without touching the run', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    const hash = h.last().traceHash
    h.send({ type: 'inject', input: { fault: { type: 'crash', node: 'nope' } } })
    expect(h.messages('commandError')[0].error).toContain('unknown node "nope"')
    h.send({ type: 'getScenario', requestId: 1 })
    expect(h.messages('scenario')[0].scenario.faults).toBeUndefined()
    h.send({ type: 'step' })
    h.send({ type: 'reset' })
    expect(h.last().traceHash).toBe(hash)
  })

  it('caps work per tick: a slow machine falls behind instead of freezing, and stays exact', () => {
    // every wall-clock read costs 1 ms, so each tick's 10 ms budget buys only a few checks
    const h = harness({ msPerClockRead: 1 })
    const big = preset('cristian-lan')
    big.nodes = [
      { id: 's1', reference: true },
      ...Array.from({ length: 200 }, (_, i) => ({ id: `c${i}` })),
    ]
    big.clockSync = { algorithm: 'cristian', pollInterval: 1 }
    h.send({ type: 'load', scenario: big, source: { kind: 'file', name: 'big.json' } })
    h.play(1000)
    h.ticks(5)
    h.send({ type: 'pause' })
    expect(h.frames().some((f) => f.pace === 'behind')).toBe(true)
    const f = h.last()
    expect(f.now).toBeLessThan(5 * 0.1 * 1000)
    expect(f.traceHash).toBe(cliHash(big, f.now))
  })

  it('sends typed arrays in the transfer list, the kind table and new links only when they change', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    h.play(0.05)
    h.ticks(120)
    for (const { msg, transfer } of h.out) {
      if (msg.type !== 'frame') continue
      expect(transfer).toContain(msg.nodes.buffer)
      expect(transfer).toContain(msg.messages.buffer)
      if (msg.newLinks) expect(transfer).toContain(msg.newLinks.buffer)
    }
    const tables = h.frames().filter((f) => f.kinds)
    expect(tables.at(-1)!.kinds).toEqual(['timeRequest', 'timeReply'])
    const links = h.frames().flatMap((f) => Array.from(f.newLinks ?? []))
    const pairs = new Set<string>()
    for (let i = 0; i < links.length; i += 2) pairs.add(`${links[i]}>${links[i + 1]}`)
    expect(pairs.size).toBe(links.length / 2) // each link announced once
    expect([...pairs].sort()).toEqual(['0>1', '0>2', '0>3', '0>4', '1>0', '2>0', '3>0', '4>0'])
    const withMsg = h.frames().find((f) => f.messages.length > 0)!
    const [, from, to, , sentAt, arriveAt] = withMsg.messages.subarray(0, MSG_STRIDE)
    expect(from === 0 || to === 0).toBe(true)
    expect(sentAt).toBeLessThanOrEqual(withMsg.now)
    expect(arriveAt).toBeGreaterThan(withMsg.now)
  })

  it('answers inspect with the protocol state of a node', () => {
    const h = harness()
    h.loadPreset('cristian-lan')
    h.send({ type: 'inspect', requestId: 3, node: 'c1' })
    h.send({ type: 'inspect', requestId: 4, node: 'zz' })
    const [a, b] = h.messages('inspection')
    expect(a.inspection?.status).toBe('up')
    expect(a.inspection?.protocols.cristian.state).toMatchObject({ server: 's1' })
    expect(b.inspection).toBeNull()
  })
})
