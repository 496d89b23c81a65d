import { expect, it } from 'vitest'
import type { Command, WorkerMessage } from '../../worker/wire'
import { frameStore } from '../store/frameStore'
import { useRunStore } from '../store/runStore'
import { startSimulation } from './actions'
import type { WorkerPort } from './client'

it("a frame reaches its painters after the run store has what it names (a new message kind's colour)", () => {
  let port: (WorkerPort & { sent: Command[] }) | null = null
  startSimulation(
    () =>
      (port = {
        sent: [],
        onmessage: null,
        onerror: null,
        onmessageerror: null,
        postMessage(cmd) {
          this.sent.push(cmd)
        },
        terminate() {},
      }),
    () => {},
  )
  const reply = (msg: unknown) => port!.onmessage?.({ data: msg as WorkerMessage } as MessageEvent)
  reply({ type: 'loaded', run: { runId: 1, nodes: [], links: [] } })
  const seen: (readonly string[])[] = []
  const stop = frameStore.subscribe(() => seen.push(useRunStore.getState().kinds))
  reply({
    type: 'frame',
    runId: 1,
    running: false,
    nodes: new Float64Array(0),
    messages: new Float64Array(0),
    kinds: ['time-request'],
  })
  stop()
  expect(seen).toEqual([['time-request']])
})
