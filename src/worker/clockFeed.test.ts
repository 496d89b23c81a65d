import { presets } from '../engine'
import { describe, expect, it } from 'vitest'
import type { ClockFeedMessage } from './clockFeed'
import { createHost } from './host'
import type { WorkerMessage } from './wire'

/** A host on a fake 60 Hz wall clock, collecting its clock-feed messages. */
function harness() {
  let wall = 0
  const out: WorkerMessage[] = []
  const host = createHost({ post: (m) => out.push(m), wallMs: () => wall })
  return {
    host,
    feeds: () => out.filter((m): m is ClockFeedMessage => m.type === 'clockFeed'),
    load: (id: string) =>
      host.handle({
        type: 'load',
        scenario: structuredClone(presets.find((p) => p.id === id)!.scenario),
        source: { kind: 'preset', id },
      }),
    ticks(n: number) {
      for (let i = 0; i < n; i++) {
        wall += 1000 / 60
        host.tick()
      }
    },
  }
}

describe('clock feed', () => {
  it('starts each run afresh, then appends increasing samples a few times a second', () => {
    const h = harness()
    h.host.handle({ type: 'setSpeed', speed: 100 })
    h.load('ntp-lan')
    h.host.handle({ type: 'play' })
    h.ticks(120) // two wall seconds
    const feeds = h.feeds()
    expect(feeds[0].dropFrom).toBe(-Infinity)
    expect(feeds[0].summary).toHaveLength(6)
    expect(feeds.slice(1).every((f) => f.dropFrom === null)).toBe(true)
    // ~8 messages per wall second while running, not one per frame
    expect(feeds.length).toBeGreaterThanOrEqual(12)
    expect(feeds.length).toBeLessThanOrEqual(20)
    const t = feeds.flatMap((f) => Array.from(f.samples.t))
    expect(t[0]).toBe(0)
    for (let k = 1; k < t.length; k++) expect(t[k]).toBeGreaterThan(t[k - 1])
    expect(t.at(-1)).toBeGreaterThan(150)
    for (const f of feeds)
      expect(f.samples.offset.length).toBe(f.samples.t.length * f.samples.nodes)

    h.load('cristian-lan')
    h.ticks(1)
    const next = h.feeds().filter((f) => f.runId !== feeds[0].runId)
    expect(next[0].dropFrom).toBe(-Infinity)
    expect(next[0].summary).toHaveLength(5)
  })

  it('posts at once when paused, so a live intervention shows without waiting', () => {
    const h = harness()
    h.load('ntp-lan')
    const before = h.feeds().length
    h.host.handle({ type: 'inject', input: { fault: { type: 'setSkew', node: 'c1', ppm: 500 } } })
    const after = h.feeds()
    expect(after.length).toBe(before + 1)
    expect(after.at(-1)!.summary![3].skewPpm).toBeCloseTo(500, 9)
  })

  it('notes the last Berkeley round that left clocks out, long after it passed', () => {
    const h = harness()
    h.host.handle({ type: 'setSpeed', speed: 100 })
    h.load('berkeley-outlier')
    h.host.handle({ type: 'play' })
    h.ticks(60) // ~100 s: ten rounds, only the first with an outlier
    const noted = h.feeds().filter((f) => f.notes)
    expect(noted.at(-1)!.notes!.outliers).toMatchObject({ round: 1, nodes: ['n4'] })
  })
})
