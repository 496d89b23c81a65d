import { describe, expect, it } from 'vitest'
import type { StepEvent } from '../../worker/stepEvents'
import { translate, type MessageKey } from '../i18n'
import { summarizeStep } from './stepCaption'

const en = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('en', key, params)
const zh = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('zh', key, params)

const reply: StepEvent[] = [
  { type: 'deliver', id: 7, from: 's1', to: 'c2', kind: 'ntpReply' },
  { type: 'emit', node: 'c2', event: 'exchange', data: { offset: 0.0032, delay: 0.0004 } },
  { type: 'send', id: 8, from: 'c2', to: 's2', kind: 'ntpRequest' },
]

describe('Step caption', () => {
  it('names the receipt, with what the receiver worked out from it', () => {
    const s = summarizeStep(reply, 0, en)
    expect(s.caption).toMatch(
      /^c2 received .+ from s1 \(θ = \+3\.2\d* ms, δ = .+; then sent .+ to s2\)$/,
    )
    expect(s).toMatchObject({ nodes: ['c2'], links: [['s1', 'c2']], message: 7 })
  })

  it('is written in Chinese for the Chinese UI', () => {
    expect(summarizeStep(reply, 0, zh).caption).toMatch(/^c2 收到了来自 s1 的 .+（?.*θ = /)
  })

  it('prefers an intervention to a send, a loss names its reason, an empty step says so', () => {
    const crash: StepEvent[] = [
      { type: 'send', id: 1, from: 'n1', to: 'n2', kind: 'heartbeat' },
      { type: 'fault', fault: { type: 'crash', node: 'n3' } },
    ]
    expect(summarizeStep(crash, 0, en)).toMatchObject({
      caption: 'Intervention: Crash n3 (+1 more at this instant)',
      nodes: ['n3'],
      message: null,
    })
    const lost: StepEvent[] = [
      { type: 'drop', id: 4, from: 'c1', to: 's1', kind: 'timeRequest', reason: 'cut' },
    ]
    expect(summarizeStep(lost, 0, en).caption).toMatch(
      /from c1 to s1 was lost \(the link is cut\)$/,
    )
    expect(summarizeStep([], 0, en).caption).toMatch(/Nothing is scheduled/)
  })

  it('adds an election and a broken invariant; counts events left out by the worker', () => {
    const elected: StepEvent[] = [
      { type: 'deliver', id: 3, from: 'n2', to: 'n1', kind: 'promise' },
      { type: 'emit', node: 'n1', event: 'elected', data: { ballot: 1 } },
      { type: 'violation', invariant: 'agreement' },
    ]
    expect(summarizeStep(elected, 5, en).caption).toMatch(
      /^n1 received .+ from n2 \(became leader; invariant violated: agreement\) \(\+5 more/,
    )
  })
})
