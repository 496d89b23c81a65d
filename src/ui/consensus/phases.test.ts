import { describe, expect, it } from 'vitest'
import type { PaxosMessages } from '../../engine/protocols/paxos/messages'
import { en } from '../i18n/en'
import { zh } from '../i18n/zh'
import { legendOrder, PAXOS_PHASES, phaseOf, PHASE_ORDER } from './phases'

describe('Paxos message phases', () => {
  it('cover every message kind the engine sends, each with its own colour and both languages', () => {
    // a compile-time list of the engine's kinds: adding one there without a phase here fails
    const kinds: Record<keyof PaxosMessages, true> = {
      prepare: true,
      promise: true,
      nack: true,
      accept: true,
      accepted: true,
      heartbeat: true,
      heartbeatAck: true,
      forward: true,
      forwardRead: true,
      readReply: true,
      catchup: true,
      decide: true,
    }
    expect(Object.keys(PAXOS_PHASES).sort()).toEqual(Object.keys(kinds).sort())
    expect([...PHASE_ORDER].sort()).toEqual(Object.keys(kinds).sort())
    const colours = Object.values(PAXOS_PHASES).map((p) => p.colour)
    expect(new Set(colours).size).toBe(colours.length)
    for (const p of Object.values(PAXOS_PHASES)) {
      expect(en[p.name]).toBeTruthy()
      expect(zh[p.name]).toMatch(/\p{Script=Han}/u)
    }
  })

  it('tags the two phases as in Paxos Made Simple', () => {
    expect(['prepare', 'promise', 'accept', 'accepted'].map((k) => phaseOf(k)?.tag)).toEqual([
      '1a',
      '1b',
      '2a',
      '2b',
    ])
    expect(phaseOf('request')).toBeNull()
    expect(phaseOf('toString')).toBeNull()
  })

  it('orders the legend by protocol, other protocols’ kinds after, as they appeared', () => {
    expect(legendOrder(['heartbeat', 'request', 'accepted', 'prepare', 'reply'])).toEqual([
      'prepare',
      'accepted',
      'heartbeat',
      'request',
      'reply',
    ])
  })
})
