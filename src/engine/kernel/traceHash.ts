/**
 * Running 64-bit trace hash (two 32-bit lanes, murmur3-style mixing). Numbers are hashed by
 * their exact IEEE-754 bits, so the hash pins every float the simulation produced.
 */
const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)

export interface TraceHash {
  a: number
  b: number
}

export function createHash(): TraceHash {
  return { a: 0x811c9dc5, b: 0x01000193 }
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}

/**
 * Fold one trace record — a type code, the true time's exact bits and four integer fields —
 * into the hash. Lane a mixes every word; lane b folds lane a once per record, so the state stays
 * 64 bits at about half the cost of mixing every word into both lanes (this runs per event).
 */
export function hashRecord(
  h: TraceHash,
  code: number,
  t: number,
  a: number,
  b: number,
  c: number,
  d: number,
): void {
  f64[0] = t
  let x = mix(h.a, code)
  x = mix(x, u32[0])
  x = mix(x, u32[1])
  x = mix(x, a | 0)
  x = mix(x, b | 0)
  x = mix(x, c | 0)
  x = mix(x, d | 0)
  h.a = x
  h.b = mix(h.b, x ^ u32[1])
}

/** A stable 32-bit code for a string (FNV-1a). Kinds and keys are short: hashing beats a memo lookup. */
export function stringCode(s: string): number {
  let c = 0x811c9dc5
  for (let i = 0; i < s.length; i++) c = Math.imul(c ^ s.charCodeAt(i), 0x01000193)
  return c | 0
}

function fmix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export function hashHex(h: TraceHash): string {
  const a = fmix(h.a ^ h.b)
  const b = fmix(h.b + Math.imul(h.a, 0x9e3779b1))
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}
