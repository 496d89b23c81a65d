import { describe, expect, it } from 'vitest'
import { translate } from '../i18n'
import {
  DEFAULT_TOOL,
  TOOLS,
  initialToolValues,
  linkEffect,
  linkHint,
  linkNotice,
  nodeEffect,
  nodeHint,
  toolForKey,
  toolKey,
  type NodeTarget,
} from './toolModel'

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params)
const node = (over: Partial<NodeTarget> = {}): NodeTarget => ({
  id: 'c1',
  index: 2,
  status: 'up',
  lying: false,
  ...over,
})

describe('fault tools', () => {
  it('default to crash/restart, as a plain click on a node did before the palette', () => {
    expect(DEFAULT_TOOL).toBe('crash')
    expect(nodeEffect('crash', node(), 0)).toEqual({
      kind: 'fault',
      fault: { type: 'crash', node: 'c1' },
    })
    expect(nodeEffect('crash', node({ status: 'crashed' }), 0)).toEqual({
      kind: 'fault',
      fault: { type: 'restart', node: 'c1' },
    })
  })

  it('inspect only selects: no node or link click makes an intervention', () => {
    for (const status of ['up', 'crashed', 'paused'] as const)
      expect(nodeEffect('inspect', node({ status }), 5)).toEqual({ kind: 'select', node: 'c1' })
    expect(linkEffect('inspect', 'c1', 's1', false)).toEqual({ kind: 'none' })
    expect(linkEffect('inspect', 'c1', 's1', true)).toEqual({ kind: 'none' })
  })

  it('links cut and heal with the default tool and the cut tool only', () => {
    for (const tool of ['crash', 'cut'] as const) {
      expect(linkEffect(tool, 'c1', 's1', false)).toEqual({
        kind: 'fault',
        fault: { type: 'cutLink', from: 'c1', to: 's1' },
      })
      expect(linkEffect(tool, 'c1', 's1', true)).toEqual({
        kind: 'fault',
        fault: { type: 'healLink', from: 'c1', to: 's1' },
      })
      expect(linkHint(tool, { from: 'c1', to: 's1' }, t)).toBeNull()
    }
  })

  it('node tools leave links alone and say that they act on nodes', () => {
    const nodeTools = ['pause', 'step', 'drift', 'falseticker', 'partition'] as const
    expect(TOOLS.filter((x) => !['inspect', 'crash', 'cut'].includes(x))).toEqual(nodeTools)
    for (const tool of nodeTools) {
      for (const cut of [false, true])
        expect(linkEffect(tool, 'c1', 's1', cut)).toEqual({ kind: 'notice' })
      expect(linkHint(tool, { from: 'c1', to: 's1' }, t)).toMatch(/acts on nodes, not links/)
    }
    expect(linkNotice('drift', t)).toBe(
      'The Drift tool acts on nodes: click a node. To cut or heal a link, choose Cut link (key 7).',
    )
  })

  it('pause toggles pause/resume and leaves a crashed node alone', () => {
    expect(nodeEffect('pause', node(), 0)).toEqual({
      kind: 'fault',
      fault: { type: 'pause', node: 'c1' },
    })
    expect(nodeEffect('pause', node({ status: 'paused' }), 0)).toEqual({
      kind: 'fault',
      fault: { type: 'resume', node: 'c1' },
    })
    expect(nodeEffect('pause', node({ status: 'crashed' }), 0)).toEqual({ kind: 'none' })
  })

  it('value tools apply their value in their ask’s unit: step in ms, drift in ppm, lie in s', () => {
    expect(nodeEffect('step', node(), 250)).toEqual({
      kind: 'fault',
      fault: { type: 'clockStep', node: 'c1', by: 0.25 },
    })
    expect(nodeEffect('drift', node(), -300)).toEqual({
      kind: 'fault',
      fault: { type: 'setSkew', node: 'c1', ppm: -300 },
    })
    expect(nodeEffect('falseticker', node(), 0.5)).toEqual({
      kind: 'fault',
      fault: { type: 'falseticker', node: 'c1', lie: 0.5 },
    })
    // a falseticker clicked again is made honest
    expect(nodeEffect('falseticker', node({ lying: true }), 0.5)).toEqual({
      kind: 'fault',
      fault: { type: 'falseticker', node: 'c1', lie: 0 },
    })
    expect(initialToolValues()).toEqual({ step: 100, drift: 100, falseticker: 1 })
  })

  it('cut acts on links only; partition assigns the clicked node to the brush’s group', () => {
    expect(nodeEffect('cut', node(), 0)).toEqual({ kind: 'none' })
    expect(nodeEffect('partition', node(), 0)).toEqual({ kind: 'assign', index: 2 })
  })

  it('has the shortcuts 1–8 in palette order, and no others', () => {
    expect(TOOLS.map(toolKey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    for (const tool of TOOLS) expect(toolForKey(toolKey(tool))).toBe(tool)
    for (const key of ['0', '9', 'c', '12', ' ']) expect(toolForKey(key)).toBeNull()
  })

  it('says on each node what a click will do', () => {
    const n = { ...node(), selected: false }
    expect(nodeHint('crash', n, '', t)).toBeNull()
    expect(nodeHint('inspect', n, '', t)).toMatch(/select it for the inspector/)
    expect(nodeHint('inspect', { ...n, selected: true }, '', t)).toMatch(/is selected/)
    expect(nodeHint('step', n, '100 ms', t)).toMatch(/step its clock by 100 ms/)
    expect(nodeHint('falseticker', { ...n, lying: true }, '1 s', t)).toMatch(/make it honest/)
    expect(nodeHint('pause', { ...n, status: 'crashed' }, '', t)).toMatch(/cannot act/)
    expect(nodeHint('cut', n, '', t)).toMatch(/acts on links/)
  })
})
