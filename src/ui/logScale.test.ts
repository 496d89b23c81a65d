import { scaleLog } from 'd3-scale'
import { describe, expect, it } from 'vitest'
import { logScale } from './logScale'

describe('logScale', () => {
  const ours = logScale([1e-6, 1], [0, Math.PI])
  const d3 = scaleLog().domain([1e-6, 1]).range([0, Math.PI]).clamp(true)

  it("maps and inverts like d3's clamped scaleLog", () => {
    for (const x of [1e-9, 1e-6, 3.7e-5, 1e-3, 0.5, 1, 20]) expect(ours(x)).toBeCloseTo(d3(x), 12)
    for (const y of [-1, 0, 0.3, 1.5, Math.PI, 5])
      expect(ours.invert(y)).toBeCloseTo(d3.invert(y), 12)
  })

  it('clamps zero to the start of the range', () => {
    expect(ours(0)).toBe(0)
    expect(ours.invert(-1)).toBeCloseTo(1e-6, 18)
  })
})
