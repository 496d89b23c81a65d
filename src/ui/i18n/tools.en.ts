/** The fault tool palette, Step's caption and the effective speed (spread into en.ts). */
export const toolsEn = {
  'controls.speedEffective': 'effective {rate}×',
  'controls.speedEffectiveHint':
    'Measured: simulated seconds per real second over the last 3 s, quiet periods skipped included',
} as const
