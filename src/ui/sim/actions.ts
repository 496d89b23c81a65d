import { DEFAULT_PRESET, presets } from '../../engine/scenario/presets'
import { MAX_SCENARIO_BYTES, parseScenarioText } from '../../engine/scenario/text'
import type { Command, Frame, LiveInput, LoadCommand, WorkerMessage } from '../../worker/wire'
import { STATUS_CODES, NODE, NODE_STRIDE, clampSpeed } from '../../worker/wire'
import { receiveConsensus, receiveViolations } from '../consensus/consensusStore'
import { receiveTransactions } from '../transactions/transactionsStore'
import { frameStore } from '../store/frameStore'
import { useRunStore, type RunState } from '../store/runStore'
import { showViews } from '../workspace/workspaceStore'
import { receiveBusy, setStalled } from './busyStore'
import { createSimClient, type SimClient, type WorkerPort } from './client'
import { createLinkBatcher } from './linkBatch'
import { createRecovery, installKillHook } from './recovery'

/**
 * The UI's actions as plain module functions (zustand's "no store actions" practice): they
 * post to the worker and set low-rate state. Frames flow back through `receive`.
 */
let client: SimClient | null = null

const set = useRunStore.setState
const get = useRunStore.getState

/** Start the worker, then `open` the first run: by default the default scenario, already running. */
export function startSimulation(makeWorker: () => WorkerPort, open = startDefault): void {
  if (client) return
  const recovery = createRecovery(send)
  onWorkerMessage((msg) => recovery.receive(msg))
  onWorkerMessage(receiveBusy)
  client = createSimClient(makeWorker, {
    message: receive,
    resume: (load) => recovery.resume(load),
    restarted: (detail, dropped) => {
      const resumed = recovery.current()
      if (resumed) set({ workerNotice: { kind: 'recovered', detail, dropped, ...resumed } })
      else set({ workerNotice: { kind: 'restarted', detail, dropped }, playing: false })
    },
    gaveUp: (detail) => set({ workerNotice: { kind: 'gaveUp', detail }, playing: false }),
    stalled: setStalled,
  })
  installKillHook(send)
  const { speed, skipQuiet } = get()
  client.send({ type: 'setSpeed', speed })
  client.send({ type: 'setSkipQuiet', on: skipQuiet })
  open()
}

export function startDefault(): void {
  loadPreset(DEFAULT_PRESET)
  play()
}

const send: SimClient['send'] = (cmd) => client?.send(cmd)

/** Load the scenario the worker found past the browser's limits, as the user chose to. */
export function loadLargeAnyway(): void {
  const large = get().large
  if (!large) return
  set({ large: null })
  send({ ...large.load, force: true })
}

/** Keep the current run; the large scenario is not loaded. */
export function keepCurrentRun(): void {
  set({ large: null })
}

/** For features with their own commands (share links, session restore, input removal). */
export const sendCommand = (cmd: Command): void => send(cmd)

export function play(): void {
  set({ playing: true })
  send({ type: 'play' })
}

export function pause(): void {
  set({ playing: false })
  send({ type: 'pause' })
}

export function togglePlay(): void {
  if (get().playing) pause()
  else play()
}

/** Stop the seek under way where it got to, paused (the worker says where: `seekEnd`). */
export function cancelSeek(): void {
  set({ playing: false })
  send({ type: 'cancel' })
}

/**
 * A fresh worker in place of one that stopped answering: the last run it had, paused at the time
 * on screen, without the load it was stuck on (client.ts); the default run when it had none.
 */
export function restartWorker(): void {
  set({ playing: false })
  client?.restart()
  if (!get().run) startDefault()
}

export function step(): void {
  set({ playing: false })
  send({ type: 'step' })
}

export function reset(): void {
  send({ type: 'reset' })
}

export function setSpeed(speed: number): void {
  const s = clampSpeed(speed)
  set({ speed: s })
  send({ type: 'setSpeed', speed: s })
}

export function setSkipQuiet(on: boolean): void {
  set({ skipQuiet: on })
  send({ type: 'setSkipQuiet', on })
}

export function inject(input: LiveInput): void {
  send({ type: 'inject', input })
}

export function loadPreset(id: string): void {
  const preset = presets.find((p) => p.id === id)
  if (!preset) return
  showViews(preset.views)
  // the preset's own pace, at which its key moment is watchable (presetSpeed.test.ts)
  setSpeed(preset.speed)
  send({ type: 'load', scenario: preset.scenario, source: { kind: 'preset', id } })
}

/**
 * Read a scenario file: too large, unreadable, not JSON or nested too deep is refused here, as
 * the CLI refuses it (a value nested 100 000 deep could not even be posted to the worker); the
 * worker validates the rest and keeps the current run if it is rejected.
 */
export async function importScenarioFile(file: File): Promise<void> {
  if (file.size > MAX_SCENARIO_BYTES) {
    set({ banner: { kind: 'tooLarge', size: file.size, max: MAX_SCENARIO_BYTES } })
    return
  }
  let text: string
  try {
    text = await file.text()
  } catch {
    set({ banner: { kind: 'unreadable' } })
    return
  }
  const read = parseScenarioText(text)
  if (!read.ok) {
    set({ banner: { kind: 'invalid', detail: read.error } })
    return
  }
  send({ type: 'load', scenario: read.json, source: { kind: 'file', name: file.name } })
}

export function dismissBanner(): void {
  set({ banner: null })
}

export function dismissWorkerNotice(): void {
  set({ workerNotice: null })
}

/**
 * Views with their own traffic (inspectors, clock history) listen here: every message from the
 * worker, after the store has taken what it needs.
 */
const listeners = new Set<(msg: WorkerMessage) => void>()

export function onWorkerMessage(listen: (msg: WorkerMessage) => void): () => void {
  listeners.add(listen)
  return () => listeners.delete(listen)
}

let lastRequestId = 0

/** Ask for a node's protocol state; the answer is an `inspection` message with the returned id. */
export function requestInspection(node: string): number {
  const requestId = ++lastRequestId
  send({ type: 'inspect', requestId, node })
  return requestId
}

/** `load`: the load an answer to one is about (the client pairs them). */
function receive(msg: WorkerMessage, load?: LoadCommand): void {
  receiveForStore(msg, load)
  for (const listen of listeners) listen(msg)
}

function receiveForStore(msg: WorkerMessage, load?: LoadCommand): void {
  switch (msg.type) {
    case 'loaded':
      frameStore.setState({ frame: null })
      linkBatch.reset()
      set({ run: msg.run, statuses: [], kinds: [], links: [], banner: null, large: null })
      return
    case 'loadError':
      set({ banner: { kind: 'invalid', detail: msg.error } })
      return
    case 'tooLarge':
      if (load) set({ large: { load, over: msg.over, estimate: msg.estimate, limits: msg.limits } })
      return
    case 'commandError':
      set({ banner: { kind: 'refused', detail: msg.error } })
      return
    case 'frame':
      if (msg.runId !== get().run?.runId) return
      {
        // the run store first: the frame's painters run as it lands and read what it names
        // (a paused Step's first message of a new kind was drawn without its kind's colour)
        const changes = lowRateChanges(get(), msg)
        if (Object.keys(changes).length > 0) set(changes)
      }
      frameStore.setState({ frame: msg, receivedAt: performance.now() })
      return
    case 'consensus':
      return receiveConsensus(msg)
    case 'violations':
      return receiveViolations(msg)
    case 'transactions':
      return receiveTransactions(msg)
    case 'scenario':
    case 'inspection':
      // No view asks for these yet (export and inspectors are later issues).
      return
  }
}

/** Links learned from frames, passed to the store in batches on a large map (linkBatch.ts). */
const linkBatch = createLinkBatcher()

/**
 * The parts of a frame React renders, returned only when they differ from the store. Play state
 * is not among them: only UI commands change it, so the UI's own value is never stale, while a
 * frame posted just before a pause arrived would briefly say "running".
 */
function lowRateChanges(state: RunState, frame: Frame): Partial<RunState> {
  const out: Partial<RunState> = {}
  const n = frame.nodes.length / NODE_STRIDE
  let changed = state.statuses.length !== n
  const statuses = state.statuses.slice(0, n)
  for (let i = 0; i < n; i++) {
    const s = STATUS_CODES[frame.nodes[i * NODE_STRIDE + NODE.status]]
    if (statuses[i] !== s) {
      statuses[i] = s
      changed = true
    }
  }
  if (changed) out.statuses = statuses
  if (frame.kinds) out.kinds = frame.kinds
  const links = linkBatch.add(frame.newLinks, state.links.length, frame.running, performance.now())
  if (links.length > 0) out.links = [...state.links, ...links]
  return out
}
