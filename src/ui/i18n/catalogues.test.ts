import { describe, expect, it } from 'vitest'
import { presets } from '../../engine/scenario/presets'
import { en, enPresets } from './en'
import { initialLang, translate } from './index'
import { zh, zhPresets } from './zh'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const HAN = /\p{Script=Han}/u

describe('message catalogues', () => {
  it('give every English message a Chinese one with the same parameters', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).toBeTruthy()
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('name every built-in preset in both languages', () => {
    for (const p of presets) {
      expect(enPresets[p.id]?.name, p.id).toBeTruthy()
      expect(zhPresets[p.id]?.name, p.id).toMatch(HAN)
    }
  })

  it('fill parameters', () => {
    expect(translate('en', 'header.imported', { name: 'a.json' })).toBe('File: a.json')
    expect(translate('zh', 'controls.speedAria', { speed: 2 })).toBe('真实时间的 2 倍')
  })
})

describe('initial language', () => {
  it('takes ?lang= first, then the browser preference, else English', () => {
    expect(initialLang('?lang=zh', ['en-US'])).toBe('zh')
    expect(initialLang('?lang=en', ['zh-CN'])).toBe('en')
    expect(initialLang('?lang=fr', ['zh-TW', 'en'])).toBe('zh')
    expect(initialLang('', ['de-DE'])).toBe('en')
  })
})
