import { describe, expect, it } from 'vitest'
import { parseBounded } from './typedNumber'

describe('numbers typed into controls', () => {
  it('accept signed decimals within the range', () => {
    expect(parseBounded(' 12.5 ', 0, 100)).toEqual({ ok: true, value: 12.5 })
    expect(parseBounded('250', -1000, 1000)).toEqual({ ok: true, value: 250 })
    expect(parseBounded('+1000', -1000, 1000)).toEqual({ ok: true, value: 1000 })
    expect(parseBounded('.5', 0, 1)).toEqual({ ok: true, value: 0.5 })
    expect(parseBounded('1e3', 0, 1e4)).toEqual({ ok: true, value: 1000 })
  })

  it('read back the typographic minus the readouts print, and a decimal comma', () => {
    expect(parseBounded('\u22123', -5, 5)).toEqual({ ok: true, value: -3 })
    expect(parseBounded('\u2212999', -1000, 1000)).toEqual({ ok: true, value: -999 })
    expect(parseBounded('0,5', 0, 1)).toEqual({ ok: true, value: 0.5 })
    expect(parseBounded('1,25', 0, 10)).toEqual({ ok: true, value: 1.25 })
  })

  it('refuse a comma that may group thousands instead of guessing', () => {
    for (const s of ['1,000', '100,000', '\u2212100,000'])
      expect(parseBounded(s, -1e6, 1e6), s).toEqual({ ok: false, error: 'notNumber' })
  })

  it('refuse values outside the range', () => {
    expect(parseBounded('150', 0, 100)).toEqual({ ok: false, error: 'range' })
    expect(parseBounded('1000.5', -1000, 1000)).toEqual({ ok: false, error: 'range' })
    expect(parseBounded('-2e5', -1000, 1000)).toEqual({ ok: false, error: 'range' })
  })

  it('refuse text that is not a finite number', () => {
    const junk = [
      '',
      '-',
      'fast',
      'abc',
      '12ppm',
      '2 ms',
      '--3',
      '1.2.3',
      '1,2,3',
      'Infinity',
      'NaN',
      '0x10',
      '1e400',
    ]
    for (const s of junk)
      expect(parseBounded(s, -1e9, 1e9), s).toEqual({ ok: false, error: 'notNumber' })
  })
})
