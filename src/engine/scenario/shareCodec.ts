import { Inflate, deflateSync } from 'fflate'
import { parseScenario, type Scenario, type ScenarioInput } from './schema'
import { parseScenarioText } from './text'

/**
 * Share links (docs/ui-contract.md): `#s=<payload>` where payload = base64url(deflate-raw(JSON)).
 * fflate does the compression: small (8 kB), synchronous (so decoding is a pure function the
 * tests can hammer), and its streaming inflater lets us stop a decompression bomb early.
 *
 * The JSON is `{ v: 1, scenario, t? }`: a version-1 scenario whose `faults`/`workload` already
 * carry the live interventions, and optionally the simulated time the sender was looking at.
 */
interface SharedRun {
  scenario: Scenario
  /**
   * The scenario as the link wrote it (validated, defaults not filled in): what a loader or an
   * export should use, since the filled-in form is the engine's and not a scenario file.
   */
  input: ScenarioInput
  /** simulated time to open at (paused), when the link carries one */
  t?: number
}

export type DecodeResult = ({ ok: true } & SharedRun) | { ok: false; error: string }

/** Limits that keep a hostile link cheap to reject. */
export const MAX_LINK_CHARS = 200_000
export const MAX_JSON_BYTES = 2_000_000

export function encodeShare(scenario: ScenarioInput | Scenario, t?: number): string {
  return packJson(t === undefined ? { v: 1, scenario } : { v: 1, scenario, t })
}

/** Any JSON value as a link payload: base64url(deflate-raw(JSON)) — share links, lesson links. */
export function packJson(value: unknown): string {
  return toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(value)), { level: 9 }))
}

/**
 * A payload back to JSON within the size limits, or why not (`what` names the link in the
 * message: "share link: not valid JSON (…)"). Read as scenario files are: a BOM accepted,
 * nesting past the cap refused by field. Never throws.
 */
export function unpackJson(
  payload: string,
  what: string,
): { ok: true; json: unknown } | { ok: false; error: string } {
  if (payload.length === 0) return { ok: false, error: `${what}: empty` }
  if (payload.length > MAX_LINK_CHARS)
    return { ok: false, error: `${what}: too long (${payload.length} characters)` }
  if (!/^[A-Za-z0-9_-]+$/.test(payload))
    return { ok: false, error: `${what}: contains characters outside base64url` }
  const bytes = fromBase64Url(payload)
  if (!bytes) return { ok: false, error: `${what}: not valid base64url` }
  const inflated = inflateCapped(bytes, MAX_JSON_BYTES)
  if (typeof inflated === 'string') return { ok: false, error: `${what}: ${inflated}` }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated)
  } catch {
    return { ok: false, error: `${what}: not UTF-8 text` }
  }
  const read = parseScenarioText(text)
  return read.ok ? read : { ok: false, error: `${what}: ${read.error}` }
}

/** Decode a payload (with or without a leading `#s=` / `s=`). Never throws. */
export function decodeShare(link: string): DecodeResult {
  try {
    let payload = link.trim()
    const at = payload.indexOf('s=')
    if (payload.startsWith('#') || at === 0) payload = payload.slice(at + 2)
    const unpacked = unpackJson(payload, 'share link')
    if (!unpacked.ok) return unpacked
    const json = unpacked.json
    if (!json || typeof json !== 'object' || (json as { v?: unknown }).v !== 1)
      return { ok: false, error: 'share link: unknown format version' }
    const { scenario, t } = json as { scenario?: unknown; t?: unknown }
    if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t) || t < 0))
      return { ok: false, error: 'share link: t must be a non-negative number' }
    const parsed = parseScenario(scenario)
    if (!parsed.ok) return { ok: false, error: `share link: ${parsed.error}` }
    const input = scenario as ScenarioInput
    return t === undefined
      ? { ok: true, scenario: parsed.scenario, input }
      : { ok: true, scenario: parsed.scenario, input, t }
  } catch (e) {
    return { ok: false, error: `share link: ${e instanceof Error ? e.message : 'unreadable'}` }
  }
}

function inflateCapped(bytes: Uint8Array, cap: number): Uint8Array | string {
  const chunks: Uint8Array[] = []
  let total = 0
  let tooBig = false
  const inf = new Inflate((chunk) => {
    total += chunk.length
    if (total > cap) tooBig = true
    else chunks.push(chunk)
  })
  try {
    // Feed in slices so an oversize stream is noticed early.
    for (let i = 0; i < bytes.length && !tooBig; i += 4096) {
      inf.push(bytes.subarray(i, i + 4096), i + 4096 >= bytes.length)
    }
  } catch {
    return 'corrupt or truncated data'
  }
  if (tooBig) return `expands beyond ${cap} bytes`
  if (total === 0) return 'corrupt or truncated data'
  const out = new Uint8Array(total)
  let off = 0
  for (const c of chunks) {
    out.set(c, off)
    off += c.length
  }
  return out
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]
    if (i + 2 < bytes.length) out += ALPHABET[n & 63]
  }
  return out
}

function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((s.length * 3) / 4))
  let o = 0
  for (let i = 0; i < s.length; i += 4) {
    let n = 0
    const len = Math.min(4, s.length - i)
    for (let j = 0; j < 4; j++) {
      const v = j < len ? LOOKUP[s.charCodeAt(i + j)] : 0
      if (v < 0) return null
      n = (n << 6) | v
    }
    out[o++] = (n >> 16) & 255
    if (len > 2) out[o++] = (n >> 8) & 255
    if (len > 3) out[o++] = n & 255
  }
  return out.subarray(0, o)
}
