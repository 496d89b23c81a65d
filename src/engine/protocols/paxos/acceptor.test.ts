import { describe, expect, it } from 'vitest'
import { emptyAcceptor, handleAccept, handlePrepare } from './acceptor'
import { NO_BALLOT } from './ballot'
import type { LogEntry } from './entry'
import { fakeNode } from './testing'

const b = (round: number, node: string) => ({ round, node })
const x: LogEntry = { kind: 'value', id: 'n1.p1', value: 'x' }
const y: LogEntry = { kind: 'value', id: 'n2.p1', value: 'y' }

describe('acceptor: phase 1b (handlePrepare)', () => {
  it('promises a higher ballot and reports its votes from the asked slot on', () => {
    const rec = emptyAcceptor()
    handleAccept(rec, { ballot: b(1, 'n1'), slot: 0, entry: x, commit: 0 })
    handleAccept(rec, { ballot: b(1, 'n1'), slot: 2, entry: y, commit: 0 })
    const out = handlePrepare(rec, { ballot: b(2, 'n2'), from: 1 })
    expect(out.promise).toEqual({
      ballot: b(2, 'n2'),
      votes: [{ slot: 2, ballot: b(1, 'n1'), entry: y }],
    })
    expect(rec.maxBal).toEqual(b(2, 'n2'))
  })

  it('refuses an equal or lower ballot with the ballot it promised (Phase1b: m.bal > maxBal)', () => {
    const rec = emptyAcceptor()
    handlePrepare(rec, { ballot: b(3, 'n1'), from: 0 })
    expect(handlePrepare(rec, { ballot: b(3, 'n1'), from: 0 }).nack).toEqual({
      ballot: b(3, 'n1'),
      maxBal: b(3, 'n1'),
    })
    expect(handlePrepare(rec, { ballot: b(2, 'n3'), from: 0 }).nack).toEqual({
      ballot: b(2, 'n3'),
      maxBal: b(3, 'n1'),
    })
    expect(rec.maxBal).toEqual(b(3, 'n1'))
  })
})

describe('acceptor: phase 2b (handleAccept)', () => {
  it('votes at a ballot ≥ its promise, raising maxBal and maxVBal', () => {
    const rec = emptyAcceptor()
    handlePrepare(rec, { ballot: b(1, 'n1'), from: 0 })
    const out = handleAccept(rec, { ballot: b(2, 'n2'), slot: 0, entry: x, commit: 0 })
    expect(out.accepted).toEqual({ ballot: b(2, 'n2'), slot: 0, entry: x })
    expect(rec).toMatchObject({ maxBal: b(2, 'n2'), maxVBal: b(2, 'n2'), top: 0 })
  })

  it('refuses a ballot below its promise and keeps its vote', () => {
    const rec = emptyAcceptor()
    handleAccept(rec, { ballot: b(2, 'n2'), slot: 0, entry: x, commit: 0 })
    const out = handleAccept(rec, { ballot: b(1, 'n3'), slot: 0, entry: y, commit: 0 })
    expect(out.nack).toEqual({ ballot: b(1, 'n3'), maxBal: b(2, 'n2') })
    expect(rec.votes[0].entry).toEqual(x)
  })
})

describe('acceptor handlers in a node', () => {
  it('writes the promise to durable storage before it replies', () => {
    const n = fakeNode('n2', { algorithm: 'paxos' })
    n.receive('n1', 'prepare', { ballot: b(1, 'n1'), from: 0 })
    const [reply] = n.sent.filter((m) => m.kind === 'promise')
    expect(reply.to).toBe('n1')
    // `durable`: the node's stable storage as it was when the reply left
    expect(JSON.parse(reply.durable).acceptor.maxBal).toEqual(b(1, 'n1'))
    expect(n.emitted.find((e) => e.event === 'promised')?.data).toEqual({
      ballot: b(1, 'n1'),
      maxBal: b(1, 'n1'),
      maxVBal: NO_BALLOT,
    })
  })

  it('keeps promises and votes across a crash; the broken variant forgets them', () => {
    for (const variant of [undefined, 'no-durable-acceptor']) {
      const n = fakeNode('n2', { algorithm: 'paxos', variant })
      n.receive('n1', 'accept', { ballot: b(4, 'n1'), slot: 0, entry: x, commit: 0 })
      n.restart()
      n.receive('n3', 'prepare', { ballot: b(2, 'n3'), from: 0 })
      if (variant === undefined)
        expect(n.take('nack')[0].body).toEqual({ ballot: b(2, 'n3'), maxBal: b(4, 'n1') })
      else expect(n.take('promise')[0].body).toEqual({ ballot: b(2, 'n3'), votes: [] })
    }
  })

  it('single decree: tells every learner of its vote; Multi-Paxos: only the leader', () => {
    const single = fakeNode('n2', { algorithm: 'paxos' })
    single.receive('n1', 'accept', { ballot: b(1, 'n1'), slot: 0, entry: x, commit: 0 })
    expect(single.take('accepted').map((m) => m.to)).toEqual(['n1', 'n2', 'n3'])
    const multi = fakeNode('n2', { algorithm: 'multi-paxos' })
    multi.receive('n1', 'accept', { ballot: b(1, 'n1'), slot: 0, entry: x, commit: 0 })
    expect(multi.take('accepted').map((m) => m.to)).toEqual(['n1'])
  })

  it('a 2a below the promise is answered with a nack carrying the higher ballot', () => {
    const n = fakeNode('n2', { algorithm: 'paxos' })
    n.receive('n3', 'prepare', { ballot: b(5, 'n3'), from: 0 })
    n.receive('n1', 'accept', { ballot: b(1, 'n1'), slot: 0, entry: x, commit: 0 })
    expect(n.take('nack').map((m) => [m.to, m.body])).toEqual([
      ['n1', { ballot: b(1, 'n1'), maxBal: b(5, 'n3') }],
    ])
    expect(n.emitted.some((e) => e.event === 'accepted')).toBe(false)
  })

  it('while it has granted a lease to another leader, it ignores prepares', () => {
    const n = fakeNode('n2', {
      algorithm: 'multi-paxos',
      lease: { duration: 1, driftBoundPpm: 100 },
    })
    n.receive('n1', 'heartbeat', { ballot: b(1, 'n1'), commit: 0, sentAt: 0 })
    expect(n.take('heartbeatAck')).toHaveLength(1)
    n.clock.now = 0.9
    n.receive('n3', 'prepare', { ballot: b(2, 'n3'), from: 0 })
    expect(n.sent).toEqual([])
    n.clock.now = 1.01
    n.receive('n3', 'prepare', { ballot: b(2, 'n3'), from: 0 })
    expect(n.take('promise')).toHaveLength(1)
  })
})
