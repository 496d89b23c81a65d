import { MAX_SPEED, MIN_SPEED } from '../../worker/wire'
import { logScale } from '../logScale'

/** The speed slider's integer positions, mapped logarithmically onto MIN_SPEED…MAX_SPEED. */
export const SLIDER_STEPS = 500

const scale = logScale([MIN_SPEED, MAX_SPEED], [0, SLIDER_STEPS])

export function sliderToSpeed(position: number): number {
  return scale.invert(position)
}

export function speedToSlider(speed: number): number {
  return Math.round(scale(speed))
}
