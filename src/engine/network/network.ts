import { exponential, uniform, type PrngState } from '../kernel/prng'

interface Latency {
  base: number
  jitter: number
}

interface LinkOverride {
  latency?: Latency
  loss?: number
}

/** The network's mutable state: plain data so a snapshot captures it. Node indexes, not ids. */
export interface NetworkState {
  latency: Latency
  loss: number
  duplicate: number
  /** per-direction overrides keyed by linkKey(from, to) (node indexes) */
  links: Map<number, LinkOverride>
  /** group index per node while a partition is in force; -1 = in no group (talks to nobody) */
  groups: number[] | null
  /** one-way cuts, keyed by linkKey(from, to) */
  cut: Set<number>
}

export type DropReason = 'loss' | 'cut' | 'partition' | 'crashed'

/** Numeric key of one link direction (node indexes; the schema caps nodes far below 2^20). */
export const linkKey = (from: number, to: number): number => from * 1048576 + to

/** Why a message from → to cannot pass right now, or null when the path is open. */
export function blockedBy(net: NetworkState, from: number, to: number): DropReason | null {
  if (from === to) return null
  if (net.cut.size > 0 && net.cut.has(linkKey(from, to))) return 'cut'
  const g = net.groups
  if (g && (g[from] < 0 || g[from] !== g[to])) return 'partition'
  return null
}

function lossOf(net: NetworkState, from: number, to: number): number {
  if (from === to) return 0
  if (net.links.size === 0) return net.loss
  return net.links.get(linkKey(from, to))?.loss ?? net.loss
}

/** One-way delay: base + exponential jitter with mean `jitter` (docs/scenario-format.md). Loopback is instant. */
export function sampleDelay(net: NetworkState, rng: PrngState, from: number, to: number): number {
  if (from === to) return 0
  const l = (net.links.size > 0 && net.links.get(linkKey(from, to))?.latency) || net.latency
  return l.base + exponential(rng, l.jitter)
}

export function isLost(net: NetworkState, rng: PrngState, from: number, to: number): boolean {
  const p = lossOf(net, from, to)
  return p > 0 && uniform(rng) < p
}

export function isDuplicated(net: NetworkState, rng: PrngState, from: number, to: number): boolean {
  return from !== to && net.duplicate > 0 && uniform(rng) < net.duplicate
}
