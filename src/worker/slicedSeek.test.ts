import { describe, expect, it } from 'vitest'
import { presets, type ScenarioInput } from '../engine'
import { cliHash } from './cliHash'
import { scenarioWithInputs, type LoggedInput } from './inputLog'
import { createHost } from './host'
import type { Command, Frame, WorkerMessage } from './wire'
import type { SeekEnd, SeekProgress } from './timelineWire'

const preset = (id: string): ScenarioInput =>
  structuredClone(presets.find((p) => p.id === id)!.scenario)
const paxos = preset('multi-paxos-5')

/**
 * A host whose wall clock moves `msPerRead` with every reading: slices end after a fixed amount
 * of work, the same on any machine. `msPerRead` 0 freezes it: sliced work then ends in one go.
 */
function harness(msPerRead: number) {
  let wall = 0
  const out: WorkerMessage[] = []
  const host = createHost({
    post: (msg) => out.push(msg),
    wallMs: () => (wall += msPerRead),
  })
  const of = <T extends WorkerMessage['type']>(type: T) =>
    out.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type)
  return {
    out,
    send: (cmd: Command) => host.handle(cmd),
    tick: () => host.tick(),
    of,
    frame: (): Frame => of('frame').at(-1)!,
    ends: (): SeekEnd[] => of('seekEnd'),
    progress: (): SeekProgress[] => of('seekProgress'),
    /** tick until the sliced work under way ends; returns how many ticks it took */
    finish(max = 100_000): number {
      const n0 = of('seekEnd').length
      for (let i = 1; i <= max; i++) {
        host.tick()
        if (of('seekEnd').length > n0) return i
      }
      throw new Error('sliced work did not end')
    },
  }
}

const openAt = (scenario: ScenarioInput, until: number, inputs: LoggedInput[] = []): Command => ({
  type: 'load',
  scenario: structuredClone(scenario),
  source: { kind: 'link' },
  replay: { inputs, until },
})

describe('sliced seeks', { timeout: 120_000 }, () => {
  it('a link opened at T in slices has the trace of a straight run to T, with progress on the way', () => {
    const T = 400
    const sliced = harness(1)
    sliced.send(openAt(paxos, T))
    expect(sliced.of('loaded')).toHaveLength(0) // not on screen until the replay reaches T
    const ticks = sliced.finish()
    expect(ticks).toBeGreaterThan(3)
    const progress = sliced.progress()
    expect(progress.length).toBeGreaterThan(1)
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].at).toBeGreaterThan(progress[i - 1].at)
    expect(progress.every((p) => p.kind === 'load' && p.from === 0 && p.to === T)).toBe(true)
    expect(sliced.ends()).toEqual([{ type: 'seekEnd', kind: 'load', end: 'done', at: T, to: T }])

    const straight = harness(0) // a frozen clock: the whole replay in the first slice
    straight.send(openAt(paxos, T))
    expect(straight.progress()).toHaveLength(0)
    expect(straight.frame().now).toBe(T)
    expect(sliced.frame().now).toBe(T)
    expect(sliced.frame().traceHash).toBe(straight.frame().traceHash)
    expect(sliced.frame().traceHash).toBe(cliHash(paxos, T))
  })

  it('a seek far ahead of the run, in slices, lands where a straight run does, and back again', () => {
    const h = harness(1)
    h.send({ type: 'load', scenario: structuredClone(paxos), source: { kind: 'file', name: 'p' } })
    h.send({ type: 'seek', to: 300 })
    expect(h.finish()).toBeGreaterThan(3)
    expect(h.of('seeked').at(-1)!.to).toBe(300)
    expect(h.frame().traceHash).toBe(cliHash(paxos, 300))
    // the checkpoints laid on the way make a seek back short: one slice
    h.send({ type: 'seek', to: 123.4 })
    expect(h.ends().at(-1)!.end).toBe('done')
    expect(h.frame().now).toBe(123.4)
    expect(h.frame().traceHash).toBe(cliHash(paxos, 123.4))
  })

  it('cancel stops a replay where it got to: paused there, with the trace of a run to that time', () => {
    const h = harness(1)
    h.send({ type: 'play' })
    h.send(openAt(paxos, 999_999))
    for (let i = 0; i < 20; i++) h.tick()
    const before = h.progress().at(-1)!
    expect(before.at).toBeGreaterThan(0)
    h.send({ type: 'cancel' })
    const [end] = h.ends()
    expect(end.end).toBe('cancelled')
    // the cancel was answered between two slices: nothing ran after the last progress but the
    // rest of that slice
    expect(end.at).toBeGreaterThanOrEqual(before.at)
    expect(end.at).toBeLessThan(999_999)
    expect(h.of('loaded')).toHaveLength(1)
    const f = h.frame()
    expect(f.now).toBe(end.at)
    expect(f.running).toBe(false)
    expect(f.traceHash).toBe(cliHash(paxos, end.at))
    // paused: ticks change nothing
    h.tick()
    expect(h.frame().now).toBe(end.at)
    // and a seek back goes through the checkpoints the replay laid
    h.send({ type: 'seek', to: end.at / 2 })
    expect(h.frame().traceHash).toBe(cliHash(paxos, end.at / 2))
  })

  it('a cancelled replay keeps the interventions it had not reached: playing on applies them', () => {
    const [, second, third] = paxos.nodes.map((n) => n.id)
    const inputs: LoggedInput[] = [
      { at: 5, fault: { type: 'crash', node: second } },
      { at: 700, fault: { type: 'crash', node: third } },
      { at: 700, fault: { type: 'restart', node: second } },
    ]
    const h = harness(1)
    h.send(openAt(paxos, 800, inputs))
    while ((h.progress().at(-1)?.at ?? 0) < 10) h.tick()
    h.send({ type: 'cancel' })
    const [end] = h.ends()
    expect(end.end).toBe('cancelled')
    expect(end.at).toBeLessThan(700)
    // the run stands where it stopped, with the whole list: two interventions still ahead
    expect(h.frame().traceHash).toBe(
      cliHash(scenarioWithInputs(paxos, inputs.slice(0, 1)).scenario, end.at),
    )
    expect(h.of('interventions').at(-1)!.inputs).toEqual(inputs)
    h.send({ type: 'seek', to: 800 })
    h.finish()
    expect(h.frame().traceHash).toBe(cliHash(scenarioWithInputs(paxos, inputs).scenario, 800))
  })

  it('a preset chosen during a long replay abandons it and loads at once', () => {
    const h = harness(1)
    h.send(openAt(paxos, 999_999))
    for (let i = 0; i < 5; i++) h.tick()
    h.send({ type: 'seek', to: 5 }) // waits behind the replay, and goes with it
    h.send({
      type: 'load',
      scenario: preset('cristian-lan'),
      source: { kind: 'preset', id: 'cristian-lan' },
    })
    expect(h.ends().map((e) => e.end)).toEqual(['abandoned'])
    const loaded = h.of('loaded')
    expect(loaded.map((m) => m.run.name)).toEqual([preset('cristian-lan').name])
    expect(h.frame().now).toBe(0)
    h.send({ type: 'play' })
    for (let i = 0; i < 10; i++) h.tick()
    expect(h.frame().now).toBeGreaterThan(0)
    expect(h.of('seeked')).toHaveLength(0)
  })

  it('commands sent during a replay wait for it, in order; a refused load leaves it running', () => {
    const h = harness(1)
    h.send(openAt(paxos, 200))
    h.send({ type: 'seek', to: 50 })
    h.send({ type: 'stopAt', at: 60 })
    h.send({ type: 'load', scenario: { version: 1 }, source: { kind: 'file', name: 'bad' } })
    expect(h.of('loadError')).toHaveLength(1)
    h.send({ type: 'ping', id: 7 })
    expect(h.of('pong')).toEqual([{ type: 'pong', id: 7 }]) // answered between slices
    h.send({ type: 'play' })
    h.finish()
    // the replay, then the seek that waited (short: back through the replay's checkpoints)
    expect(h.ends().map((e) => [e.kind, e.end])).toEqual([
      ['load', 'done'],
      ['seek', 'done'],
    ])
    expect(h.of('seeked').at(-1)!.to).toBe(50)
    expect(h.frame().traceHash).toBe(cliHash(paxos, 50))
    // the stop time was set on the new run, after its load
    for (let i = 0; i < 2000 && h.of('stopped').length === 0; i++) h.tick()
    expect(h.of('stopped')).toEqual([expect.objectContaining({ at: 60 })])
  })
})
