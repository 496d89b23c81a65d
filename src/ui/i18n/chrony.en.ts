import type { PresetText } from './presetText'

/** Preset texts for chrony's client (kept apart from en.ts to limit merge conflicts). */
export const chronyPresetsEn: Record<string, PresetText> = {
  'ntpd-vs-chrony': {
    name: 'ntpd vs chrony on the same network',
    blurb:
      'Two clients with the same drifting clock, the same servers and the same LAN: ntpd slews the 100 ms offset at 500 ppm and measures its frequency over 300 s; chrony fits a line through its samples and slews at up to 83 333 ppm. Compare how fast each settles and how close each stays.',
  },
}
