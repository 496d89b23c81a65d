import { selectionData, trackingData, type SourceStats } from './sourceStats'

/**
 * Source selection and combining (chrony sources.c, SRC_SelectSource and combine_sources):
 * every source with usable statistics gives an interval (offset ± root distance); the largest
 * set of intervals that share a point must be a majority; sources whose interval contains that
 * point's range, or lies inside it, are selectable; of those the one with the best score is
 * selected (a new one must beat the current one by a factor SCORE_LIMIT in accumulated distance
 * ratios, so the choice does not flap); the selectable ones close enough to it in distance and
 * frequency are averaged with it.
 *
 * Offsets here are the node's *current* clock minus the source's time (positive = ahead), as
 * chrony's; the caller converts from the raw-clock statistics.
 */
type SourceStatus =
  | 'unreachable'
  | 'badStats'
  | 'unsynchronised'
  | 'distance'
  | 'jittery'
  | 'falseticker'
  | 'distant'
  | 'unselected'
  | 'selected'

interface SelectInfo {
  lo: number
  hi: number
  rootDistance: number
  stdDev: number
}

export interface Source {
  id: string
  stratum: number
  /** 8 polls' reachability, newest in bit 0, and how many polls it covers */
  reach: number
  reachSize: number
  stats: SourceStats
  sel: SelectInfo | null
  status: SourceStatus
  score: number
  /** updates left out of combining after it was found distant */
  distant: number
  /** new samples since the reference was last updated */
  updates: number
}

export interface SelectParams {
  maxDistance: number
  maxJitter: number
  combineLimit: number
  /** chrony maxclockerror (dimensionless) */
  maxClockError: number
  minSources: number
}

const SCORE_LIMIT = 10
const REACH_BITS = 8
const DISTANT_PENALTY = 32
/** chrony reselectdist and stratumweight defaults */
const RESELECT_DISTANCE = 1e-4
const STRATUM_WEIGHT = 1e-3

export interface Combined {
  /** current-clock offset at raw time `t` and its spread */
  offset: number
  t: number
  offsetSd: number
  freq: number
  freqSd: number
  skew: number
  combined: number
}

export type Selection =
  | { kind: 'none'; reason: 'noSources' | 'noMajority' | 'notEnough' | 'waiting' }
  | { kind: 'selected'; index: number; update: Combined | null }

/**
 * Select among `sources` at raw time `now`; `correction` is the current clock minus the raw
 * clock (what the client has corrected so far), `selected` the current choice.
 */
export function selectSource(
  sources: Source[],
  now: number,
  correction: number,
  selected: number | null,
  updated: number | null,
  p: SelectParams,
): Selection {
  if (updated !== null) sources[updated].updates++
  for (const s of sources) {
    s.sel = null
    if (s.reach === 0 && s.reachSize > 0) {
      s.status = 'unreachable'
      continue
    }
    const d = selectionData(s.stats, now)
    if (!d) {
      s.status = 'badStats'
      continue
    }
    if (s.stratum >= 16) {
      s.status = 'unsynchronised'
      continue
    }
    let dist = d.rootDistance
    // a source whose newest sample is old for its span gets the clock error since then
    if (d.firstAgo < 2 * d.lastAgo) dist += p.maxClockError * (2 * d.lastAgo - d.firstAgo)
    if (!(dist <= p.maxDistance)) {
      s.status = 'distance'
      continue
    }
    if (d.stdDev > p.maxJitter) {
      s.status = 'jittery'
      continue
    }
    const offset = d.offset + correction
    s.sel = { lo: offset - dist, hi: offset + dist, rootDistance: dist, stdDev: d.stdDev }
    s.status = 'unselected'
  }
  const ok = sources.map((_, i) => i).filter((i) => sources[i].sel !== null)
  if (ok.length === 0) return { kind: 'none', reason: 'noSources' }

  // Marzullo-style sweep over the endpoints (lows before highs at equal offsets).
  const ends: { at: number; low: boolean }[] = []
  for (const i of ok) {
    ends.push({ at: sources[i].sel!.lo, low: true }, { at: sources[i].sel!.hi, low: false })
  }
  ends.sort((a, b) => a.at - b.at || (a.low === b.low ? 0 : a.low ? -1 : 1))
  let depth = 0
  let bestDepth = 0
  let bestLo = 0
  let bestHi = 0
  for (const e of ends) {
    if (e.low) {
      depth++
      if (depth > bestDepth) {
        bestDepth = depth
        bestLo = e.at
      }
    } else {
      if (depth === bestDepth) bestHi = e.at
      depth--
    }
  }
  if (bestDepth <= ok.length / 2) {
    for (const i of ok) sources[i].status = 'falseticker'
    return { kind: 'none', reason: 'noMajority' }
  }
  const selectable: number[] = []
  for (const i of ok) {
    const { lo, hi } = sources[i].sel!
    if ((lo <= bestLo && hi >= bestHi) || (lo >= bestLo && hi <= bestHi)) selectable.push(i)
    else sources[i].status = 'falseticker'
  }
  if (selectable.length === 0 || selectable.length < p.minSources)
    return { kind: 'none', reason: 'notEnough' }

  let minStratum = Infinity
  for (const i of selectable) minStratum = Math.min(minStratum, sources[i].stratum)
  const distanceOf = (i: number) =>
    sources[i].sel!.rootDistance + (sources[i].stratum - minStratum) * STRATUM_WEIGHT
  const current = selected !== null && selectable.includes(selected) ? selected : null
  const selDistance = current !== null ? distanceOf(current) : 0
  let maxScore = 0
  let maxIndex = -1
  sources.forEach((s, i) => {
    if (!selectable.includes(i)) {
      s.score = 1
      s.distant = DISTANT_PENALTY
      return
    }
    const distance = distanceOf(i) + RESELECT_DISTANCE
    if (current !== null) {
      // scores move only for pairs where one of the two has a new sample
      if (i === updated || selected === updated)
        s.score = Math.max(1, (s.score * selDistance) / distance)
    } else {
      // nothing selected (or it dropped out): the least distance scores highest
      s.score = 1 / distance
    }
    if (s.score > maxScore) {
      maxScore = s.score
      maxIndex = i
    }
  })
  let choice = current
  if (choice === null || (maxIndex !== choice && maxScore > SCORE_LIMIT)) {
    if (sources[maxIndex].updates === 0) return { kind: 'none', reason: 'waiting' }
    choice = maxIndex
    for (const s of sources) {
      s.score = 1
      s.distant = 0
    }
  }
  sources[choice].status = 'selected'
  if (sources[choice].updates === 0) return { kind: 'selected', index: choice, update: null }
  for (const s of sources) s.updates = 0
  return {
    kind: 'selected',
    index: choice,
    update: combine(sources, selectable, choice, correction, p),
  }
}

/** combine_sources: weights 1/root distance for offsets, 1/σ_f² for frequencies. */
function combine(
  sources: Source[],
  selectable: number[],
  choice: number,
  correction: number,
  p: SelectParams,
): Combined {
  const ref = trackingData(sources[choice].stats)
  const result: Combined = {
    offset: ref.offset + correction,
    t: ref.t,
    offsetSd: ref.offsetSd,
    freq: ref.freq,
    freqSd: ref.freqSd,
    skew: ref.skew,
    combined: 1,
  }
  if (selectable.length === 1) return result
  const selDistance = sources[choice].sel!.rootDistance + RESELECT_DISTANCE
  let sumW = 0
  let sumOffset = 0
  let sum2Sd = 0
  let sumFW = 0
  let sumFreq = 0
  let invFreqSd2 = 0
  let invSkew2 = 0
  let combined = 0
  for (const i of selectable) {
    const s = sources[i]
    const src = trackingData(s.stats)
    if (
      i !== choice &&
      (s.sel!.rootDistance > p.combineLimit * selDistance ||
        Math.abs(ref.freq - src.freq) > p.combineLimit * (ref.skew + src.skew + p.maxClockError))
    ) {
      // a smaller penalty while the source is new
      s.distant = s.reachSize >= REACH_BITS ? DISTANT_PENALTY : 1
    } else if (s.distant > 0) {
      s.distant--
    }
    if (s.distant > 0) {
      s.status = 'distant'
      continue
    }
    const elapsed = ref.t - src.t
    const offset = src.offset + correction + elapsed * src.freq
    const offsetSd = src.offsetSd + Math.abs(elapsed) * src.freqSd
    const w = 1 / s.sel!.rootDistance
    const fw = 1 / src.freqSd ** 2
    sumW += w
    sumOffset += w * offset
    sum2Sd += w * (offsetSd ** 2 + (offset - result.offset) ** 2)
    sumFW += fw
    sumFreq += fw * src.freq
    invFreqSd2 += 1 / src.freqSd ** 2
    invSkew2 += 1 / src.skew ** 2
    combined++
  }
  return {
    offset: sumOffset / sumW,
    t: ref.t,
    offsetSd: Math.sqrt(sum2Sd / sumW),
    freq: sumFreq / sumFW,
    freqSd: 1 / Math.sqrt(invFreqSd2),
    skew: 1 / Math.sqrt(invSkew2),
    combined,
  }
}
