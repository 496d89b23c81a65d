import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, presets, type TraceRecord } from '../engine'
import { paceTick, type Pacer } from './pacing'

/**
 * Every preset's speed (Preset.speed) makes its key moment watchable: played as the worker plays
 * it — paceTick at 60 ticks a second with quiet periods skipped (the default), on a wall clock
 * that is counted here, not read — the moment comes within half a minute.
 */
const TICK = 1 / 60
const WATCHABLE_S = 30

/**
 * The record that is each preset's point, by emit event or checker invariant; `naive`: the
 * error has doubled five times each (both clients step by the wrong sign each poll).
 */
const KEY_MOMENT: Record<string, string> = {
  'cristian-lan': 'clockStep',
  'asymmetric-wan': 'clockStep',
  'ntp-lan': 'sync',
  'ntp-falsetickers': 'sync',
  'ntpd-vs-chrony': 'sync',
  'berkeley-outlier': 'berkeleyRound',
  'naive-misconception': 'clockStep×10',
  'sntp-lan': 'clockStep',
  'multi-paxos-5': 'learned',
  'lease-drift-stale-read': 'stale-read',
  'dueling-proposers': 'promised',
  'no-durable-acceptor': 'learned',
  'single-decree': 'learned',
  'txn-skewed-clocks': 'external-consistency',
  'txn-commit-wait': 'txnCommitted',
  'txn-epsilon-too-small': 'external-consistency',
  'txn-hlc-causality': 'external-consistency',
  'txn-2pc-blocks': 'txnAborted',
  'txn-paxos-commit': 'txnCommitted',
}

/** Wall seconds of playback until `key` is recorded (Infinity if not within `limit`). */
function wallSecondsTo(id: string, key: string, limit = 120): number {
  const preset = presets.find((p) => p.id === id)!
  const parsed = parseScenario(structuredClone(preset.scenario))
  if (!parsed.ok) throw new Error(parsed.error)
  const [name, times = '1'] = key.split('×')
  let left = Number(times)
  const sim = createSimulation(parsed.scenario, {
    trace: (r: TraceRecord) => {
      if (
        (r.type === 'emit' && r.event === name) ||
        (r.type === 'violation' && r.invariant === name)
      )
        left--
    },
  })
  sim.runUntil(0)
  const pacer: Pacer = { rate: 0 }
  for (let tick = 0; tick * TICK < limit; tick++) {
    const quiet = sim.messagesInFlight().every((m) => m.from === m.to)
    paceTick(sim, pacer, {
      speed: preset.speed,
      dtWall: TICK,
      skipQuiet: true,
      quiet,
      wallMs: () => 0,
    })
    if (left <= 0) return (tick + 1) * TICK
  }
  return Infinity
}

describe('preset speeds', () => {
  it('name a key moment for every preset that has one', () => {
    const without = presets.filter((p) => !(p.id in KEY_MOMENT)).map((p) => p.id)
    expect(without).toEqual(['free-drift'])
  })

  for (const [id, key] of Object.entries(KEY_MOMENT))
    it(`${id}: ${key} comes within ${WATCHABLE_S} s of playback`, () => {
      expect(wallSecondsTo(id, key)).toBeLessThanOrEqual(WATCHABLE_S)
    })

  it('free-drift (nothing sent, nothing skipped) drifts apart by milliseconds within 10 s', () => {
    const p = presets.find((x) => x.id === 'free-drift')!
    const skews = p.scenario.nodes.map((n) => n.clock?.skewPpm ?? 0)
    const spread = ((Math.max(...skews) - Math.min(...skews)) * 1e-6 * p.speed * 10) / 1
    expect(spread).toBeGreaterThan(0.01)
  })
})
