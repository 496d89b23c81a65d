/**
 * Seeded PRNG: xoshiro128** (Blackman & Vigna) seeded through splitmix32.
 * The state is four 32-bit words in an Int32Array (every step is 32-bit integer arithmetic, so no
 * conversions from doubles), which a snapshot (structuredClone) captures exactly.
 */
export interface PrngState {
  s: Int32Array
}

function splitmix32(x: number): [number, number] {
  x = (x + 0x9e3779b9) | 0
  let z = x
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return [x, (z ^ (z >>> 16)) >>> 0]
}

/** A generator for `seed`; `stream` derives independent generators from one seed (e.g. one per node). */
export function createPrng(seed: number, stream = 0): PrngState {
  let x = (seed ^ Math.imul(stream + 1, 0x27d4eb2f)) | 0
  const s = new Int32Array(4)
  for (let i = 0; i < 4; i++) {
    const [nx, out] = splitmix32(x)
    x = nx
    s[i] = out
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1
  return { s }
}

export function nextU32(p: PrngState): number {
  const s = p.s
  const s1 = s[1]
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
  const s2 = s[2] ^ s[0]
  const s3 = s[3] ^ s1
  s[1] = s1 ^ s2
  s[0] ^= s3
  s[2] = s2 ^ (s1 << 9)
  s[3] = rotl(s3, 11)
  return result
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

/** 2^-53: multiplying by it is exact, the same float as dividing by 2^53, at a fraction of the latency. */
const TWO_POW_MINUS_53 = 1 / 9007199254740992

/** Uniform in [0, 1) with 53 random bits. */
export function uniform(p: PrngState): number {
  const hi = nextU32(p) >>> 5
  const lo = nextU32(p) >>> 6
  return (hi * 67108864 + lo) * TWO_POW_MINUS_53
}

/** Standard normal by Box–Muller; no cached spare, so the state stays four integers. */
export function normal(p: PrngState): number {
  const u1 = 1 - uniform(p)
  const u2 = uniform(p)
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}

/** Exponential with the given mean (mean 0 gives 0 without consuming randomness). */
export function exponential(p: PrngState, mean: number): number {
  if (mean <= 0) return 0
  return -mean * Math.log(1 - uniform(p))
}
