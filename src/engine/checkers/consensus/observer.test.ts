import { describe, expect, it } from 'vitest'
import type { Ballot } from '../../protocols/paxos/ballot'
import type { LogEntry } from '../../protocols/paxos/entry'
import type { PaxosEvents } from '../../protocols/paxos/events'
import type { ObserverApi } from '../../sim/observer'
import { consensusChecker } from './observer'
import { createCheckState } from './state'

const b = (round: number, node: string): Ballot => ({ round, node })
const v = (id: string, value: string): LogEntry => ({ kind: 'value', id, value })

/** The checker alone, fed events by hand, with a settable true time and clock offsets. */
function checker() {
  const st = createCheckState(['n1', 'n2', 'n3'])
  const world = {
    t: 0,
    offsets: {} as Record<string, number>,
    status: {} as Record<string, 'up' | 'crashed'>,
  }
  const raised: { invariant: string; detail: string; nodes?: string[] }[] = []
  const api = (): ObserverApi => ({
    t: world.t,
    violation: (invariant, detail, nodes) => raised.push({ invariant, detail, nodes }),
    offsetOf: (n) => world.offsets[n] ?? 0,
    statusOf: (n) => world.status[n] ?? 'up',
  })
  const emit = <K extends keyof PaxosEvents>(node: string, event: K, data: PaxosEvents[K]) =>
    consensusChecker.onEmit!(api(), st, node, event, data as unknown as Record<string, unknown>)
  const accepted = (node: string, slot: number, ballot: Ballot, entry: LogEntry) =>
    emit(node, 'accepted', { slot, ballot, entry, maxBal: ballot, maxVBal: ballot })
  return {
    st,
    world,
    raised,
    emit,
    accepted,
    summary: () => consensusChecker.summarize!(st, api()),
  }
}

describe('consensus checker', () => {
  it('knows a slot chosen the moment a majority voted for one entry at one ballot', () => {
    const c = checker()
    c.emit('n1', 'proposed', { id: 'a', value: 'x' })
    c.world.t = 1
    c.accepted('n1', 0, b(1, 'n1'), v('a', 'x'))
    c.accepted('n1', 0, b(1, 'n1'), v('a', 'x')) // a duplicate counts once
    c.world.t = 2
    c.accepted('n2', 0, b(1, 'n1'), v('a', 'x'))
    expect(c.summary()).toEqual({
      consensus: {
        chosen: [{ slot: 0, value: 'x', at: 2 }],
        leaderChanges: 0,
        staleReads: 0,
        violations: [],
        ballots: 0,
      },
    })
    expect(c.raised).toEqual([])
  })

  it('agreement: a second entry chosen in the same slot', () => {
    const c = checker()
    c.emit('n1', 'proposed', { id: 'a', value: 'x' })
    c.emit('n3', 'proposed', { id: 'b', value: 'y' })
    c.accepted('n1', 4, b(1, 'n1'), v('a', 'x'))
    c.accepted('n2', 4, b(1, 'n1'), v('a', 'x'))
    c.accepted('n2', 4, b(2, 'n3'), v('b', 'y'))
    c.accepted('n3', 4, b(2, 'n3'), v('b', 'y'))
    expect(c.raised.map((r) => r.invariant)).toEqual(['agreement'])
    expect(c.raised[0].detail).toMatch(/^slot 4: "x" .* vs "y"/)
    expect(c.raised[0].nodes).toEqual(['n1', 'n2', 'n3'])
    expect(c.summary().consensus).toMatchObject({ violations: [{ invariant: 'agreement', at: 0 }] })
  })

  it('a no-op chosen twice in a slot is agreement, not a violation', () => {
    const c = checker()
    for (const [n, bal] of [
      ['n1', b(1, 'n1')],
      ['n2', b(1, 'n1')],
      ['n2', b(2, 'n2')],
      ['n3', b(2, 'n2')],
    ] as const)
      c.accepted(n, 0, bal, { kind: 'noop' })
    expect(c.raised).toEqual([])
  })

  it('validity: only proposed values may be chosen', () => {
    const c = checker()
    c.emit('n1', 'proposed', { id: 'a', value: 'x' })
    c.accepted('n1', 0, b(1, 'n1'), v('a', 'forged'))
    c.accepted('n2', 0, b(1, 'n1'), v('a', 'forged'))
    expect(c.raised.map((r) => [r.invariant, r.detail])).toEqual([
      ['validity', 'slot 0: "forged" was never proposed'],
    ])
  })

  it('integrity: a node may learn only what was chosen', () => {
    const c = checker()
    c.emit('n1', 'proposed', { id: 'a', value: 'x' })
    c.emit('n3', 'learned', { slot: 0, entry: v('a', 'x') })
    c.accepted('n1', 0, b(1, 'n1'), v('a', 'x'))
    c.accepted('n2', 0, b(1, 'n1'), v('a', 'x'))
    c.emit('n1', 'learned', { slot: 0, entry: v('a', 'x') })
    c.emit('n2', 'learned', { slot: 0, entry: { kind: 'noop' } })
    expect(c.raised.map((r) => r.detail)).toEqual([
      'n3 learned slot 0 = "x", but nothing was chosen there',
      'n2 learned slot 0 = no-op, but "x" was chosen',
    ])
  })

  it('one value per ballot', () => {
    const c = checker()
    c.accepted('n1', 1, b(3, 'n1'), v('a', 'x'))
    c.accepted('n2', 1, b(3, 'n1'), v('b', 'y'))
    expect(c.raised.map((r) => [r.invariant, r.detail])).toEqual([
      ['one-value-per-ballot', 'slot 1, ballot 3.n1: "x" vs "y"'],
    ])
  })

  it('maxBal never decreases at an acceptor, across crashes too; maxVBal ≤ maxBal', () => {
    const c = checker()
    c.emit('n2', 'promised', { ballot: b(5, 'n1'), maxBal: b(5, 'n1'), maxVBal: b(0, '') })
    c.emit('n2', 'promised', { ballot: b(2, 'n3'), maxBal: b(2, 'n3'), maxVBal: b(0, '') }) // after forgetting
    c.emit('n3', 'accepted', {
      slot: 0,
      ballot: b(4, 'n1'),
      entry: v('a', 'x'),
      maxBal: b(3, 'n1'),
      maxVBal: b(4, 'n1'),
    })
    expect(c.raised.map((r) => [r.invariant, r.detail])).toEqual([
      ['maxbal-monotonic', 'n2: maxBal went from 5.n1 down to 2.n3'],
      ['maxvbal-le-maxbal', 'n3: maxVBal 4.n1 > maxBal 3.n1'],
    ])
  })

  it('lease exclusivity: two nodes believing in a lease at the same true time, by their own clocks', () => {
    const c = checker()
    c.world.offsets = { n1: -1, n2: 0 } // n1's clock reads 1 s behind true time
    c.emit('n1', 'lease', { holds: true, until: 9.5, ballot: b(1, 'n1') })
    c.world.t = 10 // n1 reads 9: still believes
    c.emit('n2', 'lease', { holds: true, until: 12, ballot: b(2, 'n2') })
    expect(c.raised.map((r) => [r.invariant, r.nodes])).toEqual([
      ['lease-exclusivity', ['n2', 'n1']],
    ])
    c.world.t = 11 // n1 reads 10: its lease is over
    c.emit('n2', 'lease', { holds: true, until: 13, ballot: b(3, 'n2') })
    c.emit('n1', 'lease', { holds: false, until: 9.5, ballot: b(1, 'n1') })
    c.world.status = { n2: 'crashed' }
    c.emit('n3', 'lease', { holds: true, until: 20, ballot: b(4, 'n3') })
    expect(c.raised).toHaveLength(1)
  })

  it('stale read: a read reflecting less than some node had applied when it began', () => {
    const c = checker()
    c.emit('n1', 'proposed', { id: 'a', value: 'x' })
    c.accepted('n1', 0, b(1, 'n1'), v('a', 'x'))
    c.accepted('n2', 0, b(1, 'n1'), v('a', 'x'))
    c.emit('n2', 'readStart', { id: 'r0' }) // before anyone applied slot 0
    c.world.t = 1
    c.emit('n2', 'learned', { slot: 0, entry: v('a', 'x') })
    c.world.t = 2
    c.emit('n3', 'readStart', { id: 'r1' })
    c.emit('n1', 'read', { id: 'r0', applied: 0, value: null, lease: true })
    c.emit('n1', 'read', { id: 'r1', applied: 0, value: null, lease: true })
    expect(c.raised.map((r) => [r.invariant, r.nodes])).toEqual([['stale-read', ['n1', 'n2']]])
    expect(c.raised[0].detail).toContain('slot 0 ("x") was applied at n2 by t = 1.000000 s')
    expect(c.summary().consensus).toMatchObject({ staleReads: 1 })
  })

  it('counts elections and ballots', () => {
    const c = checker()
    c.emit('n1', 'preparing', { ballot: b(1, 'n1'), from: 0 })
    c.emit('n1', 'elected', { ballot: b(1, 'n1') })
    c.emit('n2', 'preparing', { ballot: b(2, 'n2'), from: 0 })
    expect(c.summary().consensus).toMatchObject({ leaderChanges: 1, ballots: 2 })
  })
})
