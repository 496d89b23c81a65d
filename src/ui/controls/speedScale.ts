import { scaleLog } from 'd3-scale'
import { MAX_SPEED, MIN_SPEED } from '../../worker/protocol'

/** The speed slider's integer positions, mapped logarithmically onto MIN_SPEED…MAX_SPEED. */
export const SLIDER_STEPS = 500

const scale = scaleLog().domain([MIN_SPEED, MAX_SPEED]).range([0, SLIDER_STEPS]).clamp(true)

export function sliderToSpeed(position: number): number {
  return scale.invert(position)
}

export function speedToSlider(speed: number): number {
  return Math.round(scale(speed))
}
