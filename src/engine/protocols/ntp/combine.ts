/**
 * The combine algorithm (RFC 5905 §11.2.3; ntpd `clock_combine`): the system offset is the
 * average of the survivors' offsets weighted by 1/λ, so close, quiet servers count most. The
 * system jitter adds the survivors' weighted spread about the system peer to that peer's own
 * jitter.
 */
export interface CombineMember {
  offset: number
  distance: number
  jitter: number
}

export function combine(
  survivors: readonly CombineMember[],
  systemPeer: number,
): { offset: number; jitter: number } {
  const p = survivors[systemPeer]
  let w = 0
  let sum = 0
  let spread = 0
  for (const s of survivors) {
    const weight = 1 / s.distance
    w += weight
    sum += s.offset * weight
    spread += (s.offset - p.offset) ** 2 * weight
  }
  return { offset: sum / w, jitter: Math.sqrt(p.jitter ** 2 + spread / w) }
}
