import { describe, expect, it } from 'vitest'
import { MAXDISP } from './constants'
import { offsetSlope } from './freqFit'

const stage = (t: number, offset: number, delay: number, disp = 1e-5) => ({
  offset,
  delay,
  disp,
  t,
})

describe('FREQ-state frequency fit (freqFit.ts)', () => {
  it('recovers the slope of noise-free samples exactly', () => {
    const stages = [11, 13, 15, 65, 129, 193, 257, 321].map((t) =>
      stage(t, 0.002 - 100e-6 * t, 2e-4),
    )
    expect(offsetSlope(stages, 1e-6)).toBeCloseTo(-100e-6, 12)
  })

  it('a high-delay sample with a large error barely moves the slope; a two-point figure would', () => {
    const ts = [11, 13, 15, 65, 129, 193, 257, 321]
    const stages = ts.map((t, i) =>
      stage(t, -100e-6 * t + (i % 2 ? 10e-6 : -10e-6), 2e-4 + 1e-5 * i),
    )
    // the newest sample went out slowly and came back fast: 200 µs off, delay 400 µs more
    stages[7] = stage(321, -100e-6 * 321 - 200e-6, 6e-4)
    const twoPoint = (stages[7].offset - stages[0].offset) / (321 - 11)
    expect(Math.abs(twoPoint + 100e-6)).toBeGreaterThan(0.6e-6)
    expect(Math.abs(offsetSlope(stages, 1e-6)! + 100e-6)).toBeLessThan(0.2e-6)
  })

  it('skips empty stages and gives up below three usable samples', () => {
    const dummy = stage(0, 0, MAXDISP, MAXDISP)
    expect(
      offsetSlope([stage(10, 0, 2e-4), stage(300, -0.03, 2e-4), dummy, dummy], 1e-6),
    ).toBeNull()
    const three = [stage(10, 0, 2e-4), stage(150, -0.014, 2e-4), stage(300, -0.029, 2e-4), dummy]
    expect(offsetSlope(three, 1e-6)).toBeCloseTo(-0.029 / 290, 7)
  })
})
