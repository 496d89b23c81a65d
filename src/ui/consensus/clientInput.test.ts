import { describe, expect, it } from 'vitest'
import { checkValue, MAX_VALUE_LENGTH, targetRefusal } from './clientInput'

describe('client value check', () => {
  it('accepts a short printable value, trimmed', () => {
    expect(checkValue('  apple ')).toEqual({ ok: true, value: 'apple' })
    expect(checkValue('苹果')).toEqual({ ok: true, value: '苹果' })
  })

  it('refuses empty, control characters and over-long values, saying which', () => {
    expect(checkValue('')).toEqual({ ok: false, reason: 'empty' })
    expect(checkValue(' \u3000 ')).toEqual({ ok: false, reason: 'empty' })
    expect(checkValue('a\tb')).toEqual({ ok: false, reason: 'control' })
    expect(checkValue('line\nbreak')).toEqual({ ok: false, reason: 'control' })
    expect(checkValue('x'.repeat(MAX_VALUE_LENGTH))).toMatchObject({ ok: true })
    expect(checkValue('x'.repeat(MAX_VALUE_LENGTH + 1))).toEqual({
      ok: false,
      reason: 'tooLong',
      length: MAX_VALUE_LENGTH + 1,
    })
  })

  it('counts characters, not UTF-16 units', () => {
    // 24 emoji are 48 UTF-16 units but 24 characters
    expect(checkValue('😀'.repeat(MAX_VALUE_LENGTH))).toMatchObject({ ok: true })
  })

  it('refuses a crashed target node only', () => {
    expect(targetRefusal('crashed')).toBe('crashed')
    expect(targetRefusal('up')).toBeNull()
    expect(targetRefusal('paused')).toBeNull()
  })
})
