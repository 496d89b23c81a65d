import type { StoreMessageKind } from '../../engine'
import type { MessageKey, Translate } from '../i18n'
import { phaseOf } from '../consensus/phases'

/** Clock-sync message kinds by the names a student reads (the wire names are the engine's). */
const SYNC_KINDS: Record<string, MessageKey> = {
  ntpRequest: 'kind.ntpRequest',
  ntpReply: 'kind.ntpReply',
  timeRequest: 'kind.timeRequest',
  timeReply: 'kind.timeReply',
  berkeleyQuery: 'kind.berkeleyQuery',
  berkeleyReply: 'kind.berkeleyReply',
  berkeleyAdjust: 'kind.berkeleyAdjust',
}

/** The transactions store's kinds (store/messages.ts); typed so a new kind without a name fails to compile. */
const STORE_KINDS: Record<StoreMessageKind, MessageKey> = {
  txnRead: 'kind.txnRead',
  txnReadReply: 'kind.txnReadReply',
  txnPrepare: 'kind.txnPrepare',
  txnVote: 'kind.txnVote',
  txnDecide: 'kind.txnDecide',
  txnDecided: 'kind.txnDecided',
  txnQuery: 'kind.txnQuery',
  txnVoteInfo: 'kind.txnVoteInfo',
  snapRead: 'kind.snapRead',
  snapReply: 'kind.snapReply',
  safeTime: 'kind.safeTime',
}

const NAMED_KINDS: Record<string, MessageKey> = { ...SYNC_KINDS, ...STORE_KINDS }

/** The engine's protocols (protocols/registry.ts) by name. */
const PROTOCOLS: Record<string, MessageKey> = {
  ntp: 'protocol.ntp',
  sntp: 'protocol.sntp',
  chrony: 'protocol.chrony',
  cristian: 'protocol.cristian',
  berkeley: 'protocol.berkeley',
  naive: 'protocol.naive',
  paxos: 'protocol.paxos',
  store: 'protocol.store',
}

/** The catalogue name of a message kind (Paxos kinds by their phase), or null for a kind no protocol of the app sends. */
export function kindName(kind: string): MessageKey | null {
  return phaseOf(kind)?.name ?? (Object.hasOwn(NAMED_KINDS, kind) ? NAMED_KINDS[kind] : null)
}

/** What to print for a message kind: its catalogue name, else the wire name itself (test probes). */
export function kindLabel(kind: string, t: Translate): string {
  const name = kindName(kind)
  return name ? t(name) : kind
}

/** The catalogue name of a protocol id, or null for one only tests register. */
export function protocolName(id: string): MessageKey | null {
  return Object.hasOwn(PROTOCOLS, id) ? PROTOCOLS[id] : null
}

/** What to print for a protocol id: its catalogue name, else the id. */
export function protocolLabel(id: string, t: Translate): string {
  const name = protocolName(id)
  return name ? t(name) : id
}
