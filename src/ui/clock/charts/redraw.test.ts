import { describe, expect, it } from 'vitest'
import { needsRedraw, type Drawn } from './redraw'

// a 500-pixel axis over 16 s (31.25 px/s); a 100-pixel y axis over ±0.1 (500 px per unit)
const drawn: Drawn = {
  x0: 0,
  x1: 16,
  width: 500,
  height: 100,
  view: { mode: 'all' },
  label: 'Offset (ms)',
  newest: [0.01, NaN],
  now: 16,
  accuracy: 0.02,
  look: '#4e79a7,#0f172ar',
}
const y = (v: number) => 50 - v * 500

describe('needsRedraw', () => {
  it('skips a readout that moves nothing by half a pixel', () => {
    // 4 ms more run: 0.125 px
    expect(needsRedraw(drawn, { ...drawn, x1: 16.004 }, y)).toBe(false)
    expect(needsRedraw(drawn, { ...drawn, newest: [0.0105, NaN] }, y)).toBe(false)
  })

  it('redraws when an end of the time axis moves half a pixel', () => {
    expect(needsRedraw(drawn, { ...drawn, x1: 16.02 }, y)).toBe(true)
    expect(needsRedraw(drawn, { ...drawn, x0: 0.02 }, y)).toBe(true)
  })

  it('redraws when the lines reach half a pixel further inside a window that stays', () => {
    expect(needsRedraw(drawn, { ...drawn, now: 16.004 }, y)).toBe(false)
    expect(needsRedraw(drawn, { ...drawn, now: 16.02 }, y)).toBe(true)
  })

  it('redraws when a newest value or the band moves, or a line starts or stops', () => {
    expect(needsRedraw(drawn, { ...drawn, newest: [0.012, NaN] }, y)).toBe(true)
    expect(needsRedraw(drawn, { ...drawn, newest: [0.01, 0] }, y)).toBe(true)
    expect(needsRedraw(drawn, { ...drawn, newest: [NaN, NaN] }, y)).toBe(true)
    expect(needsRedraw(drawn, { ...drawn, accuracy: 0.03 }, y)).toBe(true)
  })

  it('redraws a first time, and after a resize, a zoom, a language change or a new selection', () => {
    expect(needsRedraw(undefined, drawn, y)).toBe(true)
    expect(needsRedraw(drawn, { ...drawn, width: 501 }, y)).toBe(true)
    expect(needsRedraw(drawn, { ...drawn, view: { mode: 'all' } }, y)).toBe(true)
    expect(needsRedraw(drawn, { ...drawn, label: '偏差 (ms)' }, y)).toBe(true)
    expect(needsRedraw(drawn, { ...drawn, look: '#4e79a7s,#0f172ar' }, y)).toBe(true)
  })
})
