import type { WorkerMessage } from '../../worker/wire'
import { onWorkerMessage, sendCommand } from '../sim/actions'

export type ScenarioReply = Extract<WorkerMessage, { type: 'scenario' }>

/** Request ids of this module start high, apart from other features' counters. */
let nextId = 1_000_000
const pending = new Map<number, (reply: ScenarioReply) => void>()
/** A worker that died or never answers must not leave a button waiting for ever. */
const TIMEOUT_MS = 10_000

/**
 * The running scenario from the worker: as loaded (`base`), with the live inputs folded in
 * (`scenario`), the live log itself and the simulated time they describe (`now`).
 */
export function requestScenario(): Promise<ScenarioReply> {
  const requestId = nextId++
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(requestId)
      reject(new Error('the simulation did not answer'))
    }, TIMEOUT_MS)
    pending.set(requestId, (reply) => {
      clearTimeout(timer)
      resolve(reply)
    })
    sendCommand({ type: 'getScenario', requestId })
  })
}

onWorkerMessage((msg) => {
  if (msg.type !== 'scenario') return
  const resolve = pending.get(msg.requestId)
  if (!resolve) return
  pending.delete(msg.requestId)
  resolve(msg)
})
