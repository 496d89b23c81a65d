/**
 * Links learned from frames reach the run store in batches once a map has many. Each change
 * re-renders the map and, past a few dozen nodes, rebuilds and re-rasters its mesh of up to
 * tens of thousands of curves: a 200-node Multi-Paxos run at the default preset's slow speed
 * learns its links a few per frame for minutes, and merged frame by frame they froze the tab.
 * A small map still shows each link with its first message.
 */
export const FEW_LINKS = 256
export const LINK_BATCH_MS = 1000

export interface LinkBatcher {
  /** a new run: nothing pending */
  reset(): void
  /**
   * A frame's new links (pairs of node indexes); returns those to merge now, in order (empty:
   * none yet). `known`: links already in the store; a paused frame takes everything pending.
   */
  add(
    newLinks: ArrayLike<number> | undefined,
    known: number,
    running: boolean,
    now: number,
  ): [number, number][]
}

export function createLinkBatcher(): LinkBatcher {
  let pending: [number, number][] = []
  let flushedAt = -Infinity
  return {
    reset() {
      pending = []
      flushedAt = -Infinity
    },
    add(newLinks, known, running, now) {
      if (newLinks)
        for (let i = 0; i + 1 < newLinks.length; i += 2)
          pending.push([newLinks[i], newLinks[i + 1]])
      if (pending.length === 0) return []
      if (running && known + pending.length > FEW_LINKS && now - flushedAt < LINK_BATCH_MS)
        return []
      flushedAt = now
      const out = pending
      pending = []
      return out
    },
  }
}
