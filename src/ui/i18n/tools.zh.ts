import type { toolsEn } from './tools.en'

/** 故障工具栏、“单步”的说明和实际速度（并入 zh.ts）。 */
export const toolsZh: Record<keyof typeof toolsEn, string> = {
  'controls.speedEffective': '实际 {rate}×',
  'controls.speedEffectiveHint': '实测：最近 3 秒内每一真实秒对应的模拟秒数，含跳过的空闲时段',
}
