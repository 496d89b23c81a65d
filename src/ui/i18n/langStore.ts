import { create } from 'zustand'

export type Lang = 'en' | 'zh'

/** `?lang=en|zh` wins (docs/ui-contract.md); otherwise the browser's preference; otherwise English. */
export function initialLang(search: string, browserLangs: readonly string[]): Lang {
  const param = new URLSearchParams(search).get('lang')
  if (param === 'en' || param === 'zh') return param
  return browserLangs.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en'
}

export const useLangStore = create<{ lang: Lang }>(() => ({
  lang:
    typeof window === 'undefined' ? 'en' : initialLang(window.location.search, navigator.languages),
}))
