import { describe, expect, it } from 'vitest'
import { translate } from '../i18n'
import { formatClock, formatOffset, formatSpeed } from './quantities'

const en = (k: Parameters<typeof translate>[1]) => translate('en', k)
const zh = (k: Parameters<typeof translate>[1]) => translate('zh', k)

describe('quantities', () => {
  it('formats offsets with a sign and a unit that fits the magnitude', () => {
    expect(formatOffset(0, en)).toBe('0')
    expect(formatOffset(1.5, en)).toBe('+1.500 s')
    expect(formatOffset(-0.0012345, en)).toBe('\u22121.234 ms')
    expect(formatOffset(5.67e-5, en)).toBe('+56.7 µs')
    expect(formatOffset(-3e-9, en)).toBe('\u22123 ns')
    expect(formatOffset(0.002, zh)).toBe('+2.000 毫秒')
  })

  it('formats clock readings on a microsecond grid', () => {
    expect(formatClock(12.3456789)).toBe('12.345679')
    expect(formatClock(0)).toBe('0.000000')
  })

  it('formats speeds readably across the slider range', () => {
    expect(formatSpeed(0.01)).toBe('0.01')
    expect(formatSpeed(0.023456)).toBe('0.023')
    expect(formatSpeed(1)).toBe('1')
    expect(formatSpeed(3.51)).toBe('3.5')
    expect(formatSpeed(999.7)).toBe('1000')
  })
})
