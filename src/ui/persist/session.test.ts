import { describe, expect, it } from 'vitest'
import { presets } from '../../engine/scenario/presets'
import {
  MAX_SESSION_CHARS,
  serializeSession,
  sessionOf,
  worthKeeping,
  type Session,
} from './session'
import { parseSession } from './sessionParse'

const session = (over: Partial<Session> = {}): Session => ({
  v: 1,
  base: structuredClone(presets[0].scenario),
  source: { kind: 'preset', id: 'cristian-lan' },
  inputs: [
    { at: 1.5, fault: { type: 'cutLink', from: 'c1', to: 's1' } },
    { at: 2, client: { node: 'c2', op: { op: 'propose', value: 'x' } } },
  ],
  now: 3.25,
  speed: 10,
  lang: 'zh',
  ...over,
})

const error = (text: string | null) => {
  const r = parseSession(text)
  if (r.ok) throw new Error('accepted')
  return r.error
}

describe('session (de)serialisation', () => {
  it('round-trips a session exactly', () => {
    const s = session()
    expect(parseSession(serializeSession(s))).toEqual({ ok: true, session: s })
  })

  it('reports nothing stored as no error', () => {
    expect(error(null)).toBeNull()
  })

  it('rejects malformed, truncated, oversize and hostile text with a reason, never a throw', () => {
    const text = serializeSession(session())
    expect(error(text.slice(0, text.length / 2))).toBe('not JSON')
    expect(error('[]')).toBe('not an object')
    expect(error('{"v":2}')).toBe('unknown version')
    expect(error('x'.repeat(MAX_SESSION_CHARS + 1))).toBe('too large')
    expect(error(JSON.stringify({ ...session(), base: { version: 1 } }))).toMatch(/^scenario: /)
    expect(error(JSON.stringify({ ...session(), speed: 1e9 }))).toMatch(/^speed: /)
    expect(error(JSON.stringify({ ...session(), lang: '<b>' }))).toMatch(/^lang: /)
    expect(error(JSON.stringify({ ...session(), now: -1 }))).toMatch(/^now: /)
    expect(error(JSON.stringify({ ...session(), source: { kind: 'ftp' } }))).toBe('source: unknown')
    expect(error('{"__proto__":{"v":1}}')).toBe('unknown version')
  })

  it('checks each input against the scenario: shape, nodes, and time order up to now', () => {
    const bad = (inputs: unknown[]) => error(JSON.stringify({ ...session(), inputs }))
    expect(bad([{ at: 1, fault: { type: 'crash', node: 'zz' } }])).toBe(
      'inputs[0].fault: unknown node "zz"',
    )
    expect(bad([{ at: 1, fault: { type: 'setLoss', p: 2 } }])).toMatch(/^inputs\[0\]\.fault: /)
    expect(bad([{ at: 'soon', fault: { type: 'heal' } }])).toBe(
      'inputs[0].at: must be a non-negative time',
    )
    expect(bad([{ at: 1, client: { node: 'c1', op: { op: 'delete' } } }])).toMatch(
      /^inputs\[0\]: not an intervention/,
    )
    expect(
      bad([
        { at: 2, fault: { type: 'heal' } },
        { at: 1, fault: { type: 'heal' } },
      ]),
    ).toBe('inputs[1].at: out of order')
    expect(bad([{ at: 9, fault: { type: 'heal' } }])).toBe('inputs[0].at: out of order')
  })

  it('leaves inputs after the current time (a branch rewound from) out of the session', () => {
    const s = sessionOf({ ...session(), now: 1.75 })
    expect(s.inputs.map((x) => x.at)).toEqual([1.5])
  })

  it('keeps only sessions with something of the user in them', () => {
    const fresh = { presetId: 'cristian-lan', speed: 10 }
    const untouched = session({ inputs: [] })
    expect(worthKeeping(untouched, fresh, true)).toBe(false)
    expect(worthKeeping(untouched, fresh, false)).toBe(true)
    expect(worthKeeping(session(), fresh, true)).toBe(true)
    expect(worthKeeping(session({ inputs: [], speed: 3 }), fresh, true)).toBe(true)
    expect(worthKeeping(session({ inputs: [], source: { kind: 'link' } }), fresh, true)).toBe(true)
  })
})
