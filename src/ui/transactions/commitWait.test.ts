import { describe, expect, it } from 'vitest'
import { parseScenario, presets } from '../../engine'
import { commitWaitLoad, DEFAULT_EPSILON, withCommitWait } from './commitWait'

const preset = (id: string) => structuredClone(presets.find((p) => p.id === id)!.scenario)

describe('commit-wait toggle', () => {
  it('turns physical timestamps into TrueTime with commit-wait, and back off keeps TrueTime', () => {
    const on = withCommitWait(preset('txn-skewed-clocks'), true)
    expect(on.transactions).toMatchObject({
      timestamps: 'truetime',
      epsilon: DEFAULT_EPSILON,
      commitWait: true,
    })
    expect(parseScenario(on).ok).toBe(true)
    const off = withCommitWait(on, false)
    expect(off.transactions).toMatchObject({ timestamps: 'truetime', commitWait: false })
    expect(parseScenario(off).ok).toBe(true)
  })

  it('keeps a TrueTime scenario’s own ε, and asks clock sync when there is one', () => {
    expect(withCommitWait(preset('txn-epsilon-too-small'), true).transactions?.epsilon).toBe(0.01)
    const synced = { ...preset('txn-skewed-clocks'), clockSync: { algorithm: 'cristian' as const } }
    expect(withCommitWait(synced, true).transactions?.epsilon).toBe('auto')
  })

  it('restarts with the live inputs made up to now, replayed to now', () => {
    const base = preset('txn-skewed-clocks')
    const input = (at: number) => ({ at, fault: { type: 'crash' as const, node: 'c1' } })
    const load = commitWaitLoad(
      { base, inputs: [input(1), input(3)], now: 2, source: { kind: 'preset', id: 'x' } },
      true,
    )
    expect(load.replay).toEqual({ inputs: [input(1)], until: 2 })
    expect(load.source).toEqual({ kind: 'preset', id: 'x' })
  })
})
