import { useEffect, useState } from 'react'
import type { Inspection } from '../../../worker/wire'
import { onWorkerMessage, requestInspection } from '../../sim/actions'
import { frameStore } from '../../store/frameStore'

/** Inspections per second while the inspector is on screen. */
const INSPECT_HZ = 4

/**
 * A node's protocol state through the worker's `inspect` command, a few times a second while
 * the page is visible, and only when a new frame has arrived since the last answer (a paused run
 * is asked once). React re-renders only when the protocol state or status changed: the clock
 * reading, which changes every time, is left to the painted readouts.
 */
export function useInspection(node: string | null): Inspection | null {
  const [inspection, setInspection] = useState<Inspection | null>(null)

  useEffect(() => {
    if (!node) return
    let pending = -1
    let pendingSince = 0
    let askedAt = -1
    let shown = ''
    const stop = onWorkerMessage((msg) => {
      if (msg.type !== 'inspection' || msg.requestId !== pending) return
      pending = -1
      const i = msg.inspection
      const key = JSON.stringify([i?.status, i?.protocols, i?.logical, i?.errorBound])
      if (key === shown) return
      shown = key
      setInspection(msg.inspection)
    })
    const ask = () => {
      const frame = frameStore.getState().frame
      const wall = performance.now()
      // an answer lost with a restarted worker is given up after a while
      const waiting = pending !== -1 && wall - pendingSince < 2000
      if (!frame || document.hidden || waiting || frame.seq === askedAt) return
      askedAt = frame.seq
      pendingSince = wall
      pending = requestInspection(node)
    }
    ask()
    const timer = window.setInterval(ask, 1000 / INSPECT_HZ)
    // a frame after a pause (a step, an intervention) is worth one answer at once
    const unsubscribe = frameStore.subscribe((s) => {
      if (s.frame && !s.frame.running) ask()
    })
    return () => {
      stop()
      unsubscribe()
      window.clearInterval(timer)
      setInspection(null)
    }
  }, [node])

  return inspection?.node === node ? inspection : null
}
