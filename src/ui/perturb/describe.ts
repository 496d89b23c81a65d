import type { Intervention } from '../../engine'
import type { LoggedInput } from '../../worker/inputLog'
import { formatOffset } from '../format/quantities'
import type { Translate } from '../i18n'
import { groupName } from './partition'

/** A duration without sign, in the unit that suits it: `2.000 ms`, `0`. */
export function formatDelay(seconds: number, t: Translate): string {
  return seconds === 0 ? '0' : formatOffset(Math.abs(seconds), t).slice(1)
}

/** A probability as a percentage with up to three decimals: `12.5 %`. */
function formatPercent(p: number, t: Translate): string {
  return `${Number((p * 100).toFixed(3))} ${t('unit.percent')}`
}

/** `A: c1, c2 · B: s1` — groups named by letter, as the partition controls name them. */
export function formatGroups(groups: readonly (readonly string[])[]): string {
  return groups.map((g, i) => `${groupName(i)}: ${g.join(', ')}`).join(' · ')
}

export function describeFault(f: Intervention, t: Translate): string {
  switch (f.type) {
    case 'crash':
    case 'restart':
    case 'pause':
    case 'resume':
      return t(`iv.${f.type}`, { node: f.node })
    case 'clockStep':
      return t('iv.clockStep', { node: f.node, by: formatOffset(f.by, t) })
    case 'setSkew':
      return t('iv.setSkew', { node: f.node, ppm: f.ppm })
    case 'falseticker':
      return f.lie === 0
        ? t('iv.honest', { node: f.node })
        : t('iv.falseticker', { node: f.node, lie: formatOffset(f.lie, t) })
    case 'partition':
      return t('iv.partition', { groups: formatGroups(f.groups) })
    case 'heal':
      return t('iv.heal')
    case 'cutLink':
    case 'healLink':
      return t(`iv.${f.type}`, { from: f.from, to: f.to })
    case 'setLoss':
    case 'setDuplicate':
      return t(`iv.${f.type}`, { p: formatPercent(f.p, t) })
    case 'setLatency':
      return t('iv.setLatency', {
        base: formatDelay(f.base, t),
        jitter: formatDelay(f.jitter, t),
      })
  }
}

/** One line of the intervention log, in the current language. */
export function describeInput(input: LoggedInput, t: Translate): string {
  if ('fault' in input) return describeFault(input.fault, t)
  const { node, op } = input.client
  return op.op === 'propose' ? t('iv.propose', { node, value: op.value }) : t('iv.read', { node })
}
