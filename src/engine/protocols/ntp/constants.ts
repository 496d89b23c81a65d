/**
 * NTP's fixed parameters (RFC 5905 §7.2, Figure 4, and ntpd 4.2.8 where the two differ; the
 * choice is noted at each constant). Times in seconds, rates dimensionless.
 */

/** Frequency tolerance: dispersion grows at 15 ppm per second (RFC 5905 §9.2). */
export const PHI = 15e-6
/** Dispersion of an empty filter stage, and "unusable" (RFC 5905 MAXDISP). */
export const MAXDISP = 16
/** Clock filter stages (RFC 5905 NSTAGE). */
export const NSTAGE = 8
/** Popcorn spike gate: a new offset farther than SGATE jitters from the last is a spike (ntpd CLOCK_SGATE). */
export const SGATE = 3
/** Root distance beyond which a server is unfit (ntpd `tos maxdist` default 1.5 s; RFC MAXDIST is 1 s). */
export const MAXDIST = 1.5
/** Floor for delay and dispersion terms of the root distance (ntpd MINDISPERSE). */
export const MINDISP = 0.001
/** Stratum meaning "not synchronised" (RFC 5905 MAXSTRAT). */
export const MAXSTRAT = 16
/** Minimum survivors the cluster algorithm keeps (RFC 5905 NMIN, ntpd `tos minclock`). */
export const NMIN = 3

/** Default step threshold (ntpd CLOCK_MAX) and stepout (ntpd CLOCK_MINSTEP; the RFC uses 900 s). */
export const STEP_THRESHOLD = 0.128
export const STEPOUT = 300
/** Offsets beyond this are refused (ntpd CLOCK_PANIC). */
export const PANIC_THRESHOLD = 1000
/** Largest frequency correction, and largest total per-second adjustment (ntpd NTP_MAXFREQ). */
export const MAX_FREQ_PPM = 500

/** PLL loop gain (log2 16) and FLL gain (RFC 5905 PLL / FLL; ntpd CLOCK_PLL). */
export const PLL = 16
export const FLL = 0.25
/** Allan intercept as a poll exponent: the FLL engages from here (RFC ALLAN, ntpd CLOCK_ALLAN). */
export const ALLAN = 11
/** Averaging constant for clock jitter and wander (RFC AVG, ntpd CLOCK_AVG). */
export const AVG = 8
/** Poll-adjust hysteresis: counter limit and offset gate in jitters (RFC LIMIT / PGATE). */
export const LIMIT = 30
export const PGATE = 4
/** Below this offset the startup holdoff ends early (ntpd CLOCK_FLOOR). */
export const CLOCK_FLOOR = 0.0005

/** Poll exponents: ntpd defaults 6..10 (64..1024 s); the RFC allows 4..17, ntpd from 3. */
export const MINPOLL = 6
export const MAXPOLL = 10
export const POLL_LOWEST = 3
export const POLL_HIGHEST = 17
/** iburst / burst: packets per burst and the spacing between them (RFC 5905 §13, ntpd NTP_IBURST). */
export const BURST_PACKETS = 8
export const BURST_SPACING = 2
