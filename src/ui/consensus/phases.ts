import type { MessageKey } from '../i18n'

/**
 * Paxos message kinds (engine protocols/paxos/messages.ts) by phase, with fixed colours so a
 * prepare is the same violet in every run and in the legend. Phase tags follow Paxos Made
 * Simple / TLA+ `Paxos.tla` (1a prepare, 1b promise, 2a accept, 2b accepted); the others are
 * Multi-Paxos machinery (leader liveness, leases, client traffic, catch-up).
 */
export interface PhaseStyle {
  colour: string
  /** "1a" … "2b", or null for the machinery around the two phases */
  tag: string | null
  /** localized name */
  name: MessageKey
}

export const PAXOS_PHASES = {
  prepare: { colour: '#7c3aed', tag: '1a', name: 'phase.prepare' },
  promise: { colour: '#a855f7', tag: '1b', name: 'phase.promise' },
  accept: { colour: '#0369a1', tag: '2a', name: 'phase.accept' },
  accepted: { colour: '#0891b2', tag: '2b', name: 'phase.accepted' },
  nack: { colour: '#dc2626', tag: null, name: 'phase.nack' },
  heartbeat: { colour: '#94a3b8', tag: null, name: 'phase.heartbeat' },
  heartbeatAck: { colour: '#64748b', tag: null, name: 'phase.heartbeatAck' },
  forward: { colour: '#d97706', tag: null, name: 'phase.forward' },
  forwardRead: { colour: '#b45309', tag: null, name: 'phase.forwardRead' },
  readReply: { colour: '#16a34a', tag: null, name: 'phase.readReply' },
  catchup: { colour: '#a16207', tag: null, name: 'phase.catchup' },
  decide: { colour: '#15803d', tag: null, name: 'phase.decide' },
} as const satisfies Record<string, PhaseStyle>

export type PaxosKind = keyof typeof PAXOS_PHASES

/** Legend order: the two phases first, then the rest as a reader meets them. */
export const PHASE_ORDER: readonly PaxosKind[] = [
  'prepare',
  'promise',
  'accept',
  'accepted',
  'nack',
  'heartbeat',
  'heartbeatAck',
  'forward',
  'forwardRead',
  'readReply',
  'catchup',
  'decide',
]

export function phaseOf(kind: string): PhaseStyle | null {
  return Object.hasOwn(PAXOS_PHASES, kind) ? PAXOS_PHASES[kind as PaxosKind] : null
}

/** Kinds in legend order: Paxos phases first in protocol order, other kinds as they appeared. */
export function legendOrder(kinds: readonly string[]): string[] {
  const phases = PHASE_ORDER.filter((k) => kinds.includes(k))
  return [...phases, ...kinds.filter((k) => !phaseOf(k))]
}
