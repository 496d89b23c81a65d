import { describe, expect, it } from 'vitest'
import type { ScenarioInput } from '../engine'
import { scenarioWithInputs } from './inputLog'

const base: ScenarioInput = {
  version: 1,
  seed: 1,
  duration: 10,
  nodes: [{ id: 'a' }, { id: 'b' }],
  faults: [{ at: 1, type: 'crash', node: 'a' }],
  workload: [{ at: 2, node: 'b', op: 'read' }],
}

describe('scenarioWithInputs', () => {
  it('appends live faults and client operations after the scheduled ones', () => {
    const { scenario, exact } = scenarioWithInputs(base, [
      { at: 1, fault: { type: 'restart', node: 'a' } },
      { at: 3, client: { node: 'a', op: { op: 'propose', value: 'x' } } },
    ])
    expect(exact).toBe(true)
    expect(scenario.faults).toEqual([
      { at: 1, type: 'crash', node: 'a' },
      { at: 1, type: 'restart', node: 'a' },
    ])
    expect(scenario.workload).toEqual([
      { at: 2, node: 'b', op: 'read' },
      { at: 3, node: 'a', op: 'propose', value: 'x' },
    ])
    expect(base.faults).toHaveLength(1) // input untouched
  })

  it('flags a fault that followed a client operation at the same instant (not expressible)', () => {
    expect(scenarioWithInputs(base, [{ at: 2, fault: { type: 'crash', node: 'b' } }]).exact).toBe(
      false,
    )
    const live = scenarioWithInputs({ ...base, workload: undefined }, [
      { at: 5, client: { node: 'a', op: { op: 'read' } } },
      { at: 5, fault: { type: 'crash', node: 'a' } },
    ])
    expect(live.exact).toBe(false)
    // the other way round is what the engine does anyway
    const ok = scenarioWithInputs({ ...base, workload: undefined }, [
      { at: 5, fault: { type: 'crash', node: 'a' } },
      { at: 5, client: { node: 'a', op: { op: 'read' } } },
    ])
    expect(ok.exact).toBe(true)
  })
})
