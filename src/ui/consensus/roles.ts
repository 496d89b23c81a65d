import type { MessageKey } from '../i18n'
import type { NodeStructure } from './consensusStore'

/**
 * The role word for a node. Multi-Paxos nodes are leader, candidate or follower; in single
 * decree every node is proposer, acceptor and learner at once, so a node is called a proposer
 * while it runs a ballot and an acceptor otherwise.
 */
export type RoleName = 'leader' | 'candidate' | 'follower' | 'proposer' | 'acceptor' | 'crashed'

export function roleName(n: NodeStructure, mode: 'single' | 'multi'): RoleName {
  if (n.role === null) return 'crashed'
  if (mode === 'multi') return n.role
  return n.quorum ? 'proposer' : 'acceptor'
}

export const roleKey = (r: RoleName): MessageKey => `consensus.role.${r}`
