/** A preset's name and one-line description in one language (kept apart so per-feature catalogue files need not import en.ts, which imports them). */
export interface PresetText {
  name: string
  blurb: string
}
