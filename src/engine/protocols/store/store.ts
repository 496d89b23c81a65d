import type { ProtocolDef } from '../protocol'
import { groupMessage, groupTimer, startGroup, type GroupMember } from '../paxos/group'
import { storeConfig, type StoreConfig } from './config'
import {
  beginTxn,
  onDecided,
  onReadReply,
  onVote,
  onWaitTimer,
  recoverCoordinator,
  retryCoordinated,
} from './coordinator'
import { isStoreKind, type StoreMessageKind, type StoreMessages } from './messages'
import {
  afterApply,
  onDecide,
  onPrepare,
  onQuery,
  onRead,
  onVoteInfo,
  recoverStalled,
} from './participant'
import { applyLearned } from './replica'
import { createShard } from './shard'
import {
  onSafeTime,
  onSnapRead,
  onSnapReply,
  retrySnapshots,
  serveWaiting,
  startSnapshot,
} from './snapshot'
import { createStoreState, type StoreState } from './state'

/**
 * The sharded transactional store (`transactions` in a scenario; docs/transactions.md). Every
 * node runs it: any node may coordinate a transaction or a snapshot read, and the members of
 * each shard also run that shard's Multi-Paxos group (protocols/paxos/group.ts) and apply its log.
 */

const TICK = 'tick'
const WAIT = 'wait:'

type Ctx = Parameters<ProtocolDef['init']>[0]

function applyGroup(ctx: Ctx, s: StoreState, cfg: StoreConfig, g: GroupMember | null) {
  if (!g) return
  applyLearned(ctx, s, g, (st, cmd) => {
    afterApply(ctx, s, st, cmd)
    serveWaiting(ctx, s, cfg, st.shard)
  })
}

/** A store message: one handler per kind (messages.ts says who sends which). */
function storeMessage(
  ctx: Ctx,
  s: StoreState,
  from: string,
  kind: StoreMessageKind,
  body: unknown,
  cfg: StoreConfig,
): void {
  switch (kind) {
    case 'txnRead':
      return onRead(ctx, s, from, body as StoreMessages['txnRead'])
    case 'txnReadReply':
      return onReadReply(ctx, s, body as StoreMessages['txnReadReply'], cfg)
    case 'txnPrepare':
      return onPrepare(ctx, s, from, body as StoreMessages['txnPrepare'])
    case 'txnVote':
      return onVote(ctx, s, body as StoreMessages['txnVote'], cfg)
    case 'txnDecide':
      return onDecide(ctx, s, from, body as StoreMessages['txnDecide'])
    case 'txnDecided':
      return onDecided(ctx, s, body as StoreMessages['txnDecided'], cfg)
    case 'txnQuery':
      return onQuery(ctx, s, from, body as StoreMessages['txnQuery'])
    case 'txnVoteInfo':
      return onVoteInfo(ctx, s, body as StoreMessages['txnVoteInfo'], cfg)
    case 'snapRead':
      return onSnapRead(ctx, s, cfg, from, body as StoreMessages['snapRead'])
    case 'snapReply':
      return onSnapReply(ctx, s, body as StoreMessages['snapReply'])
    case 'safeTime':
      return onSafeTime(ctx, s, body as StoreMessages['safeTime'])
  }
}

/**
 * A command this node proposed may be chosen at once (a one-replica shard): apply every group
 * after the store's own steps, as after a group's.
 */
function applyAll(ctx: Ctx, s: StoreState, cfg: StoreConfig) {
  for (const g of s.groups) applyGroup(ctx, s, cfg, g)
}

export const store: ProtocolDef<StoreState, StoreConfig> = {
  name: 'store',
  configure(scenario) {
    const config = storeConfig(scenario)
    return config ? { config, members: scenario.nodes.map((n) => n.id) } : null
  },
  init(ctx, cfg) {
    const groups = cfg.groups.flatMap((gc, g) =>
      gc.members.includes(ctx.nodeId) ? [startGroup(ctx, g, gc)] : [],
    )
    const s = createStoreState(groups, new Map(groups.map((g) => [g.group, createShard(g.group)])))
    ctx.setTimer(cfg.retry / 4, TICK)
    if (cfg.commitProtocol === '2pc') recoverCoordinator(ctx, s, cfg)
    return s
  },
  onMessage(ctx, s, from, kind, body, cfg) {
    if (!isStoreKind(kind))
      return applyGroup(ctx, s, cfg, groupMessage(ctx, s.groups, from, kind, body))
    storeMessage(ctx, s, from, kind, body, cfg)
    applyAll(ctx, s, cfg)
  },
  onTimer(ctx, s, key, cfg) {
    if (key === TICK) {
      retryCoordinated(ctx, s, cfg)
      recoverStalled(ctx, s, cfg)
      retrySnapshots(ctx, s, cfg)
      applyAll(ctx, s, cfg)
      ctx.setTimer(cfg.retry / 4, TICK)
      return
    }
    if (key.startsWith(WAIT)) return onWaitTimer(ctx, s, key.slice(WAIT.length), cfg)
    applyGroup(ctx, s, cfg, groupTimer(ctx, s.groups, key))
  },
  onClient(ctx, s, op, cfg) {
    if (op.op === 'txn') beginTxn(ctx, s, cfg, op)
    else if (op.op === 'snapshotRead') startSnapshot(ctx, s, cfg, op)
    applyAll(ctx, s, cfg)
  },
}
