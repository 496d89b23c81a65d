import { describe, expect, it } from 'vitest'
import type { LogEntry } from './entry'
import { paxos } from './paxos'
import { fakeNode } from './testing'

const b = (round: number, node: string) => ({ round, node })
const x = (id: string, value: string): LogEntry => ({ kind: 'value', id, value })

function proposer(variant?: string, random = () => 0.5) {
  const n = fakeNode('n1', { algorithm: 'paxos', electionTimeout: [0.2, 0.4], variant }, { random })
  n.ctx.durable.set('lastRound', 0)
  return n
}

describe('single-decree proposer', () => {
  it('a client value starts phase 1 at every acceptor with a ballot above any seen, saved first', () => {
    const n = proposer()
    n.receive('n3', 'nack', { ballot: b(6, 'n3'), maxBal: b(7, 'n2') }) // round 7 seen on the wire
    n.ctx.durable.set('lastRound', 3)
    paxosClient(n, 'x')
    const prepares = n.take('prepare')
    expect(prepares.map((m) => m.to)).toEqual(['n1', 'n2', 'n3'])
    expect(prepares[0].body).toEqual({ ballot: b(8, 'n1'), from: 0 })
    expect(prepares[0].durable).toContain('"lastRound":8')
    expect(n.emitted.map((e) => e.event)).toEqual(['proposed', 'preparing'])
  })

  it('with a majority of promises proposes the highest-ballot vote reported, else its own value', () => {
    const own = proposer()
    paxosClient(own, 'x')
    own.receive('n1', 'promise', { ballot: b(1, 'n1'), votes: [] })
    expect(own.take('accept')).toEqual([])
    own.receive('n2', 'promise', { ballot: b(1, 'n1'), votes: [] })
    expect(own.take('accept').map((m) => (m.body as { entry: LogEntry }).entry)).toEqual([
      x('n1.p1', 'x'),
      x('n1.p1', 'x'),
      x('n1.p1', 'x'),
    ])

    const other = proposer()
    paxosClient(other, 'x')
    other.receive('n2', 'promise', {
      ballot: b(1, 'n1'),
      votes: [{ slot: 0, ballot: b(1, 'n0'), entry: x('z.p1', 'old') }],
    })
    other.receive('n3', 'promise', {
      ballot: b(1, 'n1'),
      votes: [{ slot: 0, ballot: b(1, 'n00'), entry: x('q.p1', 'newer') }],
    })
    expect(other.take('accept')[0].body).toMatchObject({
      ballot: b(1, 'n1'),
      slot: 0,
      entry: x('q.p1', 'newer'),
    })
  })

  it('ignores promises for another ballot and duplicates from the same acceptor', () => {
    const n = proposer()
    paxosClient(n, 'x')
    n.receive('n2', 'promise', { ballot: b(1, 'n2'), votes: [] })
    n.receive('n3', 'promise', { ballot: b(1, 'n1'), votes: [] })
    n.receive('n3', 'promise', { ballot: b(1, 'n1'), votes: [] })
    expect(n.take('accept')).toEqual([])
  })

  it('a nack makes it back off for a random, growing time, then try a higher ballot', () => {
    const draws = [0, 1]
    const n = proposer(undefined, () => draws.shift() ?? 0.5)
    paxosClient(n, 'x')
    expect(n.timers.at(-1)).toMatchObject({ key: 'retry', delay: 0.2 }) // uniform draw 0 in [0.2, 0.4]
    n.take('prepare')
    n.receive('n2', 'nack', { ballot: b(1, 'n1'), maxBal: b(4, 'n2') })
    expect(n.take('prepare')).toEqual([])
    expect(n.timers.at(-1)).toMatchObject({ key: 'retry', delay: 0.4 * 2 }) // draw 1, one failure
    n.fire('retry')
    expect(n.take('prepare')[0].body).toEqual({ ballot: b(5, 'n1'), from: 0 })
  })

  it('dueling-proposers (broken): a nack or a rival prepare means an immediate higher ballot', () => {
    const n = proposer('dueling-proposers')
    paxosClient(n, 'x')
    n.take('prepare')
    n.receive('n2', 'nack', { ballot: b(1, 'n1'), maxBal: b(2, 'n2') })
    expect(n.take('prepare')[0].body).toEqual({ ballot: b(3, 'n1'), from: 0 })
    n.receive('n3', 'prepare', { ballot: b(4, 'n3'), from: 0 })
    expect(n.take('prepare')[0].body).toEqual({ ballot: b(5, 'n1'), from: 0 })
  })

  it('learns from a majority of 2b, stops proposing, and forgets the client value', () => {
    const n = proposer()
    paxosClient(n, 'x')
    n.receive('n2', 'accepted', { ballot: b(1, 'n1'), slot: 0, entry: x('n1.p1', 'x') })
    n.receive('n3', 'accepted', { ballot: b(1, 'n1'), slot: 0, entry: x('n1.p1', 'x') })
    expect(n.emitted.at(-1)).toEqual({
      event: 'learned',
      data: { slot: 0, entry: x('n1.p1', 'x') },
    })
    expect(n.durable.outbox).toEqual({})
    expect(() => n.fire('retry')).toThrow(/no pending timer/)
  })

  it('a learner that missed the decision asks around and learns from a decide', () => {
    const n = proposer()
    n.receive('n2', 'accepted', { ballot: b(1, 'n2'), slot: 0, entry: x('n2.p1', 'y') })
    n.fire('catchup')
    expect(n.take('catchup').map((m) => m.to)).toEqual(['n2', 'n3'])
    n.receive('n3', 'decide', { entries: [{ slot: 0, entry: x('n2.p1', 'y') }] })
    expect(n.state.learner.log[0]).toEqual(x('n2.p1', 'y'))
  })

  it('after a restart it resumes proposing the value its client handed it', () => {
    const n = proposer()
    paxosClient(n, 'x')
    n.restart()
    n.fire('retry')
    expect(n.take('prepare')[0].body).toEqual({ ballot: b(2, 'n1'), from: 0 })
  })
})

/** A client hands the node a value (what the kernel does for a workload `propose`). */
function paxosClient(n: ReturnType<typeof fakeNode>, value: string) {
  paxos.onClient!(n.ctx, n.state, { op: 'propose', value }, n.cfg)
}
