import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseScenario } from './schema'
import { parseScenarioText } from './text'
import {
  hostileScenarioArb,
  hostileValueArb,
  PROTOTYPE_NAMES,
  scenarioArb,
} from '../testing/scenarioArbitraries'
import { countingReads, jsonSize, WORK_PER_VALUE, WORK_BASE } from '../testing/workCount'

/** Every line of a refusal is `<field path>: <why>`, the path as formatPath writes it. */
const FIELD_LINE = /^[^\s:][^\n]*?: (must|is|unknown|duplicate|key must|upper bound|nested)\b/

function expectFieldNamed(error: string) {
  const lines = error.split('\n')
  expect(lines.length).toBeGreaterThan(0)
  for (const line of lines) expect(line).toMatch(FIELD_LINE)
}

describe('scenario parser, property tests', () => {
  it('accepts every generated valid scenario, prototype-named ids kept as given', () => {
    let protoIds = 0
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = parseScenario(s)
        expect(r.ok ? '' : r.error).toBe('')
        if (!r.ok) throw new Error(r.error)
        const ids = s.nodes.map((n) => n.id)
        expect(r.scenario.nodes.map((n) => n.id)).toEqual(ids)
        const cs = r.scenario.clockSync
        if (cs && 'servers' in cs) expect(Object.keys(cs.servers!)).toEqual([ids[0]])
        if (ids.some((i) => (PROTOTYPE_NAMES as readonly string[]).includes(i))) protoIds++
      }),
      { numRuns: 300 },
    )
    expect(protoIds).toBeGreaterThan(20) // the runs did try prototype names
  })

  it('a hostile value anywhere: never throws, refuses by field, within the work bound', () => {
    let refused = 0
    fc.assert(
      fc.property(hostileScenarioArb, (input) => {
        const { value, reads } = countingReads(input)
        const r = parseScenario(value)
        expect(reads()).toBeLessThanOrEqual(WORK_BASE + WORK_PER_VALUE * jsonSize(input))
        if (!r.ok) {
          refused++
          expectFieldNamed(r.error)
        }
      }),
      { numRuns: 600 },
    )
    expect(refused).toBeGreaterThan(200)
  })

  it('any JSON value at all: a scenario or a field-named refusal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), hostileValueArb), (input) => {
        const r = parseScenario(input)
        expect(r.ok).toBe(false)
        if (!r.ok) expectFieldNamed(r.error)
      }),
      { numRuns: 500 },
    )
  })

  it('text: a BOM is accepted, nesting and non-JSON refused by name, at any depth', () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), (s, bom) => {
        const r = parseScenarioText((bom ? '\uFEFF' : '') + JSON.stringify(s))
        expect(r.ok && parseScenario(r.json).ok).toBe(true)
      }),
      { numRuns: 100 },
    )
    const deep = parseScenarioText(
      `{"version": 1, "nodes": [${'['.repeat(100_000)}0${']'.repeat(100_000)}]}`,
    )
    expect(deep).toEqual({ ok: false, error: 'nodes[0][0][0]…: nested more than 64 levels deep' })
    expect(parseScenarioText('\uFEFF\uFEFF{}')).toMatchObject({
      ok: false,
      error: /^not valid JSON/,
    })
  })

  it('at the size limits (5 000 nodes, every field) the work stays linear in the input', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({
      id: `n${i}`,
      clock: { offset: 1e9, skewPpm: -500_000, wanderPpm: 1000, resolution: 1 },
    }))
    const big = {
      version: 1,
      seed: 1,
      duration: 1e7,
      nodes,
      clockSync: {
        algorithm: 'ntp',
        servers: Object.fromEntries(nodes.map((n, i) => [n.id, [nodes[(i + 1) % 5000].id]])),
      },
      faults: nodes.map((n, i) => ({ at: i, type: 'clockStep', node: n.id, by: -1e9 })),
    }
    for (const input of [big, { ...big, nodes: [...nodes, nodes[0]] }]) {
      const { value, reads } = countingReads(input)
      parseScenario(value)
      expect(reads()).toBeLessThanOrEqual(WORK_BASE + WORK_PER_VALUE * jsonSize(input))
    }
  }, 60_000)
})
