import { describe, expect, it } from 'vitest'
import { parseBounded } from './perturbInput'

describe('perturbation input', () => {
  it('accepts signed decimals within the limit', () => {
    expect(parseBounded('250', 1000)).toEqual({ ok: true, value: 250 })
    expect(parseBounded(' -12.5 ', 1000)).toEqual({ ok: true, value: -12.5 })
    expect(parseBounded('\u2212999', 1000)).toEqual({ ok: true, value: -999 })
    expect(parseBounded('+1000', 1000)).toEqual({ ok: true, value: 1000 })
    expect(parseBounded('0,5', 1000)).toEqual({ ok: true, value: 0.5 })
    expect(parseBounded('.5', 1000)).toEqual({ ok: true, value: 0.5 })
    expect(parseBounded('1e2', 1000)).toEqual({ ok: true, value: 100 })
  })

  it('refuses values beyond the limit', () => {
    expect(parseBounded('1000.5', 1000)).toEqual({ ok: false, why: 'range' })
    expect(parseBounded('-2e5', 1000)).toEqual({ ok: false, why: 'range' })
  })

  it('refuses text that is not a number', () => {
    for (const s of ['', 'fast', '12ppm', '--3', '1.2.3', 'Infinity', 'NaN', '0x10'])
      expect(parseBounded(s, 1000)).toEqual({ ok: false, why: 'notNumber' })
  })
})
