import type { Intervention, NodeStatus } from '../../engine'
import type { MessageKey, Translate } from '../i18n'
import { formatDelay } from './describe'

/**
 * The per-node menu as data: which actions a node offers in its current state, what each does,
 * and how the keyboard moves through them (WAI-ARIA menu pattern: arrows, Home/End, Enter or
 * Space to activate, Escape or Tab to leave). Pure; NodeMenu.tsx renders it.
 */

/** Parameters asked for in a small form before the intervention is made. */
export interface Ask {
  label: MessageKey
  unit: MessageKey
  min: number
  max: number
  initial: number
  fault(node: string, value: number): Intervention
}

export const ASKS = {
  // in ms, as the menu's quick steps beside it are labelled; the schema's bound is ±100 000 s
  stepBy: {
    label: 'menu.stepByLabel',
    unit: 'unit.ms',
    min: -100_000_000,
    max: 100_000_000,
    initial: 100,
    fault: (node, ms) => ({ type: 'clockStep', node, by: ms / 1000 }),
  },
  // the scenario schema's bound: ±500 000 ppm (50 %) for "broken clock" demos
  skew: {
    label: 'menu.skewLabel',
    unit: 'unit.ppm',
    min: -500_000,
    max: 500_000,
    initial: 100,
    fault: (node, ppm) => ({ type: 'setSkew', node, ppm }),
  },
  lie: {
    label: 'menu.lieLabel',
    unit: 'unit.s',
    min: -100_000,
    max: 100_000,
    initial: 1,
    fault: (node, lie) => ({ type: 'falseticker', node, lie }),
  },
} satisfies Record<string, Ask>

export type AskKind = keyof typeof ASKS

type MenuAction = { kind: 'inject'; fault: Intervention } | { kind: 'ask'; ask: AskKind }

export interface MenuItem {
  id: string
  label: string
  action: MenuAction
  disabled: boolean
}

/** A quick clock step, big enough to see on the offset arcs, small enough not to trip a panic. */
export const QUICK_STEP = 0.1

export function nodeMenuItems(node: string, status: NodeStatus, t: Translate): MenuItem[] {
  const item = (id: string, label: string, action: MenuAction, disabled = false): MenuItem => ({
    id,
    label,
    action,
    disabled,
  })
  const inject = (fault: Intervention): MenuAction => ({ kind: 'inject', fault })
  const amount = formatDelay(QUICK_STEP, t)
  return [
    status === 'crashed'
      ? item('restart', t('menu.restart'), inject({ type: 'restart', node }))
      : item('crash', t('menu.crash'), inject({ type: 'crash', node })),
    status === 'paused'
      ? item('resume', t('menu.resume'), inject({ type: 'resume', node }))
      : // a crashed process has nothing to freeze
        item('pause', t('menu.pause'), inject({ type: 'pause', node }), status === 'crashed'),
    item(
      'stepForward',
      t('menu.stepForward', { amount }),
      inject({ type: 'clockStep', node, by: QUICK_STEP }),
    ),
    item(
      'stepBack',
      t('menu.stepBack', { amount }),
      inject({ type: 'clockStep', node, by: -QUICK_STEP }),
    ),
    item('stepBy', t('menu.stepBy'), { kind: 'ask', ask: 'stepBy' }),
    item('skew', t('menu.skew'), { kind: 'ask', ask: 'skew' }),
    item('falseticker', t('menu.falseticker'), { kind: 'ask', ask: 'lie' }),
    item('honest', t('menu.honest'), inject({ type: 'falseticker', node, lie: 0 })),
  ]
}

export type MenuMove = { focus: number } | { activate: number } | { close: true } | null

/** What a key does in a menu whose focused item is `current`. */
export function menuKey(key: string, current: number, items: readonly MenuItem[]): MenuMove {
  const enabled = items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0)
  if (enabled.length === 0) return key === 'Escape' || key === 'Tab' ? { close: true } : null
  const pos = enabled.indexOf(current)
  switch (key) {
    case 'ArrowDown':
      return { focus: enabled[(pos + 1) % enabled.length] }
    case 'ArrowUp':
      return { focus: enabled[(pos <= 0 ? enabled.length : pos) - 1] }
    case 'Home':
      return { focus: enabled[0] }
    case 'End':
      return { focus: enabled[enabled.length - 1] }
    case 'Enter':
    case ' ':
      return pos >= 0 ? { activate: current } : null
    case 'Escape':
    case 'Tab':
      return { close: true }
    default:
      return null
  }
}

/** The first item the menu focuses when it opens. */
export const firstEnabled = (items: readonly MenuItem[]): number =>
  Math.max(
    0,
    items.findIndex((it) => !it.disabled),
  )
