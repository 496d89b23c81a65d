import { useCallback } from 'react'
import type { RunSource } from '../../worker/wire'
import { en, enPresets, type Catalogue, type MessageKey, type PresetText } from './en'
import { zh, zhPresets } from './zh'

import { useLangStore, type Lang } from './langStore'

export type { MessageKey } from './en'
export type { Lang } from './langStore'
export { initialLang, useLangStore } from './langStore'
export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

const catalogues: Record<Lang, Catalogue> = { en, zh }
const presetTexts: Record<Lang, Record<string, PresetText>> = { en: enPresets, zh: zhPresets }

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = catalogues[lang][key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  )
}

/** A preset's catalogue name and blurb; `fallback` (the scenario's own name) when it has none. */
export function presetText(lang: Lang, id: string, fallback: string): PresetText {
  return presetTexts[lang][id] ?? { name: fallback || id, blurb: '' }
}

/** What the UI calls a run by where it came from: a preset's name, the lesson, the file, a link. */
export function sourceName(lang: Lang, source: RunSource, name: string): string {
  const t = (key: MessageKey, params?: Params) => translate(lang, key, params)
  switch (source.kind) {
    case 'preset':
      return presetText(lang, source.id, name).name
    case 'lesson':
      return t('header.lessonSource', { title: source.title[lang] })
    case 'file':
      return name || t('header.imported', { name: source.name })
    case 'link':
      return name || t('share.sourceLink')
  }
}

const selectLang = (s: { lang: Lang }) => s.lang

/**
 * `t(key, params)` in the current language; re-renders the caller when the language changes.
 * The same function until then, so what is memoised on it is kept.
 */
export function useT(): Translate {
  const lang = useLangStore(selectLang)
  return useCallback<Translate>((key, params) => translate(lang, key, params), [lang])
}

/** For per-frame painters, which read the language without subscribing React. */
export const t: Translate = (key, params) => translate(useLangStore.getState().lang, key, params)

/** Keep `<html lang>` and the document title in step with the language. */
export function applyLangToDocument(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  document.title = translate(lang, 'app.documentTitle')
}

/** Switch language and record it in `?lang=`, so a reload or a copied link keeps it. */
export function setLang(lang: Lang): void {
  useLangStore.setState({ lang })
  const url = new URL(window.location.href)
  url.searchParams.set('lang', lang)
  window.history.replaceState(null, '', url)
}
