import { describe, expect, it } from 'vitest'
import { MSG_STRIDE } from '../../worker/wire'
import { linkCurve, pointOnCurve } from './geometry'
import { firstInFlight } from './flight'
import { createMessageScene, createSceneHost, flightTime } from './messageScene'

/** where a message is drawn `f` of the way from node 0 to node 1 (the link curves a little) */
const at = (f: number) => pointOnCurve(linkCurve({ x: 0, y: 0 }, { x: 100, y: 0 }, 2), f)
/** the first square's left and top (3 px radius) */
const square = (calls: string[]) =>
  calls.slice(calls.indexOf('fillRect') + 1, calls.indexOf('fillRect') + 3).map(Number)

/** A 2D context that records every drawing call (and the fill colour of each fill). */
function fakeCanvas() {
  const calls: string[] = []
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) =>
      key in target
        ? target[key]
        : key === 'measureText'
          ? (text: string) => ({ width: text.length * 6 })
          : (...args: unknown[]) => void calls.push(key, ...args.map(String)),
    set: (target, key: string, value) => {
      if (key === 'fillStyle') calls.push(`fill=${value}`)
      target[key] = value
      return true
    },
  })
  const canvas = { width: 0, height: 0 }
  return { canvas, ctx: ctx as unknown as CanvasRenderingContext2D, calls }
}

/** `flying` copies of message 7 from node 0 to node 1 of kind 0, sent at 0, arriving at 10 */
const messages = (flying: number) =>
  Float64Array.from({ length: flying * MSG_STRIDE }, (_, k) => [7, 0, 1, 0, 0, 10][k % MSG_STRIDE])

/** two nodes 100 px apart, on a scene of 200 × 50 at a 2× display */
function scene(detailed = false) {
  const s = createMessageScene()
  s.apply({ type: 'size', width: 200, height: 50, dpr: 2 })
  s.apply({
    type: 'layout',
    nodes: [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
    ],
    radius: 0,
    detailed,
  })
  s.apply({ type: 'kinds', styles: [{ colour: '#123456', label: 'Prepare (1a)' }] })
  return s
}
const flight = (now: number, flying: number, rate = 0, receivedAt = 1000) => ({
  type: 'flight' as const,
  flight: { messages: messages(flying), now, rate, receivedAt },
})

describe('message scene', () => {
  it('runs the newest frame on at its rate for at most 0.1 s, and stands still when paused', () => {
    const f = { messages: messages(1), now: 10, rate: 2, receivedAt: 1000 }
    expect(flightTime(f, 1000)).toBe(10)
    expect(flightTime(f, 1050)).toBeCloseTo(10.1, 12)
    expect(flightTime(f, 3000)).toBeCloseTo(10.2, 12)
    expect(flightTime({ ...f, rate: 0 }, 1050)).toBe(10)
  })

  it('does not touch a blank canvas while nothing flies', () => {
    const s = scene()
    const { canvas, ctx, calls } = fakeCanvas()
    s.apply(flight(1, 0))
    expect(s.draw(canvas, ctx, 1000)).toBe(false)
    expect(calls).toEqual([])
  })

  it('sizes the canvas for the display, draws each message in its kind colour where it is, and clears once when the last lands', () => {
    const s = scene()
    const { canvas, ctx, calls } = fakeCanvas()
    s.apply(flight(5, 1))
    s.draw(canvas, ctx, 1000)
    expect([canvas.width, canvas.height]).toEqual([400, 100])
    expect(calls).toContain('fill=#123456')
    // halfway along its link
    expect(square(calls)[0]).toBeCloseTo(at(0.5).x - 3, 4)
    expect(square(calls)[1]).toBeCloseTo(at(0.5).y - 3, 4)
    calls.length = 0
    s.apply(flight(11, 0))
    s.draw(canvas, ctx, 1000)
    expect(calls.filter((c) => c === 'clearRect')).toHaveLength(1)
    expect(calls).not.toContain('fillRect')
    calls.length = 0
    s.apply(flight(12, 0))
    s.draw(canvas, ctx, 1000)
    expect(calls).toEqual([])
  })

  it('moves messages on between frames while the run plays, and stops asking for refreshes 0.1 s after the newest frame', () => {
    const s = scene()
    const { canvas, ctx, calls } = fakeCanvas()
    s.apply(flight(5, 1, 10))
    // 50 ms on at 10× is 0.5 simulated seconds: 55 % of the way
    expect(s.draw(canvas, ctx, 1050)).toBe(true)
    expect(square(calls)[0]).toBeCloseTo(at(0.55).x - 3, 4)
    expect(s.draw(canvas, ctx, 1100)).toBe(false)
    // paused: drawn once, where it stands
    s.apply(flight(5, 1, 0))
    expect(s.draw(canvas, ctx, 1050)).toBe(false)
  })

  it('does not draw a message past its arrival while the next frame is awaited', () => {
    const s = scene()
    const { canvas, ctx, calls } = fakeCanvas()
    s.apply(flight(9.99, 1, 1))
    s.draw(canvas, ctx, 1050)
    expect(calls).not.toContain('fillRect')
  })

  it('names the phase beside a few ringed dots on a small map, never beside thousands of points', () => {
    const small = scene(true)
    const { canvas, ctx, calls } = fakeCanvas()
    small.apply(flight(5, 1))
    small.draw(canvas, ctx, 1000)
    expect(calls).toContain('arc')
    expect(calls).toContain('fillText')
    expect(calls[calls.indexOf('fillText') + 1]).toBe('Prepare (1a)')
    const busy = scene(true)
    const many = fakeCanvas()
    busy.apply(flight(5, 13))
    busy.draw(many.canvas, many.ctx, 1000)
    expect(many.calls).not.toContain('fillText')
  })

  it('a new run clears the old dots', () => {
    const s = scene()
    const { canvas, ctx, calls } = fakeCanvas()
    s.apply(flight(5, 1))
    s.draw(canvas, ctx, 1000)
    calls.length = 0
    s.apply({ type: 'clear' })
    s.draw(canvas, ctx, 1000)
    expect(calls.filter((c) => c === 'clearRect')).toHaveLength(1)
    expect(calls).not.toContain('fillRect')
  })

  it('says where the first message in flight is, for tests and tools', () => {
    const curve = () => ({ x0: 0, y0: 0, cx: 50, cy: 0, x1: 100, y1: 0 })
    expect(firstInFlight(messages(2), 5, curve)).toBe('7 50.0,0.0')
    expect(firstInFlight(messages(2), 11, curve)).toBe('')
    expect(firstInFlight(messages(0), 5, curve)).toBe('')
  })

  it('a host draws after each update and at the refreshes the scene asks for, then idles', () => {
    const { canvas, ctx } = fakeCanvas()
    const queued: (() => void)[] = []
    const host = createSceneHost(canvas, ctx, (paint) => queued.push(paint))
    host.apply({ type: 'size', width: 10, height: 10, dpr: 1 })
    host.apply({ type: 'kinds', styles: [] })
    // two updates before a refresh: one paint
    expect(queued).toHaveLength(1)
    queued.shift()!()
    // nothing flies: no further refresh is asked for
    expect(queued).toHaveLength(0)
  })
})
