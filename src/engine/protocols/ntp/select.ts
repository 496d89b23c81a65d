/**
 * The selection algorithm (RFC 5905 §11.2.1; ntpd `clock_select`), an intersection algorithm
 * after Marzullo: each candidate's correctness interval [θ − λ, θ + λ] contains true time if the
 * server is honest. Find the smallest interval that meets the intervals of a majority; the
 * servers whose interval meets it are truechimers, the rest falsetickers.
 */
export interface Interval {
  lo: number
  hi: number
}

export interface Intersection extends Interval {
  /** how many intervals the result was found in (m − f) */
  agreed: number
}

/**
 * For f = 0, 1, … while 2f < m: scanning endpoints upwards, the lowest point covered by at least
 * m − f intervals; scanning downwards, the highest such point; done when lo < hi. Like ntpd
 * 4.2.8, midpoints are not counted (the RFC's extra `d ≤ f` test would reject Marzullo's own
 * check vectors). Intervals are closed: at equal values a lower endpoint sorts before an upper,
 * so touching intervals count as overlapping. null when no majority agrees.
 */
export function intersect(intervals: readonly Interval[]): Intersection | null {
  const m = intervals.length
  const ends: { v: number; type: 1 | -1 }[] = []
  for (const iv of intervals) ends.push({ v: iv.lo, type: 1 }, { v: iv.hi, type: -1 })
  ends.sort((a, b) => a.v - b.v || b.type - a.type)
  for (let f = 0; 2 * f < m; f++) {
    const need = m - f
    let lo = Infinity
    let hi = -Infinity
    let n = 0
    for (const e of ends) {
      n += e.type
      if (n >= need) {
        lo = e.v
        break
      }
    }
    n = 0
    for (let i = ends.length - 1; i >= 0; i--) {
      n -= ends[i].type
      if (n >= need) {
        hi = ends[i].v
        break
      }
    }
    if (lo < hi) return { lo, hi, agreed: need }
  }
  return null
}

export interface SelectCandidate {
  offset: number
  /** root distance λ: the half-width of the correctness interval */
  distance: number
}

/**
 * Truechimers: candidates whose correctness interval meets the intersection (ntpd keeps every
 * such one for clustering). Returns one flag per candidate, or null for "no majority".
 */
export function truechimers(
  cands: readonly SelectCandidate[],
): { flags: boolean[]; agreed: Intersection } | null {
  if (cands.length === 0) return null
  const agreed = intersect(
    cands.map((c) => ({ lo: c.offset - c.distance, hi: c.offset + c.distance })),
  )
  if (!agreed) return null
  const flags = cands.map(
    (c) => c.offset + c.distance >= agreed.lo && c.offset - c.distance <= agreed.hi,
  )
  return { flags, agreed }
}
