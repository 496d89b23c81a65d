import { describe, expect, it } from 'vitest'
import { translate, type Translate } from '../i18n'
import { describeInput, formatGroups } from './describe'
import { assignNode, draftGroups, groupsInForce, startDraft } from './partition'
import { zeroLogScale } from './sliderScale'

const ids = ['s1', 'c1', 'c2', 'c3']
const en: Translate = (key, params) => translate('en', key, params)
const zh: Translate = (key, params) => translate('zh', key, params)

describe('partition drafts', () => {
  it('start with everyone in A and B as the brush; clicks move nodes to the brush group', () => {
    let d = startDraft(4, null)
    expect(d).toEqual({ brush: 1, assign: [0, 0, 0, 0] })
    d = assignNode(d, 1)
    d = assignNode({ ...d, brush: 2 }, 3)
    expect(draftGroups(d, ids)).toEqual([['s1', 'c2'], ['c1'], ['c3']])
    expect(assignNode(d, 9)).toBe(d)
  })

  it('start from the partition in force, nodes in no group going to a free group', () => {
    expect(startDraft(4, [1, 0, -1, 1]).assign).toEqual([1, 0, 2, 1])
    expect(groupsInForce([1, 0, -1, 1], ids)).toEqual({
      groups: [['c1'], ['s1', 'c3']],
      isolated: ['c2'],
    })
  })

  it('name groups by letter in descriptions', () => {
    expect(formatGroups([['s1', 'c2'], ['c1']])).toBe('A: s1, c2 · B: c1')
  })
})

describe('intervention descriptions', () => {
  it('describe every kind of input in both languages', () => {
    const d = (fault: Parameters<typeof describeInput>[0]) => [
      describeInput(fault, en),
      describeInput(fault, zh),
    ]
    expect(d({ at: 1, fault: { type: 'cutLink', from: 'c1', to: 's1' } })).toEqual([
      'Cut link c1 → s1',
      '切断链路 c1 → s1',
    ])
    expect(d({ at: 1, fault: { type: 'clockStep', node: 'c1', by: -0.25 } })).toEqual([
      'Step the clock of c1 by −250.000 ms',
      '将 c1 的时钟跳变 −250.000 毫秒',
    ])
    expect(d({ at: 1, fault: { type: 'setLatency', base: 0.04, jitter: 0 } })[0]).toBe(
      'Set latency to 40.000 ms, jitter 0',
    )
    expect(d({ at: 1, fault: { type: 'setLoss', p: 0.125 } })[0]).toBe('Set message loss to 12.5 %')
    expect(d({ at: 1, fault: { type: 'falseticker', node: 'c2', lie: 0 } })[0]).toBe(
      'c2 stops lying',
    )
    expect(d({ at: 1, client: { node: 'n1', op: { op: 'propose', value: '<b>x</b>' } } })[0]).toBe(
      'n1: propose “<b>x</b>”',
    )
  })
})

describe('slider scale', () => {
  it('map slider positions to values on a log scale with 0 at the far left', () => {
    const s = zeroLogScale(0.001, 10_000)
    expect(s.toValue(0)).toBe(0)
    expect(s.toPos(0)).toBe(0)
    expect(s.toValue(1000)).toBeCloseTo(10_000, 6)
    expect(s.toValue(s.toPos(2))).toBeCloseTo(2, 1)
    expect(s.toPos(1e-9)).toBe(1)
  })
})
