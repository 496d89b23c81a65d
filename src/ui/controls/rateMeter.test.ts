import { describe, expect, it } from 'vitest'
import { createRateMeter } from './rateMeter'

describe('rate meter', () => {
  it('measures simulated seconds per wall second over its window', () => {
    const m = createRateMeter(3000)
    // 0.02× for one second, then a quiet stretch skipped at 20×
    expect(m.add(1, 0, 0, true)).toBeNull()
    expect(m.add(1, 500, 0.01, true)).toBeNull()
    expect(m.add(1, 1000, 0.02, true)).toBeCloseTo(0.02)
    expect(m.add(1, 2000, 20.02, true)).toBeCloseTo(10.01)
    // the first second leaves the window: only the fast part remains... and what follows it
    expect(m.add(1, 4000, 20.06, true)).toBeCloseTo((20.06 - 0.02) / 3)
  })

  it('starts again after a pause, a new run or a jump back', () => {
    const m = createRateMeter(3000)
    m.add(1, 0, 0, true)
    expect(m.add(1, 1000, 5, true)).toBeCloseTo(5)
    expect(m.add(1, 1200, 5, false)).toBeNull()
    expect(m.add(1, 1400, 5, true)).toBeNull()
    expect(m.add(1, 2400, 6, true)).toBeCloseTo(1)
    expect(m.add(2, 2600, 0, true)).toBeNull() // a new run
    expect(m.add(2, 3600, 2, true)).toBeCloseTo(2)
    expect(m.add(2, 3800, 1, true)).toBeNull() // seeked back
    expect(m.add(2, 4800, 1.5, true)).toBeCloseTo(0.5)
  })
})
