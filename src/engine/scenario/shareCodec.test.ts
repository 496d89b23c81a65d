import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { deflateSync } from 'fflate'
import { decodeShare, encodeShare, MAX_JSON_BYTES, MAX_LINK_CHARS } from './shareCodec'
import { parseScenario } from './schema'
import { presets } from './presets'
import { hostileScenarioArb, hostileValueArb, scenarioArb } from '../testing/scenarioArbitraries'
import { countingReads, jsonSize, WORK_BASE, WORK_PER_VALUE } from '../testing/workCount'

const linkOf = (text: string) =>
  Buffer.from(deflateSync(new TextEncoder().encode(text))).toString('base64url')

/** What a refusal may say after `share link: `: the link's own problems, or a field by name. */
const LINK_ERROR =
  /^share link: (empty|too long|contains characters|not valid base64url|corrupt or truncated|expands beyond|not UTF-8|not valid JSON|unknown format version|t must be|[^\s:][^\n]*?: (must|is|unknown|duplicate|key must|upper bound|nested)\b)/

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

  describe('hostile JSON inside a well-formed link', () => {
    // JSON.parse hands the decoder counting proxies: its reads of the value are its work
    let reads = () => 0
    let parsedChars = 0
    const realParse = JSON.parse
    const counted = () =>
      vi.spyOn(JSON, 'parse').mockImplementation((text: string) => {
        parsedChars = Math.max(parsedChars, text.length)
        const c = countingReads(realParse(text))
        reads = c.reads
        return c.value
      })
    afterEach(() => vi.restoreAllMocks())

    it('property: never throws, refuses with a field-named message, reads within the bound', () => {
      let refused = 0
      fc.assert(
        fc.property(
          hostileScenarioArb,
          fc.option(fc.oneof(fc.double(), hostileValueArb)),
          fc.boolean(),
          (scenario, t, bom) => {
            const text =
              (bom ? '\uFEFF' : '') +
              JSON.stringify(t === null ? { v: 1, scenario } : { v: 1, scenario, t })
            const link = linkOf(text)
            counted()
            const r = decodeShare(link)
            vi.restoreAllMocks()
            expect(reads()).toBeLessThanOrEqual(
              WORK_BASE + WORK_PER_VALUE * jsonSize(realParse(text.replace(/^\uFEFF/, ''))),
            )
            if (!r.ok) {
              refused++
              expect(r.error).toMatch(LINK_ERROR)
            }
          },
        ),
        { numRuns: 400 },
      )
      expect(refused).toBeGreaterThan(100)
    }, 60_000)

    it('prototype-named keys around the scenario change nothing', () => {
      const s = JSON.stringify(presets[0].scenario)
      const wrapped = [
        `{"__proto__": {"v": 1, "scenario": ${s}}}`,
        `{"constructor": {"prototype": {"v": 1}}, "scenario": ${s}}`,
      ]
      for (const text of wrapped)
        expect(decodeShare(linkOf(text))).toEqual({
          ok: false,
          error: 'share link: unknown format version',
        })
      const r = decodeShare(linkOf(`{"v": 1, "scenario": ${s}, "__proto__": {"t": 5}}`))
      expect(r.ok && r.t).toBe(undefined)
    })

    it('huge numbers: 1e400 is refused by name, a BOM is accepted', () => {
      const s = JSON.stringify(presets[0].scenario)
      expect(decodeShare(linkOf(`{"v": 1, "scenario": ${s}, "t": 1e400}`))).toEqual({
        ok: false,
        error: 'share link: t must be a non-negative number',
      })
      const seedless = s.replace(/"seed":\s*\d+/, '"seed": 1e400')
      expect(decodeShare(linkOf(`{"v": 1, "scenario": ${seedless}}`))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^share link: seed: must be/),
      })
      expect(decodeShare(linkOf(`\uFEFF{"v": 1, "scenario": ${s}}`)).ok).toBe(true)
    })

    it('nesting 100 000 deep is refused by field, without overflowing', () => {
      const deep = `{"v": 1, "scenario": {"version": 1, "extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`
      expect(decodeShare(linkOf(deep))).toEqual({
        ok: false,
        error: 'share link: scenario.extra[0][0]…: nested more than 64 levels deep',
      })
    })

    it('at the size limits: the largest accepted JSON is read linearly, one byte more is refused', () => {
      const s = JSON.stringify(presets[0].scenario)
      const frame = `{"v": 1, "scenario": ${s.slice(0, -1)}, "notes": ""}}`
      const fill = 'ab'.repeat(MAX_JSON_BYTES)
      const exact = frame.replace(
        '"notes": ""',
        `"notes": "${fill.slice(0, MAX_JSON_BYTES - frame.length)}"`,
      )
      expect(exact.length).toBe(MAX_JSON_BYTES)
      counted()
      expect(decodeShare(linkOf(exact)).ok).toBe(true)
      expect(parsedChars).toBe(MAX_JSON_BYTES)
      expect(reads()).toBeLessThanOrEqual(WORK_BASE + WORK_PER_VALUE * jsonSize(realParse(exact)))
      const over = exact.replace('"notes": "', '"notes": "x')
      expect(decodeShare(linkOf(over))).toEqual({
        ok: false,
        error: `share link: expands beyond ${MAX_JSON_BYTES} bytes`,
      })
      const longest = 'A'.repeat(MAX_LINK_CHARS)
      expect(decodeShare(longest)).toMatchObject({
        ok: false,
        error: expect.stringMatching(LINK_ERROR),
      })
      expect(decodeShare(longest + 'A')).toEqual({
        ok: false,
        error: `share link: too long (${MAX_LINK_CHARS + 1} characters)`,
      })
    })
  })
})
