import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, runAndSummarize, type ScenarioInput } from '../index'
import { MAX_CLOCK_ERROR_S } from '../scenario/bounds'
import { presets } from '../scenario/presets'
import type { TxnSummary } from '../protocols/store/testing'

/** The transaction presets run to their end make the claim their titles make. */

function summaryOf(id: string, change: (s: ScenarioInput) => void = () => {}): TxnSummary {
  const preset = presets.find((p) => p.id === id)
  if (!preset) throw new Error(`no preset ${id}`)
  const scenario = structuredClone(preset.scenario)
  change(scenario)
  const parsed = parseScenario(scenario)
  if (!parsed.ok) throw new Error(parsed.error)
  const summary = runAndSummarize(createSimulation(parsed.scenario), parsed.scenario.duration)
  return summary.transactions as TxnSummary
}
const invariantsOf = (tx: TxnSummary) => [...new Set(tx.violations.map((v) => v.invariant))]

describe('transaction presets', () => {
  it('skewed clocks reorder transactions: physical timestamps break external consistency', () => {
    const tx = summaryOf('txn-skewed-clocks')
    expect(tx.committed).toBe(16)
    expect(invariantsOf(tx)).toEqual(['external-consistency'])
  })

  it('commit-wait restores real-time order, at a cost of about 2ε per commit', () => {
    const tx = summaryOf('txn-commit-wait')
    expect(tx.committed).toBe(16)
    expect(tx.violations).toEqual([])
    // ε = 60 ms; part of the wait overlaps the prepare round
    expect(tx.commitWait.mean).toBeGreaterThan(1.5 * 0.06)
    expect(tx.commitWait.mean).toBeLessThan(2.5 * 0.06)
  })

  it('commit-wait on clocks reading 5·10⁸ s ends its waits (1 ns was below a reading’s last place)', () => {
    const tx = summaryOf('txn-commit-wait', (s) => {
      for (const n of s.nodes) n.clock = { offset: MAX_CLOCK_ERROR_S / 2 }
    })
    expect(tx.committed).toBe(16)
    expect(tx.commitWait.mean).toBeGreaterThan(1.5 * 0.06)
  })

  it('ε below the real clock error: commit-wait cannot keep TrueTime’s promise', () => {
    expect(invariantsOf(summaryOf('txn-epsilon-too-small'))).toEqual(['external-consistency'])
  })

  it('HLC keeps causality but not real-time order', () => {
    const inv = invariantsOf(summaryOf('txn-hlc-causality'))
    expect(inv).toContain('external-consistency')
    expect(inv).not.toContain('causality')
  })

  it('2PC blocks when its coordinator dies after prepare; later transactions on its keys abort', () => {
    const tx = summaryOf('txn-2pc-blocks')
    expect(tx.blocked).toBe(1)
    const outcome = Object.fromEntries(tx.results.map((r) => [r.id, r.outcome]))
    expect(outcome).toEqual({ t1: 'blocked', t2: 'aborted', t3: 'committed', t4: 'aborted' })
    expect(tx.violations).toEqual([])
  })

  it('Paxos Commit does not block: the same crash, every transaction commits', () => {
    const tx = summaryOf('txn-paxos-commit')
    expect(tx.blocked).toBe(0)
    expect(tx.committed).toBe(4)
    expect(tx.violations).toEqual([])
  })
})
