import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { deflateSync } from 'fflate'
import { decodeShare, encodeShare } from './shareCodec'
import { parseScenario } from './schema'
import { presets } from './presets'

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/)
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true })

/** Valid scenarios: random nodes, clocks, network, algorithms, faults. */
const scenarioArb = fc.uniqueArray(id, { minLength: 1, maxLength: 6 }).chain((ids) =>
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
            offset: finite(-10, 10),
            skewPpm: finite(-1000, 1000),
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
      algorithm: fc.constantFrom('ntp', 'sntp', 'cristian', 'berkeley', 'naive', 'none'),
      pollInterval: finite(1, 1024),
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
          by: finite(-5, 5),
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
)

describe('share codec', () => {
  it('round-trips every preset, with and without a time', () => {
    for (const p of presets) {
      const r = decodeShare('#s=' + encodeShare(p.scenario, 12.5))
      expect(r.ok).toBe(true)
      if (r.ok) {
        expect(r.t).toBe(12.5)
        expect(r.scenario).toEqual((parseScenario(p.scenario) as { scenario: unknown }).scenario)
      }
    }
  })

  it('property: any valid scenario round-trips exactly', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const parsed = parseScenario(s)
        expect(parsed.ok).toBe(true)
        const r = decodeShare(encodeShare(s))
        expect(r.ok).toBe(true)
        // JSON has no −0; everything else survives bit for bit
        if (r.ok && parsed.ok)
          expect(r.scenario).toEqual(JSON.parse(JSON.stringify(parsed.scenario)))
      }),
      { numRuns: 300 },
    )
  }, 60_000) // 300 deflate round trips: seconds on a loaded machine, and never a verdict on speed

  it('property: random strings and bytes give a valid scenario or a clear error, never a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.base64String(), fc.stringMatching(/^[A-Za-z0-9_-]{0,200}$/)),
        (junk) => {
          const r = decodeShare(junk)
          if (!r.ok) expect(r.error).toMatch(/^share link: /)
        },
      ),
      { numRuns: 2000 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const link = Buffer.from(deflateSync(bytes)).toString('base64url')
        const r = decodeShare(link)
        if (!r.ok) expect(r.error).toMatch(/^share link: /)
      }),
      { numRuns: 500 },
    )
  })

  it('rejects truncated, oversize and hostile payloads with a message naming the problem', () => {
    const good = encodeShare(presets[0].scenario)
    expect(decodeShare(good.slice(0, good.length - 7))).toMatchObject({ ok: false })
    expect(decodeShare('#s=')).toEqual({ ok: false, error: 'share link: empty' })
    expect(decodeShare('#s=<script>alert(1)</script>')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/base64url/),
    })
    const bomb = Buffer.from(deflateSync(new Uint8Array(50_000_000))).toString('base64url')
    expect(decodeShare(bomb)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/expands beyond/),
    })
    expect(decodeShare('A'.repeat(300_000))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too long/),
    })
    const badScenario = Buffer.from(
      deflateSync(
        new TextEncoder().encode(JSON.stringify({ v: 1, scenario: { version: 1, seed: -1 } })),
      ),
    ).toString('base64url')
    expect(decodeShare(badScenario)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^share link: seed: /),
    })
  })
})
