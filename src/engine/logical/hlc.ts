/**
 * Hybrid logical clocks (Kulkarni, Demirbas, Madappa, Avva, Leone, "Logical Physical Clocks",
 * OPODIS 2014, Fig. 5; docs/algorithms.md §4/§7). State (l, c): l is the largest physical time the
 * node has heard of, c counts events that share that l. pt is the node's own physical clock
 * reading. Properties: l ≥ pt; l − pt is bounded by the clock error; e → f implies
 * hlc(e) < hlc(f); and (l, c) never goes backwards, even when pt does (a clock stepped back).
 */

export interface Hlc {
  l: number
  c: number
}

/** A local event or a send at physical time `pt`, in place. */
export function hlcTick(h: Hlc, pt: number): void {
  // l' = max(l, pt); c = (l' == l) ? c + 1 : 0
  if (pt > h.l) {
    h.l = pt
    h.c = 0
  } else h.c++
}

/** A receipt of a message stamped (ml, mc) at physical time `pt`, in place. */
export function hlcReceive(h: Hlc, ml: number, mc: number, pt: number): void {
  const l = h.l
  const next = l > ml ? (l > pt ? l : pt) : ml > pt ? ml : pt
  if (next === l && next === ml) h.c = (h.c > mc ? h.c : mc) + 1
  else if (next === l) h.c++
  else if (next === ml) h.c = mc + 1
  else h.c = 0
  h.l = next
}

/** Lexicographic order of HLC timestamps. Negative when a < b. */
export function compareHlc(al: number, ac: number, bl: number, bc: number): number {
  return al !== bl ? al - bl : ac - bc
}

/**
 * An HLC timestamp as one number, for stores that order versions by a number: l + c·HLC_TICK.
 * Exact ordering while c < (clock resolution)/HLC_TICK — a million events at one l at 1 µs.
 */
const HLC_TICK = 1e-12

export function hlcValue(h: Hlc): number {
  return h.l + h.c * HLC_TICK
}
