import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, runAndSummarize, type ScenarioInput } from '../../engine'
import { presets } from '../../engine/scenario/presets'

/**
 * The consensus presets do what their catalogue blurbs promise (en.ts / zh.ts), headless: the
 * e2e tests then only have to show it through the UI.
 */
const preset = (id: string) => structuredClone(presets.find((p) => p.id === id)!.scenario)

function run(input: ScenarioInput, duration = input.duration) {
  const parsed = parseScenario(input)
  if (!parsed.ok) throw new Error(parsed.error)
  const sim = createSimulation(parsed.scenario)
  const summary = runAndSummarize(sim, duration)
  const c = summary.consensus as {
    chosen: { slot: number; value: string | null }[]
    leaderChanges: number
    staleReads: number
    ballots: number
    violations: { invariant: string }[]
  }
  return { sim, c, invariants: [...new Set(c.violations.map((v) => v.invariant))] }
}

describe('consensus presets', () => {
  it('Multi-Paxos, 5 nodes: one election, both proposals chosen in order, nothing violated', () => {
    const { c } = run(preset('multi-paxos-5'), 10)
    expect(c.chosen.map((x) => x.value)).toEqual(['apple', 'banana'])
    expect(c.leaderChanges).toBe(1)
    expect(c.violations).toEqual([])
  })

  it('lease with a drifting clock: overlapping leases and exactly one stale read', () => {
    const { c, invariants } = run(preset('lease-drift-stale-read'))
    expect(invariants).toEqual(['lease-exclusivity', 'stale-read'])
    expect(c.staleReads).toBe(1)
    expect(c.chosen.map((x) => x.value)).toEqual(['a', 'b'])
  })

  it('dueling proposers: ballots climb for ever and nothing is chosen, yet nothing unsafe', () => {
    const { c } = run(preset('dueling-proposers'))
    expect(c.chosen).toEqual([])
    expect(c.ballots).toBeGreaterThan(100)
    expect(c.violations).toEqual([])
  })

  describe('acceptor without durable storage: the lesson’s clicks break agreement', () => {
    // what the e2e test clicks, at times a student might: crash n1 and n2, restart them, propose
    const clicks = (input: ScenarioInput): ScenarioInput => ({
      ...input,
      faults: [
        ...(input.faults ?? []),
        { at: 2, type: 'crash', node: 'n1' },
        { at: 2.5, type: 'crash', node: 'n2' },
        { at: 3, type: 'restart', node: 'n1' },
        { at: 3.4, type: 'restart', node: 'n2' },
      ],
      workload: [...(input.workload ?? []), { at: 5, node: 'n2', op: 'propose', value: 'y' }],
    })

    it('as set up, "x" is chosen by n1 and n2 and all is well', () => {
      const { c } = run(preset('no-durable-acceptor'), 2)
      expect(c.chosen).toEqual([expect.objectContaining({ slot: 0, value: 'x' })])
      expect(c.violations).toEqual([])
    })

    it('forgetful acceptors choose "y" in slot 0 as well', () => {
      const { invariants, sim } = run(clicks(preset('no-durable-acceptor')), 8)
      expect(invariants).toContain('agreement')
      expect(sim.world.violations.find((v) => v.invariant === 'agreement')!.detail).toMatch(
        /^slot 0: "x" .* vs "y"/,
      )
    })

    it('durable acceptors, same clicks: "y" goes to slot 1', () => {
      const correct = clicks(preset('no-durable-acceptor'))
      delete (correct.consensus as { variant?: string }).variant
      const { c } = run(correct, 8)
      expect(c.violations).toEqual([])
      expect(c.chosen.map((x) => [x.slot, x.value])).toEqual([
        [0, 'x'],
        [1, 'y'],
      ])
    })
  })

  it('single decree: of two near-simultaneous proposals exactly one is chosen', () => {
    const { c } = run(preset('single-decree'))
    expect(c.chosen).toHaveLength(1)
    expect(['x', 'y']).toContain(c.chosen[0].value)
    expect(c.violations).toEqual([])
  })
})
