import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createSimulation, parseScenario } from '../index'

/** Whole simulated runs: pure computation, so a busy shared machine must not time them out. */
const SLOW = { timeout: 120_000 }

const ids = ['s1', 's2', 'c1', 'c2']

/** Any intervention of docs/scenario-format.md on these four nodes, at a random time. */
const fault = fc.oneof(
  fc.record({
    at: fc.integer({ min: 0, max: 1500 }),
    type: fc.constant('clockStep'),
    node: fc.constantFrom(...ids),
    by: fc.double({ min: -5, max: 5, noNaN: true }),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: 1500 }),
    type: fc.constant('setSkew'),
    node: fc.constantFrom(...ids),
    ppm: fc.double({ min: -800, max: 800, noNaN: true }),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: 1500 }),
    type: fc.constant('falseticker'),
    node: fc.constantFrom(...ids),
    lie: fc.double({ min: -2, max: 2, noNaN: true }),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: 1500 }),
    type: fc.constantFrom('crash', 'restart', 'pause', 'resume'),
    node: fc.constantFrom(...ids),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: 1500 }),
    type: fc.constant('setLoss'),
    p: fc.double({ min: 0, max: 0.6, noNaN: true }),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: 1500 }),
    type: fc.constant('setDuplicate'),
    p: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: 1500 }),
    type: fc.constant('partition'),
    groups: fc.constant([
      ['s1', 'c1'],
      ['s2', 'c2'],
    ]),
  }),
  fc.record({ at: fc.integer({ min: 0, max: 1500 }), type: fc.constant('heal') }),
)

describe('clock sync under random interventions', SLOW, () => {
  it('never throws, keeps every clock finite, and replays to the same trace hash', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ntp', 'sntp', 'berkeley', 'naive'),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fault, { maxLength: 8 }),
        (algorithm, seed, faults) => {
          const parsed = parseScenario({
            version: 1,
            seed,
            duration: 2000,
            nodes: [
              { id: 's1', reference: true },
              { id: 's2', reference: true },
              { id: 'c1', clock: { offset: 0.3, skewPpm: 120, wanderPpm: 0.01 } },
              { id: 'c2', clock: { offset: -0.05, skewPpm: -40 } },
            ],
            clockSync: { algorithm, master: 'c1' },
            faults: [...faults].sort((a, b) => a.at - b.at),
          })
          if (!parsed.ok) throw new Error(parsed.error)
          const a = createSimulation(parsed.scenario)
          a.runUntil(2000)
          a.nodeIds.forEach((_, i) => expect(Number.isFinite(a.offsetOf(i))).toBe(true))
          const b = createSimulation(parsed.scenario)
          b.runUntil(2000)
          expect(b.traceHash).toBe(a.traceHash)
        },
      ),
      { numRuns: 24 },
    )
  })
})
