import { describe, expect, it } from 'vitest'
import {
  columnUnit,
  formatDuration,
  formatIn,
  formatPpm,
  numberIn,
  signed,
  timeUnitFor,
} from './units'

const label = (u: { key: string }) => u.key.slice(5)

describe('clock units', () => {
  it('picks the largest unit in which the value is at least one', () => {
    expect(timeUnitFor(2.5).key).toBe('unit.s')
    expect(timeUnitFor(1).key).toBe('unit.s')
    expect(timeUnitFor(0.999).key).toBe('unit.ms')
    expect(timeUnitFor(-0.0012).key).toBe('unit.ms')
    expect(timeUnitFor(3.2e-5).key).toBe('unit.us')
    expect(timeUnitFor(1e-6).key).toBe('unit.us')
    expect(timeUnitFor(4e-8).key).toBe('unit.ns')
    expect(timeUnitFor(1e-12).key).toBe('unit.ns')
    expect(timeUnitFor(0).key).toBe('unit.s')
    expect(timeUnitFor(NaN).key).toBe('unit.s')
  })

  it('formats durations with three significant figures in their unit', () => {
    expect(formatDuration(0.0123456, label)).toBe('12.35 ms')
    expect(formatDuration(-0.0000456, label)).toBe('\u221245.60 us')
    expect(formatDuration(0.000456, label, true)).toBe('+456.0 us')
    expect(formatDuration(1.5, label)).toBe('1.500 s')
    expect(formatDuration(Infinity, label)).toBe('—')
  })

  it('formats in a unit chosen for a whole formula', () => {
    const us = timeUnitFor(4e-4)
    expect(formatIn(0, us, label)).toBe('0.000 us')
    expect(formatIn(-1e-12, us, label)).toBe('0.000 us')
    expect(formatIn(0.000806, us, label)).toBe('806.0 us')
    expect(formatIn(-0.0000205, us, label, true)).toBe('\u221220.50 us')
    expect(numberIn(0.0012, us)).toBe('1200.0')
  })

  it('gives a table column the unit of its largest entry, ignoring missing ones', () => {
    expect(columnUnit([2e-5, -3.1e-4, NaN]).key).toBe('unit.us')
    expect(columnUnit([2e-5, 0.0015]).key).toBe('unit.ms')
    expect(columnUnit([]).key).toBe('unit.s')
  })

  it('signs numbers with a real minus and never signs zero', () => {
    expect(signed(-0.25, 2)).toBe('\u22120.25')
    expect(signed(0.004, 2)).toBe('0.00')
    expect(signed(-0.004, 2)).toBe('0.00')
    expect(signed(3, 1)).toBe('+3.0')
  })

  it('formats ppm with fewer decimals as the value grows', () => {
    expect(formatPpm(480.4)).toBe('+480')
    expect(formatPpm(-12.34)).toBe('\u221212.3')
    expect(formatPpm(1.234)).toBe('+1.23')
    expect(formatPpm(-0.0456)).toBe('\u22120.046')
    expect(formatPpm(0)).toBe('0.000')
  })
})
