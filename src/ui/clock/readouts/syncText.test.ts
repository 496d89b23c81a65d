import { describe, expect, it } from 'vitest'
import { translate } from '../../i18n'
import { syncText } from './syncText'

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params)

describe('sync state text', () => {
  it('says what each algorithm is doing', () => {
    expect(
      syncText(
        {
          algo: 'ntp',
          state: 'SYNC',
          stratum: 2,
          synchronised: true,
          peer: 's1',
          poll: 4,
          noMajority: false,
          rejected: [],
        },
        false,
        t,
      ),
    ).toBe('SYNC · stratum 2')
    expect(
      syncText(
        {
          algo: 'ntp',
          state: 'FREQ',
          stratum: 16,
          synchronised: false,
          peer: null,
          poll: 6,
          noMajority: true,
          rejected: ['s2', 's3'],
        },
        false,
        t,
      ),
    ).toBe('FREQ · stratum 16 · no majority')
    expect(syncText({ algo: 'cristian', server: 's1', rtt: 0.0042 }, false, t)).toBe(
      'last RTT 4.200 ms',
    )
    expect(syncText({ algo: 'cristian', server: null, rtt: null }, true, t)).toBe('time server')
    expect(syncText({ algo: 'berkeley', master: true, round: 7, adjustment: null }, false, t)).toBe(
      'master · round 7',
    )
    expect(
      syncText(
        { algo: 'berkeley', master: false, round: 0, adjustment: { by: -0.0123, mode: 'slew' } },
        false,
        t,
      ),
    ).toBe('slave · adjusted by \u221212.30 ms')
    expect(
      syncText({ algo: 'sntp', server: 's1', correction: { by: 0.4, mode: 'step' } }, false, t),
    ).toBe('stepped by +400.0 ms')
    expect(
      syncText({ algo: 'naive', server: 's1', rounds: 3, step: 0.1, diverged: false }, false, t),
    ).toBe('naive rule (misconception) · stepped by +100.0 ms')
  })

  it('says it in Chinese, NTP states included', () => {
    const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate('zh', key, params)
    const ntp = {
      algo: 'ntp' as const,
      state: 'FREQ' as const,
      stratum: 3,
      synchronised: false,
      peer: null,
      poll: 6,
      noMajority: false,
      rejected: [],
    }
    expect(syncText(ntp, false, zh)).toBe('测频中 · 层级 3')
  })

  it('names reference and free-running clocks without a protocol state', () => {
    expect(syncText(null, true, t)).toBe('reference clock')
    expect(syncText(null, false, t)).toBe('free-running')
  })
})
