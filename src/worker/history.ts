import { peekLocal } from '../engine'
import type { Simulation, TraceRecord } from '../engine'

/**
 * Offset and frequency-correction history for the clock charts, sampled on a grid of simulated
 * time in the worker and sent to the UI in chunks a few times a second (never per frame).
 *
 * Exact grid samples without changing the run. Clocks are piecewise linear between events and
 * only events change them, and the engine traces every event before it acts on it. So when the
 * first trace record at a time t arrives, the state at each grid point g < t is the state after
 * the last event at or before g: the local time there is `offsetOf`-style peeking ahead from
 * each clock's anchor (display-only reads, as frames do). The rest of the grid up to `now` is
 * sampled when a frame is built. Sampling never calls into the engine's event processing, so
 * the trace hash is the one the CLI prints.
 */

/** At most this many nodes get their own line (more are unreadable); accuracy and precision cover all. */
export const MAX_CHART_NODES = 32
/** A flush holds at most this many samples: a longer backlog keeps its newest part. */
export const MAX_PENDING_SAMPLES = 8192

export interface HistorySamples {
  /** how many nodes each sample holds (the first `nodes` of the run) */
  nodes: number
  /** sample times (true seconds), increasing */
  t: Float64Array
  /** per sample, per charted node: local − true (s); NaN while the node is crashed */
  offset: Float64Array
  /** per sample, per charted node: the rate correction its clock runs with (ppm) */
  correction: Float64Array
  /** per sample: max |offset| and max − min offset over every live node (docs/cli.md) */
  accuracy: Float64Array
  precision: Float64Array
}

/**
 * Grid spacing from the playback speed: about one sample per display frame, so a clock step
 * shows as a step and not as a ramp at any speed, but never coarser than one simulated second
 * (NTP's burst spacing is 2 s) nor finer than about a millisecond. Powers of two keep the grid
 * points exact in floating point.
 */
const FINEST_INTERVAL = 2 ** -10

export function sampleInterval(speed: number): number {
  const want = speed / 60
  const k = 2 ** Math.round(Math.log2(Math.max(want, 1e-9)))
  return Math.min(1, Math.max(FINEST_INTERVAL, k))
}

export interface HistorySampler {
  /** feed every trace record (compose with the frame builder's sink) */
  trace(rec: TraceRecord): void
  /** sample the grid up to the simulation's current time (call before flushing) */
  catchUp(): void
  setSpeed(speed: number): void
  /**
   * The run is about to go straight to `target` (a long replay or seek): sample only the grid
   * points a flush there keeps (the newest MAX_PENDING_SAMPLES); the older ones would be
   * trimmed unsent, and sampling them at the finest grid cost more than the simulation itself.
   */
  skipTo(target: number): void
  /**
   * The samples gathered since the last take, or null when there is nothing to say. `dropFrom`:
   * before appending, drop the samples held from this time on (−Infinity: all of them, at the
   * start of a run; a time: the run went back there, a seek, and is being re-run), else null.
   */
  take(): { dropFrom: number | null; samples: HistorySamples } | null
}

export function createHistorySampler(sim: () => Simulation | null, speed = 1): HistorySampler {
  let k = sampleInterval(speed)
  /** next grid point to sample */
  let next = 0
  let last = -Infinity
  let dropFrom: number | null = -Infinity
  let t: number[] = []
  let offset: number[] = []
  let correction: number[] = []
  let accuracy: number[] = []
  let precision: number[] = []
  let width = 0

  function sampleAt(s: Simulation, g: number): void {
    const count = s.nodeIds.length
    width = Math.min(count, MAX_CHART_NODES)
    let hi = -Infinity
    let lo = Infinity
    let acc = 0
    for (let i = 0; i < count; i++) {
      const up = s.statusOf(i) !== 'crashed'
      // The anchor is at or before g (see above), so this peeks forward exactly.
      const o = up || i < width ? peekOffset(s, i, g) : 0
      if (up) {
        if (o > hi) hi = o
        if (o < lo) lo = o
        if (Math.abs(o) > acc) acc = Math.abs(o)
      }
      if (i < width) {
        offset.push(up ? o : NaN)
        const c = s.clockOf(i)
        correction.push((c.freq + (g < c.slewEnd ? c.slewRate : 0)) * 1e6)
      }
    }
    t.push(g)
    accuracy.push(acc)
    precision.push(hi >= lo ? hi - lo : 0)
    last = g
  }

  /** Sample every grid point strictly before `until` (or up to and including it when `inclusive`). */
  function sampleTo(until: number, inclusive: boolean): void {
    const s = sim()
    if (!s) return
    if (until < last) {
      // Time went backwards (a seek restored a checkpoint): what was sampled from here on is
      // re-sampled as the run is re-run; what came before still holds.
      drop()
      next = Math.ceil(until / k) * k
      dropFrom = Math.min(dropFrom ?? Infinity, next)
      last = -Infinity
    }
    while (inclusive ? next <= until : next < until) {
      sampleAt(s, next)
      next += k
      // Trim in batches: slicing on every sample made long headless replays quadratic.
      if (t.length >= 2 * MAX_PENDING_SAMPLES) trim()
    }
  }

  function trim(): void {
    const cut = t.length - MAX_PENDING_SAMPLES
    t = t.slice(cut)
    accuracy = accuracy.slice(cut)
    precision = precision.slice(cut)
    offset = offset.slice(cut * width)
    correction = correction.slice(cut * width)
  }

  function drop(): void {
    t = []
    offset = []
    correction = []
    accuracy = []
    precision = []
  }

  return {
    trace(rec) {
      sampleTo(rec.t, false)
    },
    catchUp() {
      const s = sim()
      if (s) sampleTo(s.now, true)
    },
    skipTo(target) {
      next = Math.max(next, (Math.ceil(target / k) - MAX_PENDING_SAMPLES + 1) * k)
    },
    setSpeed(speed) {
      const nk = sampleInterval(speed)
      if (nk === k) return
      k = nk
      // Continue on the new grid after the last point sampled.
      if (last > -Infinity) next = Math.floor(last / k) * k + k
    },
    take() {
      if (t.length === 0 && dropFrom === null) return null
      const out = {
        dropFrom,
        samples: {
          nodes: width,
          t: Float64Array.from(t),
          offset: Float64Array.from(offset),
          correction: Float64Array.from(correction),
          accuracy: Float64Array.from(accuracy),
          precision: Float64Array.from(precision),
        },
      }
      dropFrom = null
      drop()
      return out
    },
  }
}

/** local − true time of node i at true time g, at or after its clock's anchor, without changing the run. */
function peekOffset(s: Simulation, i: number, g: number): number {
  return peekLocal(s.clockOf(i), g) - g
}
