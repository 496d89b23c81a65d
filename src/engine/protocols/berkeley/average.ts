/**
 * The fault-tolerant average of Berkeley's TEMPO (Gusella & Zatti, 1989): average only the
 * clocks that agree with each other, so one wild clock cannot drag everyone. DriftLab's rule:
 * the largest group of readings whose spread (max − min) is at most `bound`; ties go to the group
 * holding the master's own reading, then to the tighter group, then to the lower one. The
 * readings outside it are outliers: not averaged, but still corrected towards the average.
 */
export interface Reading {
  node: string
  offset: number
}

export interface Agreement {
  average: number
  used: string[]
  outliers: string[]
}

export function faultTolerantAverage(
  readings: readonly Reading[],
  bound: number,
  prefer: string,
): Agreement {
  const sorted = [...readings].sort((a, b) => a.offset - b.offset || (a.node < b.node ? -1 : 1))
  let best = { from: 0, to: 0, prefers: false, spread: Infinity }
  let to = 0
  for (let from = 0; from < sorted.length; from++) {
    if (to < from) to = from
    while (to + 1 < sorted.length && sorted[to + 1].offset - sorted[from].offset <= bound) to++
    const count = to - from + 1
    const bestCount = best.to - best.from + 1
    const prefers = sorted.slice(from, to + 1).some((r) => r.node === prefer)
    const spread = sorted[to].offset - sorted[from].offset
    const better =
      best.spread === Infinity ||
      count > bestCount ||
      (count === bestCount && prefers && !best.prefers) ||
      (count === bestCount && prefers === best.prefers && spread < best.spread)
    if (better) best = { from, to, prefers, spread }
  }
  if (sorted.length === 0) return { average: 0, used: [], outliers: [] }
  const group = sorted.slice(best.from, best.to + 1)
  const average = group.reduce((sum, r) => sum + r.offset, 0) / group.length
  const used = new Set(group.map((r) => r.node))
  return {
    average,
    used: readings.filter((r) => used.has(r.node)).map((r) => r.node),
    outliers: readings.filter((r) => !used.has(r.node)).map((r) => r.node),
  }
}
