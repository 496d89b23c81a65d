import { createSimulation, type Scenario, type Simulation, type TraceRecord } from '../engine'
import type { LoggedInput } from './inputLog'
import { refuseInput } from './refuse'
import { replaySliced } from './replay'
import type { Sliced } from './slices'
import { createSpacetimeRecorder, WINDOW_SECONDS, type SpacetimeRecorder } from './spacetime'
import { createTimeline, type Timeline } from './timeline'
import type { MessageDetail, TimelineMessage } from './timelineWire'

/** Chunks of simulated time between clock samples when the window is rebuilt after a seek. */
const REFILL_CHUNK = 0.25
/**
 * Rebuilding the window after a seek may take about this many wall ms: a run too busy to re-trace
 * WINDOW_SECONDS in that time gets a shorter window until live play fills it (never under
 * MIN_REFILL_SECONDS). The batch's `windowStart` tells the UI.
 */
const REFILL_BUDGET_MS = 40
const MIN_REFILL_SECONDS = 10

/**
 * The worker's record of one run: the timeline (checkpoints, head, branches, seeking) and the
 * space-time diagram's window of recent records, kept consistent with each other.
 *
 * A seek has two parts. `seek` puts the simulation at T (restore + re-run: the fast part, what a
 * frame shows); `refillWindow` then rebuilds the diagram's window up to T on a scratch copy of the
 * run, from the checkpoint before T − WINDOW_SECONDS, so the diagram after a seek shows the same
 * records it would have shown had the run been played to T. The simulation itself never records
 * while it re-runs: its trace would repeat records the window already had.
 */
interface Outgoing {
  msg: TimelineMessage
  transfer: ArrayBuffer[]
}

export interface RunRecord {
  readonly timeline: Timeline
  readonly recorder: SpacetimeRecorder
  /** compose into the simulation's trace sink */
  sink(rec: TraceRecord): void
  /** live play advanced the run: checkpoints and clock samples */
  afterAdvance(simSeconds: number, wallMs: number): void
  /**
   * Seek, in slices (slices.ts); the diagram's window is rebuilt by `refillWindow` (posted
   * batches wait for it). Stopped early, the run stands where it got to.
   */
  seek(T: number): Sliced
  refillWindow(): void
  /**
   * Re-make live inputs from the start to `until` (a restored session, a link opened at its
   * time) in slices, without recording, laying checkpoints on the way, then rebuild the window.
   * Returns why the inputs do not replay, or null. With `at`, the run then stands at `at`
   * (earlier than `until`: the later inputs stay ahead). Stopped early, the run stands where it
   * got to, with the inputs up to there, and the window is rebuilt.
   */
  replay(inputs: readonly LoggedInput[], until: number, at?: number): Sliced<string | null>
  /** before a live input: true when it starts a new branch */
  branch(): boolean
  /**
   * What to post with a frame: the timeline when it changed, and the diagram's records added
   * since the last frame (none when nothing happened). Increments ride along with frames rather
   * than at a slower pace of their own: at top speed a frame covers many simulated seconds, and
   * at slow speeds a delivered message would vanish from the frame's in-flight list before a
   * slower batch drew its arrow. They carry only what is new (typed arrays, transferred); the
   * whole window goes out only after a load or a seek.
   */
  messages(runId: number): Outgoing[]
  describe(id: number): MessageDetail | null
}

export function createRunRecord(
  scenario: Scenario,
  sim: Simulation,
  wallMs: () => number,
): RunRecord {
  const recorder = createSpacetimeRecorder(sim.nodeIds)
  recorder.reset(sim)
  recorder.attach(sim)
  const timeline = createTimeline(sim, wallMs)
  let timelineKey = ''
  let refillPending = false

  function refillWindow(): void {
    refillPending = false
    const T = sim.now
    const cost = timeline.checkpoints.msPerSimSecond()
    const span =
      cost > 0
        ? Math.max(MIN_REFILL_SECONDS, Math.min(WINDOW_SECONDS, REFILL_BUDGET_MS / cost))
        : WINDOW_SECONDS
    const from = timeline.checkpoints.atOrBefore(Math.max(0, T - span))
    // A second simulation of the same run: restored, with this run's inputs, traced into the window.
    const scratch = createSimulation(scenario)
    scratch.restore(from.world, sim.inputs)
    recorder.reset(scratch, Math.max(0, T - span))
    recorder.attach(scratch)
    scratch.trace = recorder.sink
    for (let t = scratch.now; t < T;) {
      t = Math.min(T, t + REFILL_CHUNK)
      scratch.runUntil(t)
      recorder.sampleClocks(scratch)
    }
    recorder.attach(sim)
  }

  return {
    timeline,
    recorder,
    sink: recorder.sink,
    afterAdvance(simSeconds, ms) {
      timeline.afterAdvance(simSeconds, ms)
      recorder.sampleClocks(sim)
    },
    *seek(T) {
      recorder.attach(null)
      refillPending = true
      try {
        yield* timeline.seek(T)
      } finally {
        recorder.reset(sim)
        recorder.attach(sim)
      }
    },
    refillWindow,
    *replay(inputs, until, at) {
      recorder.attach(null)
      let why: string | null = null
      try {
        // each stretch through the timeline: checkpoints are laid as the replay runs
        why = yield* replaySliced(sim, inputs, until, refuseInput, (t) => timeline.seek(t))
        if (!why && at !== undefined && at < sim.now) yield* timeline.seek(at)
        return why
      } finally {
        if (why) recorder.attach(sim)
        else refillWindow()
      }
    },
    branch: () => timeline.branch(),
    messages(runId) {
      const out: Outgoing[] = []
      const cps = timeline.checkpoints.list
      const head = timeline.head()
      // At the live edge the head moves with every frame, and frames carry it (`now`).
      const key = `${timeline.branches()}|${cps.length}|${cps.at(-1)!.t}|${head === sim.now ? 'live' : head}`
      if (key !== timelineKey) {
        timelineKey = key
        const msg: TimelineMessage = {
          type: 'timeline',
          runId,
          head,
          branches: timeline.branches(),
          replaced: timeline.replaced(),
          checkpoints: cps.map((c) => c.t),
        }
        out.push({ msg, transfer: [] })
      }
      const batch = refillPending ? null : recorder.batch(runId, sim.now)
      if (batch) out.push({ msg: batch, transfer: [batch.arrows.buffer, batch.samples.buffer] })
      return out
    },
    describe: (id) => recorder.describe(id),
  }
}
