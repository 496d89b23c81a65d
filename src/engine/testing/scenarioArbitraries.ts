/**
 * fast-check generators of scenarios for the parser's and the share codec's property tests:
 * valid ones (prototype-named ids included) and hostile mutations of them.
 */
import fc from 'fast-check'
import type { ScenarioInput } from '../scenario/schema'

/** Ids the id pattern allows that are also Object.prototype's names. */
export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'prototype',
] as const

const id = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), fc.constantFrom(...PROTOTYPE_NAMES))
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true })

/** Valid scenarios: random nodes, clocks, network, algorithms, faults. */
export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .uniqueArray(id, { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc.record({
      version: fc.constant(1 as const),
      name: fc.string({ maxLength: 40 }),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      duration: finite(0, 1e5),
      nodes: fc.tuple(
        ...ids.map((nid) =>
          fc.record({
            id: fc.constant(nid),
            reference: fc.boolean(),
            clock: fc.record({
              offset: finite(-1e9, 1e9),
              skewPpm: finite(-500_000, 500_000),
              wanderPpm: finite(0, 1),
            }),
          }),
        ),
      ),
      network: fc.record({
        latency: fc.record({ base: finite(0, 1), jitter: finite(0, 1) }),
        loss: finite(0, 1),
      }),
      clockSync: fc.record({
        algorithm: fc.constantFrom('ntp', 'sntp', 'cristian', 'naive', 'none'),
        pollInterval: finite(1, 1024),
        servers: fc.constant(Object.fromEntries([[ids[0], ids]])),
      }),
      faults: fc.array(
        fc.oneof(
          fc.record({
            at: finite(0, 100),
            type: fc.constant('crash'),
            node: fc.constantFrom(...ids),
          }),
          fc.record({
            at: finite(0, 100),
            type: fc.constant('clockStep'),
            node: fc.constantFrom(...ids),
            by: finite(-1e9, 1e9),
          }),
          fc.record({
            at: finite(0, 100),
            type: fc.constant('partition'),
            groups: fc.array(fc.subarray(ids), { minLength: 1, maxLength: 3 }),
          }),
          fc.record({ at: finite(0, 100), type: fc.constant('setLoss'), p: finite(0, 1) }),
        ),
        { maxLength: 8 },
      ),
    }),
  ) as fc.Arbitrary<ScenarioInput>

/** An array nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

/** An object whose keys are Object.prototype's names, as JSON.parse makes them (own keys). */
const prototypeKeyed = fc
  .subarray([...PROTOTYPE_NAMES], { minLength: 1 })
  .map((keys) => JSON.parse(`{${keys.map((k) => `"${k}": {"polluted": true}`).join(',')}}`))

/** Values no scenario field wants: huge, tiny and negative-zero numbers, deep nesting, prototype keys. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 5e-324, -0, 2 ** 53 + 1, 1e21, -1e9 - 1, 0xffffffff + 1),
  fc.constantFrom('', '\uFEFF', '\uFEFF{}', 'x'.repeat(300), '1e400'),
  fc.constantFrom(null, true, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 60, max: 3000 }).map(nested),
  prototypeKeyed,
)

/** Every path to a value inside a JSON value (the root's path is []). */
function pathsOf(value: unknown): (string | number)[][] {
  const out: (string | number)[][] = []
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }]
  while (stack.length > 0) {
    const { v, path } = stack.pop()!
    out.push(path)
    if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v))
        stack.push({ v: x, path: [...path, Array.isArray(v) ? Number(k) : k] })
  }
  return out
}

/** A copy of `value` with the value at `path` replaced (or a key added at the end of it). */
function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by
  const copy: Record<string | number, unknown> = Array.isArray(value)
    ? [...value]
    : Object.defineProperties({}, Object.getOwnPropertyDescriptors(value))
  const [head, ...rest] = path
  // defineProperty, so a "__proto__" key stays an own key as JSON.parse would make it
  Object.defineProperty(copy, head, {
    value: replaced(copy[head], rest, by),
    enumerable: true,
    writable: true,
    configurable: true,
  })
  return copy
}

/** A valid scenario with one value replaced by a hostile one, or a prototype-named key added. */
export const hostileScenarioArb: fc.Arbitrary<unknown> = scenarioArb.chain((s) => {
  const paths = pathsOf(JSON.parse(JSON.stringify(s)))
  return fc
    .record({
      at: fc.constantFrom(...paths),
      key: fc.option(fc.constantFrom(...PROTOTYPE_NAMES)),
      by: hostileValueArb,
    })
    .map(({ at, key, by }) => replaced(JSON.parse(JSON.stringify(s)), key ? [...at, key] : at, by))
})
