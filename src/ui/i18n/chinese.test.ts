import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, presets, type TraceRecord } from '../../engine'
import { courseFiles } from '../lessons/course'
import { kindName, protocolName } from '../legend/kindNames'
import { zh, zhPresets } from './zh'
import { transactionsPresetsZh, transactionsZh } from './transactions.zh'

/**
 * The Chinese interface is Chinese. The rule, for every string a Chinese student reads (the
 * catalogue, preset names and blurbs, lesson texts):
 *
 * - A string with Chinese characters passes. Latin inside a Chinese sentence is fine: proper
 *   names (NTP, Paxos, Cristian, Berkeley, chrony), node ids, maths (`θ`, `RTT/2`), units.
 * - A string without any must be language-neutral: once placeholders, units and symbols are
 *   taken out, no Latin letters remain. So "RTT", "FREQ", "Paxos" or "ntpRequest" alone fail —
 *   write 往返时延, 测频中, Paxos 共识, NTP 请求.
 * - The only exceptions are true proper names that stand alone on purpose, each with its reason.
 */
const STANDALONE: Record<string, string> = {
  'app.title': 'the brand name, DriftLab, is the same in every language',
  'lang.switch': 'the switch names the language it switches to, in that language (English)',
}

/**
 * Placeholders, units and symbols that are the same in Chinese technical writing (SI, ppm), and
 * scenario ids: a letter with an optional number names a node or a proposed value (n1, s2, "x").
 */
const NEUTRAL =
  /\{\w+\}|\b(?:ms|µs|μs|ns|s|ppm|[a-z]\d{0,2})\b|[\d\s.,:;+\-−–—×%·、()（）/=<>≤≥±→←"]/gu
const HAN = /\p{Script=Han}/u

/** Every `{ en, zh }` text of a lesson file, by where it sits. */
function lessonTexts(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (Array.isArray(node)) node.forEach((x, i) => lessonTexts(x, `${path}[${i}]`, out))
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>
    if (typeof o.zh === 'string' && typeof o.en === 'string') out.push([path, o.zh])
    else for (const [k, v] of Object.entries(o)) lessonTexts(v, `${path}.${k}`, out)
  }
  return out
}

function everyChineseText(): [string, string][] {
  const texts: [string, string][] = Object.entries(zh)
  for (const [id, p] of Object.entries(zhPresets)) {
    texts.push([`preset ${id} name`, p.name], [`preset ${id} blurb`, p.blurb])
  }
  courseFiles.forEach((file, i) => lessonTexts(file, `lesson ${i + 1}`, texts))
  return texts
}

const englishOnly = (text: string) =>
  !HAN.test(text) && /\p{Script=Latin}/u.test(text.replace(NEUTRAL, ''))

describe('the Chinese interface', () => {
  it('has no user-visible string that is English only', () => {
    const texts = everyChineseText()
    expect(texts.length).toBeGreaterThan(800)
    // the parts kept in their own files are read too (transactions: view, invariants, presets)
    const where = new Set(texts.map(([w]) => w))
    for (const key of Object.keys(transactionsZh)) expect(where, key).toContain(key)
    for (const id of Object.keys(transactionsPresetsZh))
      expect(where).toContain(`preset ${id} name`)
    const offenders = texts.filter(([where, text]) => !(where in STANDALONE) && englishOnly(text))
    expect(offenders).toEqual([])
  })

  it('the rule catches bare English and passes Chinese with Latin names inside', () => {
    for (const bad of ['RTT', 'FREQ', 'Paxos', 'ntpRequest', 'last RTT {rtt}', 'SYNC · stratum 2'])
      expect(englishOnly(bad), bad).toBe(true)
    for (const good of ['往返时延', 'NTP 请求', '{speed}×', '{value} {unit}', '—', '12 ms', 'n3'])
      expect(englishOnly(good), good).toBe(false)
  })

  it('keeps the allow-list to strings that really stand alone in Latin', () => {
    for (const key of Object.keys(STANDALONE)) {
      expect(zh[key as keyof typeof zh], key).toBeTruthy()
      expect(englishOnly(zh[key as keyof typeof zh]), key).toBe(true)
    }
  })

  it('names every message kind and protocol the presets run, in Chinese', () => {
    const kinds = new Set<string>()
    const protocols = new Set<string>()
    for (const p of presets) {
      const parsed = parseScenario(p.scenario)
      if (!parsed.ok) throw new Error(parsed.error)
      const sim = createSimulation(parsed.scenario, {
        trace: (r: TraceRecord) => void (r.type === 'send' && kinds.add(r.kind)),
      })
      for (const proto of sim.protocols) protocols.add(proto.def.name)
      sim.runUntil(8)
    }
    // every protocol family of the app shows up: the check is not vacuous
    expect([...protocols].sort()).toEqual(
      ['berkeley', 'chrony', 'cristian', 'naive', 'ntp', 'paxos', 'sntp', 'store'].sort(),
    )
    // and so do the store's kinds, recovery included (the Paxos Commit preset's coordinator dies)
    for (const kind of ['txnPrepare', 'txnVote', 'txnQuery', 'snapRead', 'safeTime'])
      expect(kinds).toContain(kind)
    for (const kind of kinds) {
      const key = kindName(kind)
      expect(key, kind).not.toBeNull()
      expect(zh[key!], kind).toMatch(HAN)
    }
    for (const id of protocols) {
      const key = protocolName(id)
      expect(key, id).not.toBeNull()
      expect(zh[key!], id).toMatch(HAN)
    }
  })
})
