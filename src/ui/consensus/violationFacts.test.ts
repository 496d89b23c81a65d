import { describe, expect, it } from 'vitest'
import { violationFacts } from './violationFacts'

describe('violation facts', () => {
  it('picks slot, values and nodes out of the checker’s agreement report', () => {
    const f = violationFacts({
      invariant: 'agreement',
      at: 4.02,
      // the pinned no-durable-acceptor report (engine integration/consensus.scenarios.test.ts)
      detail: 'slot 0: "x" (ballot 1.n1, by n1, n2) vs "y" (ballot 1.n3, by n3, n2)',
      nodes: ['n1', 'n2', 'n3'],
    })
    expect(f).toEqual({
      invariant: 'agreement',
      slot: 0,
      values: ['x', 'y'],
      nodes: ['n1', 'n2', 'n3'],
      at: 4.02,
    })
  })

  it('parses JSON-quoted values exactly, quotes and all, without repeats', () => {
    const f = violationFacts({
      invariant: 'integrity',
      at: 1,
      detail: 'n2 learned slot 12 = "say \\"hi\\"", but "say \\"hi\\"" was chosen',
      nodes: ['n2'],
    })
    expect(f.slot).toBe(12)
    expect(f.values).toEqual(['say "hi"'])
  })

  it('yields fewer facts for reports without a slot or values, and unknown invariants', () => {
    const f = violationFacts({
      invariant: 'clock-accuracy',
      at: 3,
      detail: 'n2: maxBal went from 5.n1 down to 2.n3',
      nodes: [],
    })
    expect(f).toEqual({ invariant: null, slot: null, values: [], nodes: [], at: 3 })
  })
})
