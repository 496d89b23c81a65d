import { describe, expect, it } from 'vitest'
import { paxos } from '../paxos'
import { fakeNode, type FakeNode } from '../testing'

const b = (round: number, node: string) => ({ round, node })

function leader(): FakeNode {
  const n = fakeNode('n1', { algorithm: 'multi-paxos' })
  n.fire('election')
  n.receive('n1', 'promise', { ballot: b(1, 'n1'), votes: [] })
  n.receive('n2', 'promise', { ballot: b(1, 'n1'), votes: [] })
  n.sent = []
  return n
}

const entriesSent = (n: FakeNode) =>
  n
    .take('accept')
    .filter((m) => m.to === 'n2')
    .map((m) => m.body as { slot: number; entry: unknown })

describe('leader command path', () => {
  it('a forwarded value takes the next slot; a follower drops forwards (the asker retries)', () => {
    const n = leader()
    n.receive('n3', 'forward', { id: 'n3.p1', value: 'x' })
    n.receive('n2', 'forward', { id: 'n2.p1', value: 'y' })
    expect(entriesSent(n).map((a) => [a.slot, a.entry])).toEqual([
      [0, { kind: 'value', id: 'n3.p1', value: 'x' }],
      [1, { kind: 'value', id: 'n2.p1', value: 'y' }],
    ])
    const f = fakeNode('n2', { algorithm: 'multi-paxos' })
    f.receive('n3', 'forward', { id: 'n3.p1', value: 'x' })
    expect(f.sent).toEqual([])
  })

  it('without a lease a read goes through the log and is answered, to the node asked, once applied', () => {
    const n = leader()
    n.receive('n3', 'forwardRead', { id: 'n3.r1', origin: 'n3' })
    const [barrier] = entriesSent(n)
    expect(barrier).toMatchObject({ slot: 0, entry: { kind: 'read', id: 'n3.r1' } })
    expect(n.emitted.some((e) => e.event === 'read')).toBe(false)
    n.receive('n1', 'accepted', { ballot: b(1, 'n1'), slot: 0, entry: barrier.entry as never })
    n.receive('n2', 'accepted', { ballot: b(1, 'n1'), slot: 0, entry: barrier.entry as never })
    expect(n.emitted.at(-1)).toEqual({
      event: 'read',
      data: { id: 'n3.r1', applied: 1, value: null, lease: false },
    })
    expect(n.take('readReply').map((m) => [m.to, m.body])).toEqual([
      ['n3', { id: 'n3.r1', value: null, applied: 1 }],
    ])
  })

  it('a follower forwards reads to the leader it knows, queues them otherwise, and reports replies', () => {
    const f = fakeNode('n2', { algorithm: 'multi-paxos' })
    paxos.onClient!(f.ctx, f.state, { op: 'read' }, f.cfg)
    expect(f.emitted.map((e) => e.event)).toEqual(['readStart'])
    expect(f.take('forwardRead')).toEqual([])
    f.receive('n1', 'heartbeat', { ballot: b(1, 'n1'), commit: 0, sentAt: 0 })
    expect(f.take('forwardRead').map((m) => [m.to, m.body])).toEqual([
      ['n1', { id: 'n2.r1', origin: 'n2' }],
    ])
    f.receive('n1', 'readReply', { id: 'n2.r1', value: 'x', applied: 3 })
    expect(f.emitted.at(-1)).toEqual({
      event: 'readResult',
      data: { id: 'n2.r1', value: 'x', local: false },
    })
  })

  it('unanswered 2a messages are resent with the heartbeat', () => {
    const n = leader()
    n.receive('n3', 'forward', { id: 'n3.p1', value: 'x' })
    n.take('accept')
    n.clock.now += 0.1
    n.fire('heartbeat')
    expect(n.take('accept')).toEqual([]) // not yet electionTimeout[0] = 0.15 s old
    n.clock.now += 0.1
    n.fire('heartbeat')
    expect(n.take('accept').map((m) => m.to)).toEqual(['n1', 'n2', 'n3'])
  })
})
