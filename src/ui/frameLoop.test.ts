import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Frame } from '../worker/wire'
import { FRAME_BUDGET_MS, addPainter, schedulePaint, type Painter } from './frameLoop'
import { frameStore } from './store/frameStore'

const frame = (running: boolean, flying = 0): Frame => ({
  type: 'frame',
  runId: 1,
  seq: 1,
  now: 1,
  traceHash: '',
  events: 0,
  running,
  speed: 1,
  rate: 1,
  pace: 'normal',
  inFlight: 0,
  dropped: 0,
  violations: 0,
  nodes: new Float64Array(),
  messages: new Float64Array(flying * 6),
})

/** A fake display: requestAnimationFrame callbacks run when `refresh` is called. */
let queued: FrameRequestCallback[] = []
const refresh = () => {
  const due = queued
  queued = []
  for (const cb of due) cb(0)
}
/** wall time as the painters spend it */
let clock = 0

describe('frame loop budget', () => {
  const removers: (() => void)[] = []
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => queued.push(cb))
    vi.spyOn(performance, 'now').mockImplementation(() => clock)
  })
  afterEach(() => {
    removers.splice(0).forEach((remove) => remove())
    refresh()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    frameStore.setState({ frame: null })
  })

  /** a painter that takes `ms` of wall time and records when it ran */
  const costly = (ms: number, log: number[], id: number): Painter => {
    return () => {
      clock += ms
      log.push(id)
    }
  }

  it('spreads readouts that overrun the budget over the next display refreshes while running', () => {
    const log: number[] = []
    const each = FRAME_BUDGET_MS * 0.75
    for (const id of [1, 2, 3, 4]) removers.push(addPainter(costly(each, log, id), 'readout', null))
    const moves: number[] = []
    removers.push(addPainter(costly(0.1, moves, 0), 'frame', null))
    frameStore.setState({ frame: frame(true) })
    refresh()
    // two readouts fit (the second crosses the budget), the others wait; what moves always paints
    expect(log).toEqual([1, 2])
    expect(moves).toEqual([0])
    refresh()
    expect(log).toEqual([1, 2, 3, 4])
    // no new frame: nothing new to move
    expect(moves).toEqual([0])
  })

  it('paints every readout of a paused frame at once, whatever it costs', () => {
    const log: number[] = []
    for (const id of [1, 2, 3, 4])
      removers.push(addPainter(costly(FRAME_BUDGET_MS, log, id), 'readout', null))
    frameStore.setState({ frame: frame(false) })
    refresh()
    expect(log).toEqual([1, 2, 3, 4])
  })

  it('paints what follows frames once per new frame, and nothing more while none comes', () => {
    const follows: number[] = []
    removers.push(addPainter(costly(0.1, follows, 0), 'frame', null))
    frameStore.setState({ frame: frame(true, 1), receivedAt: clock })
    refresh()
    refresh()
    refresh()
    expect(follows.length).toBe(1)
    frameStore.setState({ frame: frame(true, 1) })
    refresh()
    expect(follows.length).toBe(2)
  })

  it('paints arrival painters as each frame arrives, and asks for a display refresh only when something is owed', () => {
    const arrivals: number[] = []
    const readouts: number[] = []
    removers.push(addPainter(costly(0.1, arrivals, 0), 'arrival', null))
    removers.push(addPainter(costly(0.1, readouts, 0), 'readout', null))
    frameStore.setState({ frame: frame(true, 1) })
    refresh() // the new painters' first paint, and the readouts are due
    expect([arrivals.length, readouts.length]).toEqual([1, 1])
    // frames within the readout interval: painted on arrival, no refresh asked for
    clock += 50
    frameStore.setState({ frame: frame(true, 1) })
    clock += 50
    frameStore.setState({ frame: frame(true, 1) })
    expect(arrivals.length).toBe(3)
    expect(queued).toHaveLength(0)
    // data that arrives between two slots waits for the next one
    schedulePaint()
    expect(queued).toHaveLength(0)
    // past the interval the readouts are owed again
    clock += 200
    frameStore.setState({ frame: frame(true, 1) })
    expect(queued).toHaveLength(1)
    refresh()
    expect([arrivals.length, readouts.length]).toEqual([4, 2])
    // a paused frame is painted everywhere at once
    frameStore.setState({ frame: frame(false, 1) })
    expect(queued).toHaveLength(1)
  })
})
