import { createStore } from 'zustand/vanilla'
import type { Frame } from '../../worker/wire'

/**
 * The latest frame from the worker (~20 per second while playing) and when it arrived
 * (`performance.now()`). No React component subscribes to it: the rAF loop (frameLoop.ts) reads
 * it and writes per-frame attributes straight to the DOM.
 */
export const frameStore = createStore<{ frame: Frame | null; receivedAt: number }>(() => ({
  frame: null,
  receivedAt: 0,
}))
