import type { PresetText } from './presetText'

/** chrony 客户端的预设文字（与 zh.ts 分开，减少合并冲突）。 */
export const chronyPresetsZh: Record<string, PresetText> = {
  'ntpd-vs-chrony': {
    name: '同一网络上的 ntpd 与 chrony',
    blurb:
      '两个客户端的时钟漂移相同、服务器相同、局域网也相同：ntpd 以 500 ppm 的速率慢慢校正 100 ms 的时钟偏移，并用 300 秒测量频率偏差；chrony 对一组样本做线性回归，并以最高 83 333 ppm 的速率校正。比较两者多快收敛、收敛后离真实时间多近。',
  },
}
