import { describe, expect, it } from 'vitest'
import { MAX_SPEED, MIN_SPEED } from '../../worker/wire'
import { SLIDER_STEPS, sliderToSpeed, speedToSlider } from './speedScale'

describe('speed slider scale', () => {
  it('spans 0.01× to 1000× logarithmically', () => {
    expect(sliderToSpeed(0)).toBeCloseTo(MIN_SPEED, 12)
    expect(sliderToSpeed(SLIDER_STEPS)).toBeCloseTo(MAX_SPEED, 9)
    expect(sliderToSpeed(SLIDER_STEPS * 0.4)).toBeCloseTo(1, 12) // 0.01 · 10^(5 · 0.4)
    expect(speedToSlider(1)).toBe(SLIDER_STEPS * 0.4)
  })

  it('round-trips every slider position to the same position', () => {
    for (let p = 0; p <= SLIDER_STEPS; p++)
      expect(Math.abs(speedToSlider(sliderToSpeed(p)) - p)).toBe(0)
  })
})
