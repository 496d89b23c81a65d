import type { Simulation, TraceRecord } from '../engine'
import { createClockNotes, type ClockNotes } from './clockNotes'
import { summarizeClocks, type NodeClockSummary } from './clockSummary'
import { createHistorySampler, type HistorySampler, type HistorySamples } from './history'

/**
 * What the clock views get from the worker besides frames: history chunks and per-node
 * summaries, posted a few times a second while running and at once when paused (so a step or a
 * live intervention shows up immediately). Typed arrays travel in the transfer list.
 */
export interface ClockFeedMessage {
  type: 'clockFeed'
  runId: number
  /** before appending, drop the history held from this time on (−Infinity: all), or null */
  dropFrom: number | null
  samples: HistorySamples
  /** present when they changed since the last message */
  summary?: NodeClockSummary[]
  notes?: ClockNotes
}

/** Wall milliseconds between two messages while running: ~8 per second. */
const FEED_INTERVAL_MS = 125

/** The history of one run being built: its trace sink and the simulation it samples. */
export interface RunHistory {
  trace(rec: TraceRecord): void
  bind(sim: Simulation): void
  /** the run is about to go straight to `target` (HistorySampler.skipTo) */
  skipTo(target: number): void
}

export interface ClockFeed {
  /** History for a run about to be created; nothing changes until `attach` (a load may be refused). */
  prepare(): RunHistory
  /** the prepared run is now the current one */
  attach(run: RunHistory, runId: number): void
  setSpeed(speed: number): void
  /** post what has gathered: throttled unless `now` (paused, stepped, intervened) */
  flush(now: boolean): void
}

interface Prepared extends RunHistory {
  sampler: HistorySampler
  notes: ClockNotes
  sim(): Simulation | null
}

export function createClockFeed(deps: {
  post(msg: ClockFeedMessage, transfer: Transferable[]): void
  wallMs(): number
}): ClockFeed {
  let current: Prepared | null = null
  let runId = 0
  let speed = 1
  let lastPost = -Infinity
  let lastSummary = ''
  let lastNotes = ''

  return {
    prepare() {
      let sim: Simulation | null = null
      const sampler = createHistorySampler(() => sim, speed)
      const notes = createClockNotes()
      const run: Prepared = {
        sampler,
        notes: notes.notes,
        sim: () => sim,
        trace: (rec) => {
          sampler.trace(rec)
          notes.trace(rec)
        },
        bind: (s) => {
          sim = s
        },
        skipTo: (target) => sampler.skipTo(target),
      }
      return run
    },
    attach(run, id) {
      current = run as Prepared
      current.sampler.setSpeed(speed)
      runId = id
      lastSummary = ''
      lastNotes = ''
      lastPost = -Infinity
    },
    setSpeed(next) {
      speed = next
      current?.sampler.setSpeed(next)
    },
    flush(now) {
      const sim = current?.sim()
      if (!current || !sim) return
      const wall = deps.wallMs()
      if (!now && wall - lastPost < FEED_INTERVAL_MS) return
      const sampler = current.sampler
      sampler.catchUp()
      const taken = sampler.take()
      const summary = summarizeClocks(sim)
      const json = JSON.stringify(summary)
      const notes = JSON.stringify(current.notes)
      const changed = json !== lastSummary
      const noted = notes !== lastNotes
      if (!taken && !changed && !noted) return
      lastPost = wall
      lastSummary = json
      lastNotes = notes
      const samples = taken?.samples ?? emptySamples()
      const msg: ClockFeedMessage = {
        type: 'clockFeed',
        runId,
        dropFrom: taken?.dropFrom ?? null,
        samples,
      }
      if (changed) msg.summary = summary
      if (noted) msg.notes = structuredClone(current.notes)
      deps.post(msg, [
        samples.t.buffer,
        samples.offset.buffer,
        samples.correction.buffer,
        samples.accuracy.buffer,
        samples.precision.buffer,
      ])
    },
  }
}

function emptySamples(): HistorySamples {
  const none = () => new Float64Array(0)
  return {
    nodes: 0,
    t: none(),
    offset: none(),
    correction: none(),
    accuracy: none(),
    precision: none(),
  }
}
