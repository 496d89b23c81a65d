import { createStore } from 'zustand/vanilla'
import type { Frame } from '../../worker/wire'

/**
 * The latest frame from the worker (~60 per second). No React component subscribes to it:
 * the rAF loop (frameLoop.ts) reads it and writes per-frame attributes straight to the DOM.
 */
export const frameStore = createStore<{ frame: Frame | null }>(() => ({ frame: null }))
