import { describe, expect, it } from 'vitest'
import { horizonOf, leaseChart } from './leaseRows'
import type { NodeTiming } from './consensusStore'

const timing = (lease: NonNullable<NodeTiming['lease']>): NodeTiming => ({ lease, election: null })
/** a leader's lease to `until` on its clock (`at` in true time), with its own grant to itself */
const leader = (until: number, at: number, own: [number, number] | null) =>
  timing({
    holds: true,
    until,
    untilAt: at,
    grantedTo: own ? 'n1' : null,
    grantUntil: own ? own[0] : null,
    grantUntilAt: own ? own[1] : null,
  })
const grant = (holder: string, until: number, at: number) =>
  timing({
    holds: false,
    until: null,
    untilAt: null,
    grantedTo: holder,
    grantUntil: until,
    grantUntilAt: at,
  })

describe('lease chart', () => {
  it('a leader on a correct clock: local and true lengths agree, the majority backs it', () => {
    const now = 10
    const local = { n1: 10, n2: 10, n3: 10 }
    const chart = leaseChart(
      ['n1', 'n2', 'n3'],
      {
        n1: leader(10.9, 10.9, [11, 11]),
        n2: grant('n1', 10.95, 10.95),
        n3: grant('n1', 10.95, 10.95),
      },
      (id) => local[id as keyof typeof local],
      now,
      2,
    )
    const lease = chart.rows.find((r) => r.kind === 'lease')!
    expect(lease.localLeft).toBeCloseTo(0.9, 12)
    expect(lease.trueLeft).toBeCloseTo(0.9, 12)
    expect(chart.rows.filter((r) => r.kind === 'grant').map((r) => r.node)).toEqual([
      'n1',
      'n2',
      'n3',
    ])
    // the second-longest grant (quorum 2) ends at +0.95 s: after the lease, so it is safe
    expect(chart.safeLeft.n1).toBeCloseTo(0.95, 12)
  })

  it('a leader whose clock runs at half speed: its lease outlives the majority’s promises', () => {
    // n1 believes 0.9 s are left; at half speed that is 1.8 s of true time
    const chart = leaseChart(
      ['n1', 'n2', 'n3'],
      {
        n1: leader(5.9, 11.8, [6, 12]),
        n2: grant('n1', 10.95, 10.95),
        n3: grant('n2', 11.5, 11.5),
      },
      (id) => (id === 'n1' ? 5 : 10),
      10,
      2,
    )
    const lease = chart.rows.find((r) => r.kind === 'lease')!
    expect(lease.localLeft).toBeCloseTo(0.9, 12)
    expect(lease.trueLeft).toBeCloseTo(1.8, 12)
    // n3 now backs n2: n1's majority is itself (2 s) and n2 (0.95 s)
    expect(chart.safeLeft.n1).toBeCloseTo(0.95, 12)
    expect(lease.trueLeft - chart.safeLeft.n1).toBeGreaterThan(0.8)
  })

  it('leaves out leases and grants that ran out by the node’s own clock, and crashed nodes', () => {
    const chart = leaseChart(
      ['n1', 'n2', 'n3'],
      { n2: grant('n1', 9.5, 9.5), n3: { lease: null, election: null } },
      () => 10,
      10,
      2,
    )
    expect(chart.rows).toEqual([])
  })

  it('a leader without a majority of live grants has no safe time at all', () => {
    const chart = leaseChart(
      ['n1', 'n2', 'n3'],
      {
        n1: leader(10.5, 10.5, null),
      },
      () => 10,
      10,
      2,
    )
    expect(chart.safeLeft.n1).toBe(0)
  })

  it('fixes the axis at two and a half follower leases', () => {
    expect(horizonOf(1)).toBe(2.5)
    expect(horizonOf(2)).toBe(5)
  })
})
