/** The inspector's perturbation controls: what their number boxes accept, the clock-step amounts. */

/** The drift slider's span (ppm): a quartz oscillator's range with room to spare. */
export const DRIFT_SLIDER_PPM = 1000
/** What the number box accepts (ppm): docs/scenario-format.md accepts at least ±100 000 for "broken clock" demos. */
export const DRIFT_LIMIT_PPM = 100_000
/** A falseticker's lie (ms): up to an hour off. */
export const LIE_LIMIT_MS = 3_600_000

/** Clock-step buttons (s). */
export const CLOCK_STEPS: readonly number[] = [-1, -0.1, -0.01, 0.01, 0.1, 1]
