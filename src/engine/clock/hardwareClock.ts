import { createPrng, normal, type PrngState } from '../kernel/prng'

/**
 * A node's hardware clock (docs/algorithms.md §1): dC/dt = (1 + y(t)) · (1 + u(t)),
 * y = constant skew + random-walk wander (one step per simulated second), u = the
 * discipline's control (frequency correction plus an active slew).
 *
 * The clock is piecewise linear in true time with breakpoints at whole seconds (wander)
 * and at the end of a slew, so both directions convert exactly: a timer set for
 * "local + 2 s" fires at the true time the local clock reads that value.
 *
 * Engine reads `advanceTo` (moves the anchor); display reads `peekLocal` (never touches
 * engine state, so watching a run cannot change it).
 */
export interface HardwareClock {
  /** true-time anchor and the (unquantised) local time there */
  t0: number
  c0: number
  skew: number
  /** wander step std-dev per simulated second (dimensionless rate) */
  sigma: number
  /** wander rate for whole-second segments k0, k0 + 1, … (drawn lazily from this clock's own stream) */
  k0: number
  w: number[]
  rng: PrngState
  freq: number
  slewRate: number
  slewEnd: number
  resolution: number
  /** display-only cursor for peekLocal; keyed by anchorGen so it never outlives an anchor */
  anchorGen: number
  peekGen: number
  peekT: number
  peekC: number
  /** memo of the last forward integration from the anchor: the local time at exactT under anchorGen */
  exactGen: number
  exactT: number
  exactC: number
}

export interface ClockParams {
  offset: number
  skewPpm: number
  wanderPpm: number
  resolution: number
}

export function createClock(p: ClockParams, seed: number, stream: number): HardwareClock {
  return {
    t0: 0,
    c0: p.offset,
    skew: p.skewPpm * 1e-6,
    sigma: p.wanderPpm * 1e-6,
    k0: 0,
    w: [0],
    rng: createPrng(seed, 0x10000 + stream),
    freq: 0,
    slewRate: 0,
    slewEnd: 0,
    resolution: p.resolution,
    anchorGen: 0,
    peekGen: -1,
    peekT: 0,
    peekC: 0,
    exactGen: -1,
    exactT: 0,
    exactC: 0,
  }
}

function wanderAt(c: HardwareClock, k: number): number {
  const i = k - c.k0
  const w = c.w
  while (w.length <= i) w.push(w[w.length - 1] + c.sigma * normal(c.rng))
  return w[i]
}

/**
 * Rate of the clock on the linear piece that starts at true time t: 1 + its frequency error,
 * corrections included.
 */
export function rateAt(c: HardwareClock, t: number): number {
  const y = c.sigma > 0 ? c.skew + wanderAt(c, Math.floor(t)) : c.skew
  const u = c.freq + (t < c.slewEnd ? c.slewRate : 0)
  return (1 + y) * (1 + u)
}

function pieceEnd(c: HardwareClock, t: number, limit: number): number {
  let end = limit
  if (c.sigma > 0) {
    const next = Math.floor(t) + 1
    if (next < end) end = next
  }
  if (c.slewEnd > t && c.slewEnd < end) end = c.slewEnd
  return end
}

function integrate(c: HardwareClock, from: number, local: number, to: number): number {
  let t = from
  let v = local
  while (t < to) {
    const end = pieceEnd(c, t, to)
    v += rateAt(c, t) * (end - t)
    t = end
  }
  return v
}

/**
 * The local time at true time t > anchor, integrated from the anchor. Memoised per anchor and
 * instant: a node reads its clock several times per instant (a receipt's stamp, the reply's,
 * advancing the anchor), and the memo returns the very float the integration would.
 */
function fromAnchor(c: HardwareClock, t: number): number {
  if (c.exactGen === c.anchorGen && c.exactT === t) return c.exactC
  const v = integrate(c, c.t0, c.c0, t)
  c.exactGen = c.anchorGen
  c.exactT = t
  c.exactC = v
  return v
}

/** Move the anchor to true time t (t ≥ anchor) and return the unquantised local time there. */
export function advanceTo(c: HardwareClock, t: number): number {
  if (t > c.t0) {
    c.c0 = fromAnchor(c, t)
    c.t0 = t
    const k = Math.floor(t)
    if (c.sigma > 0 && k > c.k0) {
      wanderAt(c, k)
      c.w.splice(0, k - c.k0)
      c.k0 = k
    }
    c.anchorGen++
  }
  return c.c0
}

/** Local time at true time t without changing engine state (for views, metrics, summaries). */
export function peekLocal(c: HardwareClock, t: number): number {
  if (t <= c.t0) return c.c0 - (c.t0 - t) * rateAt(c, c.t0)
  let from = c.t0
  let v = c.c0
  if (c.peekGen === c.anchorGen && c.peekT <= t && c.peekT >= c.t0) {
    from = c.peekT
    v = c.peekC
  }
  v = integrate(c, from, v, t)
  c.peekGen = c.anchorGen
  c.peekT = t
  c.peekC = v
  return v
}

/**
 * Local time at true time t computed from the engine anchor alone: unlike `peekLocal` it does not
 * depend on what was displayed before, so checkers may use it without making the trace depend
 * on who watched (float rounding differs with the starting point of the integration).
 */
export function exactLocal(c: HardwareClock, t: number): number {
  if (t <= c.t0) return c.c0 - (c.t0 - t) * rateAt(c, c.t0)
  return fromAnchor(c, t)
}

/** What the node reads: local time quantised to the clock's resolution. */
export function quantise(c: HardwareClock, local: number): number {
  const r = c.resolution
  return r > 0 ? Math.floor(local / r) * r : local
}

/** Bounds a `trueTimeOf` walk; `hop` tells the caller the walk stopped short of the target. */
export interface AimLimit {
  pieces: number
  hop: boolean
}

/**
 * The true time at which the local clock will read `local` (the anchor's time if already past).
 * With wander every simulated second is its own piece, so aiming far ahead costs a walk as long
 * as the delay; with `limit`, the walk stops after `limit.pieces` pieces and returns that point
 * (`limit.hop = true`) so the caller can re-aim from there later at bounded cost.
 */
export function trueTimeOf(c: HardwareClock, local: number, limit?: AimLimit): number {
  let t = c.t0
  let v = c.c0
  if (limit) limit.hop = false
  if (local <= v) return t
  for (let pieces = 1; ; pieces++) {
    const end = pieceEnd(c, t, Infinity)
    const r = rateAt(c, t)
    const vEnd = end === Infinity ? Infinity : v + r * (end - t)
    if (vEnd >= local) return t + (local - v) / r
    if (limit && pieces >= limit.pieces) {
      limit.hop = true
      return end
    }
    t = end
    v = vEnd
  }
}

/** Jump the local clock by `by` seconds at true time t. */
export function stepClock(c: HardwareClock, t: number, by: number): void {
  advanceTo(c, t)
  c.c0 += by
  c.anchorGen++
}

/**
 * Absorb `amount` seconds gradually at `maxRate` (dimensionless, e.g. 500e-6 like adjtime),
 * replacing any slew in progress (as adjtime does).
 */
export function slewClock(c: HardwareClock, t: number, amount: number, maxRate: number): void {
  advanceTo(c, t)
  if (amount === 0 || maxRate <= 0) {
    c.slewRate = 0
    c.slewEnd = t
  } else {
    c.slewRate = Math.sign(amount) * maxRate
    c.slewEnd = t + Math.abs(amount) / maxRate
  }
  c.anchorGen++
}

/** Seconds of slew still to be absorbed at true time t. */
export function slewRemaining(c: HardwareClock, t: number): number {
  return t < c.slewEnd ? c.slewRate * (c.slewEnd - t) : 0
}

export function setFrequency(c: HardwareClock, t: number, freq: number): void {
  advanceTo(c, t)
  c.freq = freq
  c.anchorGen++
}

export function setSkew(c: HardwareClock, t: number, skew: number): void {
  advanceTo(c, t)
  c.skew = skew
  c.anchorGen++
}
