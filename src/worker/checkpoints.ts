import type { Simulation, World } from '../engine'

/**
 * Engine checkpoints for the timeline (docs/architecture.md "worker"): whole-world snapshots taken every few
 * simulated seconds on the current branch. Seeking to T restores the latest checkpoint at or
 * before T and re-runs to T (see timeline.ts), so the cost of a seek is one restore plus at most
 * one checkpoint interval of simulation.
 *
 * Two budgets keep this affordable:
 * - time: a snapshot is a structured clone whose cost grows with the world (a Multi-Paxos log
 *   grows with every command), so the interval stretches until snapshots cost at most OVERHEAD of
 *   the time spent simulating, yet never so far that re-running one interval takes longer than
 *   MAX_RERUN_MS.
 * - memory: the number kept is capped by MEMORY_BUDGET over an estimate of one snapshot's size.
 *   Past the cap, the checkpoint whose removal leaves the smallest gap goes, with recent gaps
 *   counting up to four times as much as old ones: older stretches thin first, and the spacing
 *   stays as even as the budget allows (the longest re-run is what a seek waits for).
 */
interface Checkpoint {
  /** simulated time of the snapshot */
  t: number
  world: World
}

/** Shortest interval between checkpoints, in simulated seconds. */
export const MIN_INTERVAL = 2
/** Snapshots may cost at most this share of the wall time spent simulating. */
const OVERHEAD = 0.2
/** ...but the re-run a seek may need stays under this many wall ms (seek target: 100 ms). */
const MAX_RERUN_MS = 50
/** Estimated bytes all checkpoints of a run may hold together. */
const MEMORY_BUDGET = 64 * 2 ** 20
export const MIN_KEPT = 16
const MAX_KEPT = 400
/** A snapshot's size is estimated (JSON length) on the first and then every SIZE_EVERY-th one. */
const SIZE_EVERY = 8

export interface CheckpointStore {
  /** sorted by time; the first is the run's start and is never thinned away */
  readonly list: readonly Checkpoint[]
  /** the latest checkpoint at or before t */
  atOrBefore(t: number): Checkpoint
  latest(): Checkpoint
  /** the checkpoint after `cp` in time, if any */
  after(cp: Checkpoint): Checkpoint | undefined
  /** snapshot the simulation now (a time no checkpoint holds yet) */
  take(): void
  /** current spacing in simulated seconds */
  interval(): number
  /** wall ms one simulated second costs (smoothed; 0 before anything was measured) */
  msPerSimSecond(): number
  /** how many checkpoints the memory budget allows now */
  cap(): number
  /** record that simulating `simSeconds` took `wallMs` (drives the interval) */
  noteRun(simSeconds: number, wallMs: number): void
  /** a new branch starts at t: checkpoints after it describe a future that no longer exists */
  dropAfter(t: number): void
}

export function createCheckpoints(
  sim: Simulation,
  wallMs: () => number,
  budget = MEMORY_BUDGET,
): CheckpointStore {
  const list: Checkpoint[] = []
  let snapshotMs = 0
  /** wall ms per simulated second while simulating (smoothed) */
  let msPerSimSecond = 0
  let bytesEach = 0
  let taken = 0

  const cap = () =>
    bytesEach > 0
      ? Math.max(MIN_KEPT, Math.min(MAX_KEPT, Math.floor(budget / bytesEach)))
      : MAX_KEPT

  /** Drop checkpoints beyond the cap, never the first, the last or the one just taken. */
  function thin(keep: Checkpoint): void {
    const max = cap()
    while (list.length > max && list.length > 3) {
      const first = list[0].t
      const span = list[list.length - 1].t - first || 1
      let best = 1
      let bestScore = Infinity
      for (let i = 1; i < list.length - 1; i++) {
        if (list[i] === keep) continue
        const gap = list[i + 1].t - list[i - 1].t
        const recency = 1 + (3 * (list[i].t - first)) / span
        const score = gap * recency
        if (score < bestScore) {
          bestScore = score
          best = i
        }
      }
      list.splice(best, 1)
    }
  }

  const store: CheckpointStore = {
    list,
    atOrBefore(t) {
      // binary search: the last index with list[i].t <= t (index 0 is the start, t = 0)
      let lo = 0
      let hi = list.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (list[mid].t <= t) lo = mid
        else hi = mid - 1
      }
      return list[lo]
    },
    latest: () => list[list.length - 1],
    after(cp) {
      const i = list.indexOf(cp)
      return i < 0 ? undefined : list[i + 1]
    },
    take() {
      const w0 = wallMs()
      const world = sim.snapshot()
      const ms = wallMs() - w0
      snapshotMs = taken === 0 ? ms : snapshotMs + 0.25 * (ms - snapshotMs)
      if (taken % SIZE_EVERY === 0) bytesEach = approxBytes(world)
      taken++
      const cp = { t: sim.now, world }
      // usually at the end; inside the list when filling a stretch that thinning left sparse
      let i = list.length
      while (i > 0 && list[i - 1].t > cp.t) i--
      list.splice(i, 0, cp)
      thin(cp)
    },
    interval() {
      if (msPerSimSecond <= 0) return MIN_INTERVAL
      const affordable = snapshotMs / (OVERHEAD * msPerSimSecond)
      return Math.max(MIN_INTERVAL, Math.min(affordable, MAX_RERUN_MS / msPerSimSecond))
    },
    msPerSimSecond: () => msPerSimSecond,
    cap,
    noteRun(simSeconds, ms) {
      if (simSeconds <= 0) return
      const rate = ms / simSeconds
      msPerSimSecond = msPerSimSecond === 0 ? rate : msPerSimSecond + 0.1 * (rate - msPerSimSecond)
    },
    dropAfter(t) {
      let keep = list.length
      while (keep > 1 && list[keep - 1].t > t) keep--
      list.length = keep
    },
  }
  return store
}

/**
 * A rough size in bytes: the JSON length of the world, Maps and Sets as arrays. Good enough to
 * size a budget; never used for anything a run depends on.
 */
export function approxBytes(world: World): number {
  return JSON.stringify(world, (_k, v: unknown) =>
    v instanceof Map ? [...v] : v instanceof Set ? [...v] : v,
  ).length
}
