/// <reference lib="webworker" />
/**
 * The simulation worker: binds the host to the worker global. Ticks at display rate; the host
 * decides how far each tick advances simulated time.
 */
import { createHost } from './host'
import type { Command } from './wire'

const TICK_MS = 1000 / 60

declare const self: DedicatedWorkerGlobalScope

const host = createHost({
  post: (msg, transfer) => self.postMessage(msg, transfer),
  wallMs: () => performance.now(),
})

self.onmessage = (e: MessageEvent<Command>) => {
  // the crash-recovery test hooks (timelineWire.ts): fail from inside the handler, as a bug
  // would, or never return, as a runaway computation would (until the UI replaces the worker)
  if (e.data.type === 'crashWorker') {
    while (e.data.hang) {
      /* stuck */
    }
    throw new Error('worker killed by the test hook')
  }
  host.handle(e.data)
}
setInterval(() => host.tick(), TICK_MS)
