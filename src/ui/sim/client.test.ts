import { describe, expect, it } from 'vitest'
import type { Command, WorkerMessage } from '../../worker/wire'
import { createSimClient, type WorkerPort } from './client'

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
      restarted: (d) => log.push(`restarted:${d}`),
      gaveUp: (d) => log.push(`gaveUp:${d}`),
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

  it('replays a load the worker died on before answering it', () => {
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
})
