import { NMIN } from './constants'

/**
 * The cluster algorithm (RFC 5905 §11.2.2; ntpd `clock_select`, second half): among the
 * truechimers, repeatedly drop the one whose offset sits farthest from the others (largest
 * selection jitter) while that spread exceeds the best server's own jitter and more than NMIN
 * survive. Pruned servers are still truechimers; they are just not averaged.
 */
export interface ClusterMember {
  offset: number
  /** peer jitter ψ */
  jitter: number
}

/** Selection jitter of member i: RMS of the others' offsets about its own. */
export function selectionJitter(members: readonly ClusterMember[], i: number): number {
  if (members.length < 2) return 0
  let sq = 0
  for (const m of members) sq += (m.offset - members[i].offset) ** 2
  return Math.sqrt(sq / (members.length - 1))
}

/**
 * Indexes (into `members`, kept in their given order) of the survivors. `members` should come
 * ordered by merit (stratum·MAXDIST + λ) so that ties drop the worse server.
 */
export function cluster(members: readonly ClusterMember[], minSurvivors = NMIN): number[] {
  let alive = members.map((_, i) => i)
  while (alive.length > minSurvivors) {
    const group = alive.map((i) => members[i])
    let worst = 0
    let worstJitter = -Infinity
    group.forEach((_, k) => {
      const j = selectionJitter(group, k)
      if (j >= worstJitter) {
        worstJitter = j
        worst = k
      }
    })
    const bestPeerJitter = Math.min(...group.map((m) => m.jitter))
    if (worstJitter <= bestPeerJitter) break
    alive = alive.filter((_, k) => k !== worst)
  }
  return alive
}
