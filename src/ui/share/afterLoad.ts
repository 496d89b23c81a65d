import { onWorkerMessage } from '../sim/actions'

/**
 * Call `then` once, with the outcome of the next load the worker answers (`loaded` or
 * `loadError`). Armed after the current message has been handled, so registering from inside a
 * worker-message listener waits for the *next* answer rather than the one being delivered.
 */
export function afterNextLoad(then: (ok: boolean, error: string) => void): void {
  let armed = false
  queueMicrotask(() => (armed = true))
  const stop = onWorkerMessage((msg) => {
    if (!armed || (msg.type !== 'loaded' && msg.type !== 'loadError')) return
    stop()
    then(msg.type === 'loaded', msg.type === 'loadError' ? msg.error : '')
  })
}
