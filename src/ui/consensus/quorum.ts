import type { PaxosNodeView } from '../../engine'
import type { Translate } from '../i18n'

/**
 * A proposer's progress toward its majority, as a short phrase for beside the node: phase 1
 * counts promises for its ballot, phase 2 the votes for its oldest open slot (the rest of the
 * open slots are counted, not spelled out). Null when there is nothing to wait for.
 */
export function quorumText(q: PaxosNodeView['quorum'], t: Translate): string | null {
  if (!q) return null
  if (q.phase === 'prepare') return t('consensus.quorum.promises', { have: q.have, need: q.need })
  if (q.slots.length === 0) return null
  const first = q.slots.reduce((a, b) => (b.slot < a.slot ? b : a))
  const text = t('consensus.quorum.accepted', {
    slot: first.slot,
    have: first.have,
    need: first.need,
  })
  return q.slots.length > 1 ? t('consensus.quorum.more', { text, n: q.slots.length - 1 }) : text
}
