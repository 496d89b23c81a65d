import {
  createSimulation,
  estimateWork,
  overLimits,
  parseScenario,
  SimulationStalled,
  UI_LIMITS,
  type Scenario,
  type ScenarioInput,
  type Simulation,
} from '../engine'
import { createClockFeed, type RunHistory } from './clockFeed'
import { createConsensusFeed, type ConsensusFeed } from './consensusFeed'
import { createTransactionsFeed, type TransactionsFeed } from './transactionsFeed'
import { createFrameBuilder, type FrameBuilder } from './frames'
import { scenarioWithInputs, type LoggedInput } from './inputLog'
import { MAX_TICK_GAP_S, paceTick, type Pacer } from './pacing'
import { answerQuery } from './lessonQuery'
import { createViolationsFeed, type ViolationsFeed } from './violationsFeed'
import { protocolLinks } from './protocolLinks'
import { refuseInput } from './refuse'
import type { Sliced } from './slices'
import { createRunWatch, loggedInputs } from './runWatch'
import { createRunRecord, type RunRecord } from './runRecord'
import { emptyHistory, recordChange, redo, undo, type UndoHistory } from './undoHistory'
import { MAX_STEP_EVENTS, toStepEvent, type StepEvent } from './stepEvents'
import {
  clampSpeed,
  type Command,
  type Inspection,
  type LiveInput,
  type PaceMode,
  type Replay,
  type RunSource,
  type WorkerMessage,
} from './wire'
import type { SeekEnd } from './timelineWire'

/**
 * The worker's logic without the worker: commands in, messages out through `post`, wall time
 * from `wallMs`. `sim.worker.ts` binds it to `self`; tests drive it directly in Node.
 */
export interface HostDeps {
  post(msg: WorkerMessage, transfer: Transferable[]): void
  /** a monotonic wall clock in milliseconds */
  wallMs(): number
}

export interface Host {
  handle(cmd: Command): void
  /**
   * Called at display rate: advances a playing run by speed × wall time, and posts a frame when
   * one is due (FRAME_INTERVAL_MS).
   */
  tick(): void
}

interface Run {
  raw: ScenarioInput
  scenario: Scenario
  source: RunSource
  sim: Simulation
  frames: FrameBuilder
  consensus: ConsensusFeed | null
  transactions: TransactionsFeed | null
  violations: ViolationsFeed
  /** timeline (checkpoints, seeking, branches) and the space-time diagram's window */
  record: RunRecord
  /** the clock views' history of this run */
  history: RunHistory
}

/** Wall ms a slice of sliced work may take before the worker looks at its messages again. */
const SLICE_MS = 40
/** Sliced work posts progress once it has run this long, and then every PROGRESS_EVERY_MS. */
const SHOW_PROGRESS_MS = 300
const PROGRESS_EVERY_MS = 250

/**
 * Commands handled at once while sliced work is under way; the others wait in order behind it,
 * as they waited behind a long seek before seeks were sliced (a recovery's seek and a lesson's
 * stop time apply to the run being built).
 */
const AT_ONCE = new Set<Command['type']>([
  'load',
  'cancel',
  'ping',
  'play',
  'pause',
  'setSpeed',
  'setSkipQuiet',
  'inspect',
  'lessonAnswer',
  'describeMessage',
  'crashWorker',
])

/** A seek or a load's replay running in slices (slices.ts), driven by `tick`. */
interface Job {
  kind: SeekEnd['kind']
  sim: Simulation
  work: Sliced<string | null | void>
  from: number
  to: number
  startedAt: number
  progressAt: number
  /** the work ended: `result` is its return value (done) or undefined (stopped) */
  end(end: SeekEnd['end'], result: string | null | void): void
}

/**
 * Wall time between two frames of a playing run: ~20 a second (ticks are 60 a second). Readouts
 * repaint at 5 Hz; messages in flight are moved between frames by the UI (ui/topology/messageScene.ts `flightTime`).
 */
const FRAME_INTERVAL_MS = 45

export function createHost(deps: HostDeps): Host {
  let run: Run | null = null
  let runId = 0
  let playing = false
  let speed = 1
  let skipQuiet = true
  /** where a playing run pauses by itself (`stopAt`), or null */
  let stopAt: number | null = null
  let lastWall = deps.wallMs()
  let pace: PaceMode = 'normal'
  /** when the last frame went out (the wall ms of its tick or command) */
  let framePostedAt = -Infinity
  const pacer: Pacer = { rate: 0 }
  const watch = createRunWatch()
  /** the records of the instant `step` runs, collected while it runs */
  let stepped: { events: StepEvent[]; more: number } | null = null
  const clockFeed = createClockFeed(deps)
  /** the learner's changes to this scenario's intervention list; a load or a reset forgets them */
  let edits: UndoHistory<LoggedInput[]> = emptyHistory()
  let job: Job | null = null
  /** commands that arrived during `job`, to handle after it */
  let queued: Command[] = []

  const post = (msg: WorkerMessage, transfer: Transferable[] = []) => deps.post(msg, transfer)

  /**
   * Start a run; with `replay`, only if its inputs replay (else the current run goes on, with a
   * `loadError`), then stand at `at` (default: where the replay ends). The replay runs in slices;
   * `started` is called once the run is on screen (also when the replay was cancelled part way).
   */
  function start(
    raw: ScenarioInput,
    scenario: Scenario,
    source: RunSource,
    replay?: Replay,
    at?: number,
    started: () => void = () => {},
  ): void {
    const frames = createFrameBuilder(scenario.nodes.map((n) => n.id))
    const history = clockFeed.prepare()
    let consensus: ConsensusFeed | null = null
    const transactions = createTransactionsFeed(scenario)
    let record: RunRecord | null = null
    const sim = createSimulation(scenario, {
      trace: (rec) => {
        frames.trace(rec)
        history.trace(rec)
        consensus?.trace(rec)
        transactions?.trace(rec)
        record?.sink(rec)
        if (stepped && stepped.events.length < MAX_STEP_EVENTS)
          stepped.events.push(toStepEvent(rec))
        else if (stepped) stepped.more++
      },
    })
    record = createRunRecord(scenario, sim, deps.wallMs)
    consensus = createConsensusFeed(sim)
    history.bind(sim)
    // Apply what is due at t = 0 now, so a live input at t = 0 lands after the scheduled ones,
    // where a replay of the exported scenario will put it too.
    sim.runUntil(0)
    const next: Run = {
      raw,
      scenario,
      source,
      sim,
      frames,
      consensus,
      transactions,
      violations: createViolationsFeed(),
      record,
      history,
    }
    const install = () => {
      run = next
      watch.reset()
      stopAt = null
      runId++
      clockFeed.attach(history, runId)
      pacer.rate = 0
      pace = 'normal'
      post({
        type: 'loaded',
        run: {
          runId,
          source,
          name: scenario.name,
          seed: scenario.seed,
          nodes: scenario.nodes.map((n) => ({ id: n.id, reference: n.reference })),
          protocols: sim.protocols.map((p) => p.def.name),
          links: protocolLinks(scenario),
        },
      })
      sendFrame()
      started()
    }
    if (!replay) return install()
    history.skipTo(at ?? replay.until)
    beginJob({
      kind: 'load',
      sim,
      work: record.replay(replay.inputs, replay.until, at),
      from: 0,
      to: at ?? replay.until,
      end(end, why) {
        if (why) post({ type: 'loadError', source, error: why })
        else if (end !== 'abandoned') install()
      },
    })
  }

  /** A new scenario, or the same one from time 0: nothing of the old run is left to undo. */
  function fresh(): void {
    edits = emptyHistory()
    postEdits()
  }

  function postEdits(): void {
    post({ type: 'edits', runId, undo: edits.past.length, redo: edits.future.length })
  }

  /**
   * Re-make the run with another intervention list at the current time: those after it stay
   * ahead as the recorded future. The trace equals a fresh run with that list. `then` runs once
   * the new run is on screen; a list that does not replay leaves the run as it was.
   */
  function rebuild(inputs: LoggedInput[], then: () => void): void {
    if (!run) return
    const now = run.sim.now
    const until = Math.max(now, inputs.at(-1)?.at ?? 0)
    start(run.raw, run.scenario, run.source, { inputs, until }, now, then)
  }

  /** Undo or redo one change to the intervention list. */
  function move(step: typeof undo): void {
    if (!run) return
    const m = step(edits, loggedInputs(run.sim))
    if (!m) return postEdits()
    rebuild(m.state, () => {
      edits = m.history
      postEdits()
    })
  }

  function sendFrame(): void {
    if (!run) return
    framePostedAt = lastWall
    for (const msg of watch.messages(run.sim, runId)) post(msg)
    const { frame, transfer } = run.frames.build(run.sim, {
      runId,
      running: playing,
      speed,
      rate: pacer.rate,
      pace,
    })
    post(frame, transfer)
    for (const o of run.record.messages(runId)) post(o.msg, o.transfer)
    // after the frame, so its violation count is on screen before the details arrive
    const violations = run.violations.build(run.sim, runId)
    if (violations) post(violations)
    const consensus = run.consensus?.build(run.sim, runId, deps.wallMs(), !playing)
    if (consensus) post(consensus)
    const transactions = run.transactions?.build(run.sim, runId, deps.wallMs(), !playing)
    if (transactions) post(transactions)
    clockFeed.flush(!playing)
  }

  function load(json: unknown, source: RunSource, replay?: Replay, force = false): void {
    const parsed = parseScenario(json)
    if (!parsed.ok) {
      post({ type: 'loadError', source, error: parsed.error })
      return
    }
    if (!force) {
      const estimate = estimateWork(parsed.scenario)
      const over = overLimits(estimate, UI_LIMITS)
      if (over.length > 0) {
        post({ type: 'tooLarge', source, over, estimate, limits: UI_LIMITS })
        return
      }
    }
    // the new run replaces whatever was under way, and what waited for it
    queued = []
    if (job) endJob(job, 'abandoned')
    start(structuredClone(json) as ScenarioInput, parsed.scenario, source, replay, undefined, fresh)
  }

  /** Take back one live input: rebuild from the scenario with the others, up to now. */
  function removeInput(index: number, at: number): void {
    if (!run) return
    const now = run.sim.now
    const inputs = loggedInputs(run.sim)
    if (inputs[index]?.at !== at || at > now) {
      post({ type: 'commandError', command: 'removeInput', error: 'no such past input' })
      return
    }
    // later inputs go with it: they were made on a run that had it (the UI asks first)
    const keep = inputs.filter((x, i) => i !== index && x.at <= now)
    rebuild(keep, () => {
      edits = recordChange(edits, inputs)
      postEdits()
    })
  }

  function inject(input: LiveInput): void {
    if (!run) return
    const why = refuseInput(run.sim, input)
    if (why) {
      post({ type: 'commandError', command: 'inject', error: why })
      return
    }
    const before = loggedInputs(run.sim)
    run.record.branch()
    run.sim.inject(input)
    edits = recordChange(edits, before)
    sendFrame()
    postEdits()
  }

  function inspect(node: string): Inspection | null {
    if (!run || !run.sim.hasNode(node)) return null
    const sim = run.sim
    const i = sim.indexOf(node)
    const protocols: Inspection['protocols'] = {}
    for (const p of sim.protocols) {
      protocols[p.def.name] = {
        state: sim.protocolState(i, p.def.name),
        durable: sim.durableState(i, p.def.name),
      }
    }
    return {
      node,
      status: sim.statusOf(i),
      offset: sim.offsetOf(i),
      local: sim.localReading(i),
      protocols,
      logical: sim.logicalClocks(i),
      errorBound: sim.clockErrorBound(i),
    }
  }

  /** Put the run at simulated time `to`, in slices; the diagram's window follows the frame. */
  function seek(to: number): void {
    if (!run || !Number.isFinite(to)) return
    const r = run
    const w0 = deps.wallMs()
    if (to > r.sim.now) r.history.skipTo(to)
    beginJob({
      kind: 'seek',
      sim: r.sim,
      work: r.record.seek(to),
      from: r.sim.now,
      to: Math.max(0, to),
      end(end) {
        if (end === 'abandoned') return
        lastWall = deps.wallMs() // a playing run does not make up for the time the seek took
        sendFrame()
        post({ type: 'seeked', runId, to: r.sim.now, ms: deps.wallMs() - w0 })
        r.record.refillWindow()
        for (const o of r.record.messages(runId)) post(o.msg, o.transfer)
      },
    })
  }

  /** Start sliced work with a first slice now; `tick` runs the rest. */
  function beginJob(j: Omit<Job, 'startedAt' | 'progressAt'>): void {
    const now = deps.wallMs()
    job = { ...j, startedAt: now, progressAt: now }
    runSlice(job)
  }

  /** One slice of `j`: about SLICE_MS of work, then progress when it has been running a while. */
  function runSlice(j: Job): void {
    const until = deps.wallMs() + SLICE_MS
    try {
      for (;;) {
        const r = j.work.next()
        if (r.done) return endJob(j, 'done', r.value)
        if (deps.wallMs() >= until) break
      }
    } catch (e) {
      return failJob(j, e)
    }
    const wall = deps.wallMs()
    if (wall - j.startedAt >= SHOW_PROGRESS_MS && wall - j.progressAt >= PROGRESS_EVERY_MS) {
      j.progressAt = wall
      post({ type: 'seekProgress', kind: j.kind, from: j.from, at: j.sim.now, to: j.to })
    }
  }

  /**
   * Finish `j`: stopped work (cancelled, abandoned) is closed first, so the run's timeline and
   * window settle where it got to. Then the commands that waited for it.
   */
  function endJob(j: Job, end: SeekEnd['end'], result?: string | null | void): void {
    job = null
    if (end !== 'done') j.work.return(undefined)
    if (end === 'cancelled') {
      playing = false
      pace = 'normal'
      // a seek that waited behind the cancelled one would start the wait over
      queued = queued.filter((c) => c.type !== 'seek')
    }
    j.end(end, result)
    post({ type: 'seekEnd', kind: j.kind, end, at: j.sim.now, to: j.to })
    const waiting = queued
    queued = []
    for (const cmd of waiting) handle(cmd)
  }

  /** A run that stalls (engine/sim/stall.ts) cannot go on: say so instead of dying. */
  function failJob(j: Job, e: unknown): void {
    if (!(e instanceof SimulationStalled)) throw e
    job = null
    queued = []
    playing = false
    if (j.kind === 'load') j.end('done', e.message)
    else {
      post({ type: 'commandError', command: 'seek', error: e.message })
      sendFrame()
    }
    post({ type: 'seekEnd', kind: j.kind, end: 'cancelled', at: j.sim.now, to: j.to })
  }

  function setPlaying(on: boolean): void {
    playing = on
    lastWall = deps.wallMs()
    if (!on) pace = 'normal'
    // during a seek the run is on its way: the frame after it says whether it plays
    if (!job) sendFrame()
  }

  function handle(cmd: Command): void {
    if (job && !AT_ONCE.has(cmd.type)) {
      queued.push(cmd)
      return
    }
    switch (cmd.type) {
      case 'load':
        return load(cmd.scenario, cmd.source, cmd.replay, cmd.force)
      case 'play':
        return setPlaying(true)
      case 'pause':
        return setPlaying(false)
      case 'step': {
        playing = false
        pace = 'normal'
        if (!run) return
        stepped = { events: [], more: 0 }
        run.sim.step()
        const { events, more } = stepped
        stepped = null
        sendFrame()
        return post({ type: 'stepped', runId, at: run.sim.now, events, more })
      }
      case 'reset':
        if (run) start(run.raw, run.scenario, run.source, undefined, undefined, fresh)
        return
      case 'setSpeed':
        speed = clampSpeed(cmd.speed)
        clockFeed.setSpeed(speed)
        return
      case 'setSkipQuiet':
        skipQuiet = cmd.on
        return
      case 'inject':
        return inject(cmd.input)
      case 'getScenario': {
        if (!run) return
        const inputs = loggedInputs(run.sim)
        const { scenario, exact } = scenarioWithInputs(run.raw, inputs)
        return post({
          type: 'scenario',
          requestId: cmd.requestId,
          scenario,
          exact,
          base: run.raw,
          source: run.source,
          inputs,
          now: run.sim.now,
        })
      }
      case 'inspect':
        return post({
          type: 'inspection',
          requestId: cmd.requestId,
          inspection: inspect(cmd.node),
        })
      case 'stopAt':
        stopAt = cmd.at !== null && Number.isFinite(cmd.at) ? cmd.at : null
        return
      case 'lessonAnswer':
        return post({
          type: 'lessonAnswer',
          requestId: cmd.requestId,
          result: answerQuery(cmd.scenario, cmd.inputs, cmd.until, cmd.query),
        })
      case 'removeInput':
        return removeInput(cmd.index, cmd.at)
      case 'undo':
        return move(undo)
      case 'redo':
        return move(redo)
      case 'seek':
        return seek(cmd.to)
      case 'describeMessage':
        return post({
          type: 'messageDetail',
          requestId: cmd.requestId,
          detail: run?.record.describe(cmd.id) ?? null,
        })
      case 'cancel':
        if (job) endJob(job, 'cancelled')
        return
      case 'ping':
        return post({ type: 'pong', id: cmd.id })
      case 'crashWorker':
        return // sim.worker.ts handles it
    }
  }

  return {
    handle,
    tick() {
      const wall = deps.wallMs()
      const dtWall = Math.min(MAX_TICK_GAP_S, Math.max(0, (wall - lastWall) / 1000))
      lastWall = wall
      if (job) return runSlice(job)
      if (!playing || !run) return
      const t0 = run.sim.now
      const w0 = deps.wallMs()
      try {
        pace = paceTick(run.sim, pacer, {
          speed,
          dtWall,
          skipQuiet,
          quiet: run.frames.lastInFlight === 0,
          wallMs: deps.wallMs,
          limit: stopAt !== null && stopAt > t0 ? stopAt : undefined,
        })
      } catch (e) {
        if (!(e instanceof SimulationStalled)) throw e
        playing = false
        pace = 'normal'
        post({ type: 'commandError', command: 'play', error: e.message })
        return sendFrame()
      }
      run.record.afterAdvance(run.sim.now - t0, deps.wallMs() - w0)
      if (stopAt !== null && t0 < stopAt && run.sim.now >= stopAt) {
        playing = false
        pace = 'normal'
        post({ type: 'stopped', runId, at: run.sim.now })
      }
      // While messages fly, a frame goes out every FRAME_INTERVAL_MS, not every tick: the page
      // moves them between frames itself, and each frame costs its main thread a task. While the
      // last frame showed none, every tick posts: the pacer's `quiet` comes from that frame, and
      // a skip that reached a send must show the message from its start.
      if (!playing || run.frames.lastInFlight === 0 || wall - framePostedAt >= FRAME_INTERVAL_MS)
        sendFrame()
    },
  }
}
