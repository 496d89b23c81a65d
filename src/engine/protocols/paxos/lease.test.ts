import { describe, expect, it } from 'vitest'
import { leaderLeaseDuration } from './config'
import { holdsLease, leaseForbids, leaseGuardEnd } from './lease'
import { paxos } from './paxos'
import { fakeNode, type FakeNode } from './testing'

const b = (round: number, node: string) => ({ round, node })
const LEASE = { duration: 2, driftBoundPpm: 500 }

function leader(): FakeNode {
  const n = fakeNode('n1', { algorithm: 'multi-paxos', heartbeatInterval: 0.1, lease: LEASE })
  n.fire('election')
  n.receive('n1', 'promise', { ballot: b(1, 'n1'), votes: [] })
  n.receive('n2', 'promise', { ballot: b(1, 'n1'), votes: [] })
  return n
}

describe('leader leases (algorithms.md §5)', () => {
  it('L_leader = L_f·(1 − ρ)/(1 + ρ)', () => {
    expect(leaderLeaseDuration(2, 500e-6)).toBeCloseTo((2 * 0.9995) / 1.0005, 15)
    expect(leaderLeaseDuration(2, 0)).toBe(2)
  })

  it('a follower grants L_f from its receipt, echoing the leader send time', () => {
    const f = fakeNode('n2', { algorithm: 'multi-paxos', lease: LEASE })
    f.clock.now = 10
    f.receive('n1', 'heartbeat', { ballot: b(1, 'n1'), commit: 0, sentAt: 3.5 })
    expect(f.state.grant).toEqual({ holder: 'n1', until: 12 })
    expect(f.take('heartbeatAck').map((m) => [m.to, m.body])).toEqual([
      ['n1', { ballot: b(1, 'n1'), sentAt: 3.5 }],
    ])
    expect(leaseForbids(f.state, 'n3', 11.9)).toBe(true)
    expect(leaseForbids(f.state, 'n1', 11.9)).toBe(false)
    expect(leaseForbids(f.state, 'n3', 12)).toBe(false)
  })

  it('the leader holds the lease from the latest send time a majority (itself included) acknowledged', () => {
    const n = leader()
    const t0 = n.clock.now
    expect(holdsLease(n.state, t0)).toBe(false) // only its own grant so far
    n.clock.now = t0 + 0.5
    n.receive('n3', 'heartbeatAck', { ballot: b(1, 'n1'), sentAt: t0 })
    const until = t0 + leaderLeaseDuration(2, 500e-6)
    expect(n.state.lease.until).toBeCloseTo(until, 12)
    expect(n.emitted.at(-1)).toEqual({
      event: 'lease',
      data: { holds: true, until: n.state.lease.until, ballot: b(1, 'n1') },
    })
    expect(holdsLease(n.state, until - 1e-9)).toBe(true)
    expect(holdsLease(n.state, until)).toBe(false)
    // an acknowledgement for an older ballot does not count
    n.receive('n2', 'heartbeatAck', { ballot: b(0, 'n1'), sentAt: t0 + 0.4 })
    expect(n.state.lease.until).toBeCloseTo(until, 12)
  })

  it('answers reads from the lease while valid by its own clock, else through the log', () => {
    const n = leader()
    const t0 = n.clock.now
    n.receive('n3', 'heartbeatAck', { ballot: b(1, 'n1'), sentAt: t0 })
    paxos.onClient!(n.ctx, n.state, { op: 'read' }, n.cfg)
    expect(n.emitted.find((e) => e.event === 'read')?.data).toMatchObject({
      applied: 0,
      lease: true,
    })
    expect(n.take('accept')).toEqual([])
    n.clock.now = t0 + 2
    paxos.onClient!(n.ctx, n.state, { op: 'read' }, n.cfg)
    expect(n.take('accept').map((m) => (m.body as { entry: unknown }).entry)).toEqual(
      ['n1', 'n2', 'n3'].map(() => ({ kind: 'read', id: 'n1.r2' })),
    )
  })

  it('a restarted node backs no new leader for a full lease, and says it holds none', () => {
    const f = fakeNode('n2', { algorithm: 'multi-paxos', lease: LEASE })
    f.clock.now = 5
    f.restart()
    expect(leaseGuardEnd(f.state, 'n3', 5)).toBe(7)
    expect(f.emitted).toEqual([
      { event: 'lease', data: { holds: false, until: 5, ballot: b(0, '') } },
    ])
    f.receive('n3', 'prepare', { ballot: b(9, 'n3'), from: 0 })
    expect(f.sent).toEqual([])
  })

  it('a follower that granted the lease defers its own election until the grant ends', () => {
    const f = fakeNode(
      'n2',
      { algorithm: 'multi-paxos', electionTimeout: [0.2, 0.4], lease: LEASE },
      { random: () => 0 },
    )
    f.receive('n1', 'heartbeat', { ballot: b(1, 'n1'), commit: 0, sentAt: 0 })
    f.fire('election') // at 0.2: the grant runs to 2
    expect(f.take('prepare')).toEqual([])
    expect(f.timers.at(-1)).toMatchObject({ key: 'election', at: 2 })
    f.fire('election')
    expect(f.take('prepare')).toHaveLength(3)
  })

  it('stepping down ends the belief', () => {
    const n = leader()
    n.receive('n3', 'heartbeatAck', { ballot: b(1, 'n1'), sentAt: n.clock.now })
    n.receive('n3', 'nack', { ballot: b(1, 'n1'), maxBal: b(2, 'n3') })
    expect(n.emitted.filter((e) => e.event === 'lease').at(-1)?.data).toMatchObject({
      holds: false,
    })
    expect(holdsLease(n.state, n.clock.now)).toBe(false)
  })
})
