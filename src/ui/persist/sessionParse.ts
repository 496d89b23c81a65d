import { interventionSchema, parseScenario, type ScenarioInput } from '../../engine'
import { nodesNamed } from '../../engine/scenario/interventions'
import type { LoggedInput } from '../../worker/inputLog'
import { MAX_SPEED, MIN_SPEED, type RunSource } from '../../worker/wire'
import { MAX_SESSION_CHARS, type Session } from './session'

/*
 * Reading a stored session back validates its scenario and inputs (zod, through the engine's
 * schema): its own module, loaded only when a session is stored, so the page's initial
 * JavaScript carries no validator.
 */

/** More live inputs than a class clicks in an hour: a longer list is not a saved session. */
const MAX_INPUTS = 20_000

export type SessionParse =
  | { ok: true; session: Session }
  | { ok: false; error: string }
  /** nothing stored */
  | { ok: false; error: null }

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0

const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= 300

function parseSource(x: unknown): RunSource | null {
  if (!isObject(x)) return null
  if (x.kind === 'preset' && typeof x.id === 'string' && x.id.length <= 100)
    return { kind: 'preset', id: x.id }
  if (x.kind === 'file' && typeof x.name === 'string' && x.name.length <= 300)
    return { kind: 'file', name: x.name }
  if (x.kind === 'link') return { kind: 'link' }
  const title = isObject(x.title) ? x.title : null
  if (x.kind === 'lesson' && title && isText(title.en) && isText(title.zh))
    return { kind: 'lesson', title: { en: title.en, zh: title.zh } }
  return null
}

/** Why `x` is not a live input of a run with these node ids, or the input. */
function parseInput(x: unknown, ids: ReadonlySet<string>): LoggedInput | string {
  if (!isObject(x) || !isTime(x.at)) return '.at: must be a non-negative time'
  if ('fault' in x) {
    const r = interventionSchema.safeParse(x.fault)
    if (!r.success) return `.fault: ${r.error.issues[0]?.message ?? 'invalid'}`
    const unknown = nodesNamed(r.data).find((id) => !ids.has(id))
    if (unknown !== undefined) return `.fault: unknown node "${unknown}"`
    return { at: x.at, fault: r.data }
  }
  if (isObject(x.client) && typeof x.client.node === 'string' && ids.has(x.client.node)) {
    const { node, op } = x.client
    if (isObject(op) && op.op === 'read') return { at: x.at, client: { node, op: { op: 'read' } } }
    if (
      isObject(op) &&
      op.op === 'propose' &&
      typeof op.value === 'string' &&
      op.value.length <= 256
    )
      return { at: x.at, client: { node, op: { op: 'propose', value: op.value } } }
  }
  return ': not an intervention or client operation of this scenario'
}

/** Read a stored session; anything malformed is an error naming the problem, never a throw. */
export function parseSession(text: string | null): SessionParse {
  if (text === null) return { ok: false, error: null }
  if (text.length > MAX_SESSION_CHARS) return { ok: false, error: 'too large' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, error: 'not JSON' }
  }
  if (!isObject(json)) return { ok: false, error: 'not an object' }
  if (json.v !== 1) return { ok: false, error: 'unknown version' }
  const parsed = parseScenario(json.base)
  if (!parsed.ok) return { ok: false, error: `scenario: ${parsed.error}` }
  const source = parseSource(json.source)
  if (!source) return { ok: false, error: 'source: unknown' }
  if (!isTime(json.now)) return { ok: false, error: 'now: must be a non-negative time' }
  const speed = json.speed
  if (typeof speed !== 'number' || !(speed >= MIN_SPEED && speed <= MAX_SPEED))
    return { ok: false, error: `speed: must be between ${MIN_SPEED} and ${MAX_SPEED}` }
  if (json.lang !== 'en' && json.lang !== 'zh')
    return { ok: false, error: 'lang: must be en or zh' }
  if (!Array.isArray(json.inputs) || json.inputs.length > MAX_INPUTS)
    return { ok: false, error: 'inputs: must be a list' }
  const ids = new Set(parsed.scenario.nodes.map((n) => n.id))
  const inputs: LoggedInput[] = []
  let last = 0
  for (let i = 0; i < json.inputs.length; i++) {
    const input = parseInput(json.inputs[i], ids)
    if (typeof input === 'string') return { ok: false, error: `inputs[${i}]${input}` }
    if (input.at < last || input.at > json.now)
      return { ok: false, error: `inputs[${i}].at: out of order` }
    last = input.at
    inputs.push(input)
  }
  return {
    ok: true,
    session: {
      v: 1,
      base: json.base as ScenarioInput,
      source,
      inputs,
      now: json.now,
      speed,
      lang: json.lang,
    },
  }
}
