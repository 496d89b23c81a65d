import { describe, expect, it } from 'vitest'
import { translate } from '../i18n'
import { quorumText } from './quorum'

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params)
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('zh', key, params)

describe('quorum progress', () => {
  it('phase 1 counts promises toward the majority', () => {
    expect(quorumText({ phase: 'prepare', have: 2, need: 3, of: 5 }, en)).toBe('2 of 3 promises')
    expect(quorumText({ phase: 'prepare', have: 2, need: 3, of: 5 }, zh)).toBe('已获 2/3 个承诺')
  })

  it('phase 2 names the oldest open slot and counts the rest', () => {
    const slots = [
      { slot: 7, have: 1, need: 2, of: 3 },
      { slot: 5, have: 2, need: 2, of: 3 },
    ]
    expect(quorumText({ phase: 'accept', slots }, en)).toBe('slot 5: 2 of 2 accepted (+1 more)')
    expect(quorumText({ phase: 'accept', slots: slots.slice(0, 1) }, en)).toBe(
      'slot 7: 1 of 2 accepted',
    )
  })

  it('says nothing when nothing is awaited', () => {
    expect(quorumText(null, en)).toBeNull()
    expect(quorumText({ phase: 'accept', slots: [] }, en)).toBeNull()
  })
})
