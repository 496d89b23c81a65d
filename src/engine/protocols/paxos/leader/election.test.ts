import { describe, expect, it } from 'vitest'
import type { LogEntry } from '../entry'
import { paxos } from '../paxos'
import { fakeNode, type FakeNode } from '../testing'

const b = (round: number, node: string) => ({ round, node })
const v = (id: string, value: string): LogEntry => ({ kind: 'value', id, value })

function follower(random = () => 0.5, extra: Record<string, unknown> = {}) {
  return fakeNode(
    'n1',
    { algorithm: 'multi-paxos', heartbeatInterval: 0.05, electionTimeout: [0.2, 0.4], ...extra },
    { random },
  )
}

/** Drive n1 through phase 1 with promises from n1 and n2 (and whatever votes they carry). */
function elect(
  n: FakeNode,
  votes: { slot: number; ballot: { round: number; node: string }; entry: LogEntry }[] = [],
) {
  n.fire('election')
  const [prepare] = n.take('prepare')
  const ballot = (prepare.body as { ballot: { round: number; node: string } }).ballot
  n.receive('n1', 'promise', { ballot, votes: [] })
  n.receive('n2', 'promise', { ballot, votes })
  return ballot
}

describe('Multi-Paxos election', () => {
  it('a follower arms its election timeout with a fresh uniform draw on its local clock', () => {
    const draws = [0.25, 0.75]
    const n = follower(() => draws.shift() ?? 0)
    expect(n.timers).toEqual([{ id: 1, delay: 0.25, key: 'election', at: 0.25 }])
    n.clock.now = 0.1
    n.receive('n2', 'heartbeat', { ballot: b(1, 'n2'), commit: 0, sentAt: 0.1 })
    // the deadline moved later (0.1 + 0.35): the pending timer is left to chase it
    expect(n.state.electionDeadline).toBeCloseTo(0.45, 12)
    n.fire('election') // at 0.25, before the deadline
    expect(n.take('prepare')).toEqual([])
    expect(n.timers.at(-1)).toMatchObject({ key: 'election', delay: expect.closeTo(0.2, 12) })
  })

  it('hearing nothing, it runs phase 1 once for every slot it has not learned', () => {
    const n = follower()
    n.receive('n2', 'decide', { entries: [{ slot: 0, entry: v('a', 'x') }] })
    n.fire('election')
    const prepares = n.take('prepare')
    expect(prepares.map((m) => m.to)).toEqual(['n1', 'n2', 'n3'])
    expect(prepares[0].body).toEqual({ ballot: b(1, 'n1'), from: 1 })
    expect(n.state.role).toBe('candidate')
  })

  it('elected, it re-proposes recovered votes, fills gaps with no-ops, then queued commands', () => {
    const n = follower()
    paxos.onClient!(n.ctx, n.state, { op: 'propose', value: 'mine' }, n.cfg)
    const ballot = elect(n, [{ slot: 2, ballot: b(1, 'n3'), entry: v('n3.p1', 'old') }])
    expect(n.state.role).toBe('leader')
    expect(n.emitted.some((e) => e.event === 'elected')).toBe(true)
    const accepts = n
      .take('accept')
      .filter((m) => m.to === 'n2')
      .map((m) => m.body)
    expect(accepts).toEqual([
      { ballot, slot: 0, entry: { kind: 'noop' }, commit: 0 },
      { ballot, slot: 1, entry: { kind: 'noop' }, commit: 0 },
      { ballot, slot: 2, entry: v('n3.p1', 'old'), commit: 0 },
      { ballot, slot: 3, entry: v('n1.p1', 'mine'), commit: 0 },
    ])
    expect(n.take('heartbeat').map((m) => m.to)).toEqual(['n2', 'n3'])
  })

  it('each new command then costs one phase 2 only, in the next slot', () => {
    const n = follower()
    const ballot = elect(n)
    n.take('accept')
    n.receive('n3', 'forward', { id: 'n3.p1', value: 'y' })
    n.receive('n3', 'forward', { id: 'n3.p1', value: 'y' }) // a retry: placed once
    expect(n.take('prepare')).toEqual([])
    expect(n.take('accept').map((m) => m.body)).toEqual(
      ['n1', 'n2', 'n3'].map(() => ({ ballot, slot: 0, entry: v('n3.p1', 'y'), commit: 0 })),
    )
  })

  it('a nack with a higher ballot makes the leader step down and back off', () => {
    const n = follower()
    const ballot = elect(n)
    n.receive('n3', 'nack', { ballot, maxBal: b(7, 'n3') })
    expect(n.state.role).toBe('follower')
    expect(n.emitted.at(-1)?.event).toBe('stepDown')
    n.fire('election')
    expect(n.take('prepare')[0].body).toMatchObject({ ballot: b(8, 'n1') })
  })

  it('a heartbeat below the promise is refused; one at or above it makes a leader known', () => {
    const n = follower()
    n.receive('n3', 'prepare', { ballot: b(5, 'n3'), from: 0 })
    n.receive('n2', 'heartbeat', { ballot: b(4, 'n2'), commit: 0, sentAt: 0 })
    expect(n.take('nack').map((m) => m.body)).toEqual([{ ballot: b(4, 'n2'), maxBal: b(5, 'n3') }])
    expect(n.state.leader).toBeNull()
    n.receive('n3', 'heartbeat', { ballot: b(5, 'n3'), commit: 0, sentAt: 0 })
    expect(n.state.leader).toBe('n3')
  })

  it('a follower learns below the commit index from its own votes at the leader ballot, and asks for the rest', () => {
    const n = follower()
    n.receive('n2', 'accept', { ballot: b(1, 'n3'), slot: 0, entry: v('old', 'stale'), commit: 0 })
    n.receive('n2', 'accept', { ballot: b(2, 'n2'), slot: 1, entry: v('b', 'y'), commit: 0 })
    n.receive('n2', 'heartbeat', { ballot: b(2, 'n2'), commit: 2, sentAt: 0 })
    // slot 0's vote is from another ballot: not necessarily what was chosen
    expect(n.state.learner.log).toEqual({})
    expect(n.take('catchup').map((m) => [m.to, m.body])).toEqual([['n2', { from: 0 }]])
    n.receive('n2', 'decide', { entries: [{ slot: 0, entry: v('a', 'x') }] })
    n.clock.now = 0.1
    n.receive('n2', 'heartbeat', { ballot: b(2, 'n2'), commit: 2, sentAt: 0.1 })
    expect(n.state.learner.log).toEqual({ 0: v('a', 'x'), 1: v('b', 'y') })
  })

  it('client values reach the leader; with none known they wait and are retried', () => {
    const n = follower()
    paxos.onClient!(n.ctx, n.state, { op: 'propose', value: 'x' }, n.cfg)
    expect(n.take('forward')).toEqual([])
    n.receive('n2', 'heartbeat', { ballot: b(1, 'n2'), commit: 0, sentAt: 0 })
    expect(n.take('forward').map((m) => [m.to, m.body])).toEqual([
      ['n2', { id: 'n1.p1', value: 'x' }],
    ])
    n.fire('forward')
    expect(n.take('forward')).toHaveLength(1)
    n.receive('n2', 'decide', { entries: [{ slot: 0, entry: v('n1.p1', 'x') }] })
    n.fire('forward')
    expect(n.take('forward')).toEqual([])
  })

  it('dueling-proposers (broken): no timers, a client value makes a node campaign at once', () => {
    const n = follower(() => 0.5, { variant: 'dueling-proposers' })
    expect(n.timers).toEqual([])
    paxos.onClient!(n.ctx, n.state, { op: 'propose', value: 'x' }, n.cfg)
    expect(n.take('prepare')).toHaveLength(3)
    n.receive('n3', 'prepare', { ballot: b(2, 'n3'), from: 0 })
    expect(n.take('prepare')[0].body).toMatchObject({ ballot: b(3, 'n1') })
  })
})
