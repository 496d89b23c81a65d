import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Command, WorkerMessage } from '../../worker/wire'
import { createSimClient, PING_MS, STALL_MS, type WorkerPort } from './client'

class FakeWorker implements WorkerPort {
  sent: Command[] = []
  terminated = false
  onmessage: WorkerPort['onmessage'] = null
  onerror: WorkerPort['onerror'] = null
  onmessageerror: WorkerPort['onmessageerror'] = null
  postMessage(cmd: Command) {
    this.sent.push(cmd)
  }
  terminate() {
    this.terminated = true
  }
  reply(msg: WorkerMessage) {
    this.onmessage?.({ data: msg } as MessageEvent<WorkerMessage>)
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent)
  }
}

const load = (id: string): Command => ({
  type: 'load',
  scenario: { id },
  source: { kind: 'preset', id },
})
const loaded = { type: 'loaded', run: {} } as WorkerMessage
const frame = { type: 'frame' } as WorkerMessage

function setup() {
  const workers: FakeWorker[] = []
  const log: string[] = []
  const client = createSimClient(
    () => {
      const w = new FakeWorker()
      workers.push(w)
      return w
    },
    {
      message: (m) => log.push(m.type),
      restarted: (d, dropped) => log.push(`restarted:${d}${dropped ? ':dropped' : ''}`),
      gaveUp: (d) => log.push(`gaveUp:${d}`),
      stalled: (stuck, on) =>
        log.push(`stalled:${stuck}:${on?.source.kind === 'preset' ? on.source.id : ''}`),
    },
  )
  return { client, workers, log, current: () => workers.at(-1)! }
}

describe('sim client', () => {
  it('recreates a dead worker with the accepted scenario and settings, paused', () => {
    const { client, workers, log, current } = setup()
    client.send({ type: 'setSpeed', speed: 5 })
    client.send(load('a'))
    client.send({ type: 'play' })
    current().reply(loaded)
    current().reply(frame)
    client.send(load('bad'))
    current().reply({ type: 'loadError', source: { kind: 'file', name: 'x' }, error: 'nope' })
    current().crash('boom')
    expect(workers).toHaveLength(2)
    expect(workers[0].terminated).toBe(true)
    // the rejected load is not replayed, and neither is play
    expect(current().sent).toEqual([{ type: 'setSpeed', speed: 5 }, load('a')])
    expect(log).toEqual(['loaded', 'frame', 'loadError', 'restarted:boom'])
  })

  it('hands each answer to a load the load it answers, in the order they were sent', () => {
    const answered: [string, Command | undefined][] = []
    const worker = new FakeWorker()
    const client = createSimClient(() => worker, {
      message: (m, l) => answered.push([m.type, l]),
      restarted: () => {},
      gaveUp: () => {},
    })
    client.send(load('big'))
    client.send(load('small'))
    worker.reply({ type: 'tooLarge' } as WorkerMessage)
    worker.reply(frame)
    worker.reply(loaded)
    expect(answered).toEqual([
      ['tooLarge', load('big')],
      ['frame', undefined],
      ['loaded', load('small')],
    ])
  })

  it('does not give a new worker the load the old one died on when there is a run to resume', () => {
    const { client, log, current } = setup()
    client.send(load('a'))
    current().reply(loaded)
    current().reply(frame)
    client.send(load('hostile'))
    current().crash('out of memory')
    expect(current().sent).toEqual([load('a')])
    expect(log.at(-1)).toBe('restarted:out of memory:dropped')
  })

  it('replays a load the worker died on before answering it when there is nothing else to run', () => {
    const { client, workers, current } = setup()
    client.send(load('a'))
    current().crash('at start')
    expect(workers).toHaveLength(2)
    expect(current().sent).toEqual([load('a')])
  })

  it('gives up after repeated deaths without a frame, and tries again on the next load', () => {
    const { client, workers, log, current } = setup()
    client.send(load('a'))
    current().reply(loaded)
    current().crash('x1')
    current().crash('x2')
    current().crash('x3')
    expect(workers).toHaveLength(3)
    expect(log.at(-1)).toBe('gaveUp:x3')
    client.send({ type: 'play' })
    expect(workers).toHaveLength(3)
    client.send(load('b'))
    expect(workers).toHaveLength(4)
    expect(current().sent).toEqual([load('b')])
  })

  it('counts failures only until the worker shows it is alive', () => {
    const { client, workers, current } = setup()
    client.send(load('a'))
    current().reply(loaded)
    for (let i = 0; i < 5; i++) {
      current().crash('again')
      current().reply(frame)
    }
    expect(workers).toHaveLength(6)
  })

  describe('watchdog', () => {
    afterEach(() => {
      vi.useRealTimers()
    })
    const pings = (w: FakeWorker) => w.sent.filter((c) => c.type === 'ping')

    it('pings once a round; a worker that answers is never reported stuck', () => {
      vi.useFakeTimers()
      const { log, current } = setup()
      for (let i = 0; i < 10; i++) {
        vi.advanceTimersByTime(PING_MS)
        const last = pings(current()).at(-1)!
        if (last.type === 'ping') current().reply({ type: 'pong', id: last.id })
      }
      expect(pings(current())).toHaveLength(10)
      expect(log.filter((l) => l.startsWith('stalled'))).toEqual([])
    })

    it('reports a worker stuck on a load, and restarts without it on the last accepted run', () => {
      vi.useFakeTimers()
      const { client, workers, log, current } = setup()
      client.send(load('a'))
      current().reply(loaded)
      client.send(load('huge'))
      vi.advanceTimersByTime(PING_MS) // the ping goes out behind the load and is not answered
      vi.advanceTimersByTime(STALL_MS - PING_MS)
      expect(log).not.toContain('stalled:true:huge')
      vi.advanceTimersByTime(PING_MS)
      expect(log).toContain('stalled:true:huge')
      expect(pings(current())).toHaveLength(1) // one ping at a time
      client.restart()
      expect(workers).toHaveLength(2)
      expect(workers[0].terminated).toBe(true)
      expect(current().sent).toEqual([load('a')])
      expect(log.at(-1)).toBe('stalled:false:')
      // a late answer from the stuck worker changes nothing
      workers[0].reply({ type: 'pong', id: 1 })
      expect(log.at(-1)).toBe('stalled:false:')
    })

    it('a stuck worker that answers again clears the report', () => {
      vi.useFakeTimers()
      const { log, current } = setup()
      vi.advanceTimersByTime(STALL_MS + PING_MS)
      expect(log).toEqual(['stalled:true:'])
      current().reply({ type: 'pong', id: 1 })
      expect(log).toEqual(['stalled:true:', 'stalled:false:'])
    })
  })
})
