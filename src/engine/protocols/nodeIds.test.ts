import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, runAndSummarize } from '../index'
import { consensusCheckState } from '../checkers/consensus/state'

/** Ids the id pattern allows that are also Object.prototype's own names. */
const PROTOTYPE_IDS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']
const ALGORITHMS = ['ntp', 'sntp', 'cristian', 'berkeley', 'naive'] as const

function scenario(algorithm: string, id: string, extra: Record<string, unknown> = {}) {
  // JSON text, as a file or link would carry it: "__proto__" is then an own key
  const json = JSON.parse(
    JSON.stringify({
      version: 1,
      seed: 3,
      duration: 120,
      nodes: [{ id: 's', reference: true }, { id, clock: { offset: 0.25 } }, { id: 'b' }],
      clockSync: { algorithm, pollInterval: 8 },
      consensus: { algorithm: 'multi-paxos' },
      workload: [
        { at: 1, node: id, op: 'propose', value: 'x' },
        { at: 2, node: id, op: 'read' },
      ],
      ...extra,
    }),
  )
  const p = parseScenario(json)
  if (!p.ok) throw new Error(p.error)
  return p.scenario
}

describe('node ids named like Object.prototype members', () => {
  for (const algorithm of ALGORITHMS)
    for (const id of PROTOTYPE_IDS)
      it(`${algorithm} with node "${id}" runs, reports and syncs it`, () => {
        const sim = createSimulation(scenario(algorithm, id))
        const summary = runAndSummarize(sim, 120)
        expect(Object.keys(summary.clocks)).toEqual(['s', id, 'b'])
        const offset = summary.clocks[id].offset
        // each pulls the 0.25 s offset in within two minutes, except the naive rule, which is
        // the misconception that makes it worse — but it too must have acted on the node
        if (algorithm === 'naive') expect(Math.abs(offset)).toBeGreaterThan(0.3)
        else expect(Math.abs(offset)).toBeLessThan(0.05)
        const chosen = Object.values(consensusCheckState(sim)!.chosen)
        expect(chosen.some((c) => c.entry.kind === 'value' && c.entry.value === 'x')).toBe(true)
        expect(sim.world.violations).toEqual([])
      })

  it('servers keyed "__proto__" is a client like any other, and its servers are checked', () => {
    const ok = parseScenario(
      JSON.parse(
        '{"version":1,"seed":1,"duration":1,"nodes":[{"id":"s","reference":true},{"id":"__proto__"}],' +
          '"clockSync":{"algorithm":"ntp","servers":{"__proto__":["s"]}}}',
      ),
    )
    expect(ok.ok).toBe(true)
    if (ok.ok)
      expect(Object.keys((ok.scenario.clockSync as { servers: object }).servers)).toEqual([
        '__proto__',
      ])
    const ghost = parseScenario(
      JSON.parse(
        '{"version":1,"seed":1,"duration":1,"nodes":[{"id":"s","reference":true},{"id":"a"}],' +
          '"clockSync":{"algorithm":"ntp","servers":{"__proto__":["ghost"]}}}',
      ),
    )
    expect(ghost.ok).toBe(false)
    if (!ghost.ok) {
      expect(ghost.error).toContain('clockSync.servers.__proto__: unknown node "__proto__"')
      expect(ghost.error).toContain('clockSync.servers.__proto__[0]: unknown node "ghost"')
    }
  })
})
