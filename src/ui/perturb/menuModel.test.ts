import { describe, expect, it } from 'vitest'
import { translate, type Translate } from '../i18n'
import { ASKS, firstEnabled, menuKey, nodeMenuItems, QUICK_STEP } from './menuModel'

const en: Translate = (key, params) => translate('en', key, params)
const zh: Translate = (key, params) => translate('zh', key, params)

describe('node menu items', () => {
  it('offer crash or restart and pause or resume by status, in the vocabulary of docs/scenario-format.md', () => {
    const up = nodeMenuItems('c1', 'up', en)
    expect(up.map((i) => i.label)).toEqual([
      'Crash',
      'Pause the process',
      'Step clock +100.000 ms',
      'Step clock −100.000 ms',
      'Step clock by…',
      'Set drift…',
      'Make it a falseticker…',
      'Stop lying (falseticker off)',
    ])
    expect(up[0].action).toEqual({ kind: 'inject', fault: { type: 'crash', node: 'c1' } })
    expect(up[3].action).toEqual({
      kind: 'inject',
      fault: { type: 'clockStep', node: 'c1', by: -QUICK_STEP },
    })
    expect(up[7].action).toEqual({
      kind: 'inject',
      fault: { type: 'falseticker', node: 'c1', lie: 0 },
    })

    const crashed = nodeMenuItems('c1', 'crashed', en)
    expect(crashed[0].action).toEqual({ kind: 'inject', fault: { type: 'restart', node: 'c1' } })
    expect(crashed[1]).toMatchObject({ id: 'pause', disabled: true })

    const paused = nodeMenuItems('c1', 'paused', zh)
    expect(paused[1]).toMatchObject({ label: '恢复进程', disabled: false })
    expect(paused[1].action).toEqual({ kind: 'inject', fault: { type: 'resume', node: 'c1' } })
  })

  it('turn asked-for numbers into interventions within the schema bounds', () => {
    expect(ASKS.skew.fault('n2', 250)).toEqual({ type: 'setSkew', node: 'n2', ppm: 250 })
    expect([ASKS.skew.min, ASKS.skew.max]).toEqual([-500_000, 500_000])
    // asked in ms, the unit of the menu's quick steps ("Step clock +100.000 ms")
    expect(en(ASKS.stepBy.unit)).toBe('ms')
    expect(ASKS.stepBy.fault('n2', -250)).toEqual({ type: 'clockStep', node: 'n2', by: -0.25 })
    expect(ASKS.lie.fault('n2', 0.5)).toEqual({ type: 'falseticker', node: 'n2', lie: 0.5 })
  })
})

describe('menu keyboard', () => {
  const items = nodeMenuItems('c1', 'crashed', en) // item 1 (pause) is disabled

  it('moves with the arrows, skipping disabled items and wrapping around', () => {
    expect(firstEnabled(items)).toBe(0)
    expect(menuKey('ArrowDown', 0, items)).toEqual({ focus: 2 })
    expect(menuKey('ArrowUp', 2, items)).toEqual({ focus: 0 })
    expect(menuKey('ArrowUp', 0, items)).toEqual({ focus: 7 })
    expect(menuKey('ArrowDown', 7, items)).toEqual({ focus: 0 })
    expect(menuKey('Home', 5, items)).toEqual({ focus: 0 })
    expect(menuKey('End', 0, items)).toEqual({ focus: 7 })
  })

  it('activates with Enter or Space, closes with Escape or Tab, ignores other keys', () => {
    expect(menuKey('Enter', 3, items)).toEqual({ activate: 3 })
    expect(menuKey(' ', 3, items)).toEqual({ activate: 3 })
    expect(menuKey('Enter', 1, items)).toBeNull()
    expect(menuKey('Escape', 3, items)).toEqual({ close: true })
    expect(menuKey('Tab', 3, items)).toEqual({ close: true })
    expect(menuKey('x', 3, items)).toBeNull()
  })
})
