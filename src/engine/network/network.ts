import { exponential, uniform, type PrngState } from '../kernel/prng'

export interface Latency {
  base: number
  jitter: number
}

export interface LinkOverride {
  latency?: Latency
  loss?: number
}

/** The network's mutable state: plain data so a snapshot captures it. Node indexes, not ids. */
export interface NetworkState {
  latency: Latency
  loss: number
  duplicate: number
  /** per-direction overrides keyed `${from}>${to}` (node indexes) */
  links: Record<string, LinkOverride>
  /** group index per node while a partition is in force; -1 = in no group (talks to nobody) */
  groups: number[] | null
  cut: Record<string, true>
}

export type DropReason = 'loss' | 'cut' | 'partition' | 'crashed'

export const linkKey = (from: number, to: number): string => `${from}>${to}`

/** Why a message from → to cannot pass right now, or null when the path is open. */
export function blockedBy(net: NetworkState, from: number, to: number): DropReason | null {
  if (from === to) return null
  if (net.cut[linkKey(from, to)]) return 'cut'
  const g = net.groups
  if (g && (g[from] < 0 || g[from] !== g[to])) return 'partition'
  return null
}

export function lossOf(net: NetworkState, from: number, to: number): number {
  if (from === to) return 0
  return net.links[linkKey(from, to)]?.loss ?? net.loss
}

/** One-way delay: base + exponential jitter with mean `jitter` (contract.md §1). Loopback is instant. */
export function sampleDelay(net: NetworkState, rng: PrngState, from: number, to: number): number {
  if (from === to) return 0
  const l = net.links[linkKey(from, to)]?.latency ?? net.latency
  return l.base + exponential(rng, l.jitter)
}

export function isLost(net: NetworkState, rng: PrngState, from: number, to: number): boolean {
  const p = lossOf(net, from, to)
  return p > 0 && uniform(rng) < p
}

export function isDuplicated(net: NetworkState, rng: PrngState, from: number, to: number): boolean {
  return from !== to && net.duplicate > 0 && uniform(rng) < net.duplicate
}
