import { logScale } from '../logScale'

/** Positions of a perturbation slider: 0 … SLIDER_STEPS. */
export const SLIDER_STEPS = 1000

/**
 * A slider position on a logarithmic scale from `min` to `max`, with position 0 meaning exactly
 * 0: delays span microseconds to seconds, and "none" must be reachable.
 */
export function zeroLogScale(min: number, max: number) {
  const scale = logScale([min, max], [0, SLIDER_STEPS])
  return {
    toValue: (pos: number): number => (pos <= 0 ? 0 : scale.invert(pos)),
    toPos: (value: number): number => (value > 0 ? Math.max(1, Math.round(scale(value))) : 0),
  }
}

/** Three significant digits, no trailing zeros: what a readout or an edit field shows. */
export const roundForDisplay = (v: number): number => Number(v.toPrecision(3))
