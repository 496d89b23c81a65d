import { describe, expect, it } from 'vitest'
import type { ClientRequest } from '../../worker/consensusWire'
import { newestFirst, requestOutcome } from './requests'

const propose: ClientRequest = { id: 'n1.p1', node: 'n1', op: 'propose', value: 'x', at: 1 }
const read: ClientRequest = { id: 'n2.r1', node: 'n2', op: 'read', at: 2 }

describe('client request outcomes', () => {
  it('a proposal is pending until some node learns it chosen', () => {
    expect(requestOutcome(propose, 'multi', null)).toEqual({ kind: 'pending' })
    expect(requestOutcome({ ...propose, chosen: { slot: 3, at: 1.2 } }, 'multi', null)).toEqual({
      kind: 'chosen',
      slot: 3,
      at: 1.2,
    })
  })

  it('single decree: a proposal that did not win is lost once the decree is decided', () => {
    expect(requestOutcome(propose, 'single', { value: 'y' })).toEqual({ kind: 'lost', winner: 'y' })
    expect(requestOutcome(propose, 'multi', { value: 'y' })).toEqual({ kind: 'pending' })
    expect(
      requestOutcome({ ...propose, chosen: { slot: 0, at: 1.1 } }, 'single', { value: 'x' }),
    ).toMatchObject({ kind: 'chosen' })
  })

  it('a read is answered when its client hears back, and says how it was served', () => {
    expect(requestOutcome(read, 'multi', null)).toEqual({ kind: 'pending' })
    const served = { by: 'n3', value: 'x', lease: true, applied: 1, at: 2.01 }
    const result = { value: 'x', local: false, at: 2.02 }
    expect(requestOutcome({ ...read, served, result }, 'multi', null)).toEqual({
      kind: 'answered',
      value: 'x',
      at: 2.02,
      via: 'lease',
      by: 'n3',
    })
    expect(
      requestOutcome({ ...read, served: { ...served, lease: false }, result }, 'multi', null),
    ).toMatchObject({ via: 'log', by: 'n3' })
    // served but the reply is still on its way: not answered yet
    expect(requestOutcome({ ...read, served }, 'multi', null)).toEqual({ kind: 'pending' })
    // single decree answers from the asked node's own log
    expect(
      requestOutcome({ ...read, result: { value: null, local: true, at: 2 } }, 'single', null),
    ).toEqual({ kind: 'answered', value: null, at: 2, via: 'local', by: 'n2' })
  })

  it('lists newest first without touching the input', () => {
    const list = [propose, read]
    expect(newestFirst(list).map((r) => r.id)).toEqual(['n2.r1', 'n1.p1'])
    expect(list.map((r) => r.id)).toEqual(['n1.p1', 'n2.r1'])
  })
})
