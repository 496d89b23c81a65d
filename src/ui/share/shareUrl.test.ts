import { describe, expect, it } from 'vitest'
import { decodeShare, encodeShare } from '../../engine/scenario/shareCodec'
import { presets } from '../../engine/scenario/presets'
import { fileStem, isEmbed, isShareHash, shareUrl } from './shareUrl'

describe('share URLs', () => {
  it('keep the page address and query and put the payload in the hash', () => {
    const payload = encodeShare(presets[0].scenario, 3.25)
    const url = shareUrl('http://host:8/app/?lang=zh&embed=1#s=old', payload)
    expect(url).toBe(`http://host:8/app/?lang=zh&embed=1#s=${payload}`)
    const hash = new URL(url).hash
    expect(isShareHash(hash)).toBe(true)
    const r = decodeShare(hash)
    expect(r.ok && r.t).toBe(3.25)
    // the scenario as written, not the engine's filled-in form: a loader can parse it again
    expect(r.ok && r.input).toEqual(presets[0].scenario)
  })

  it('tell an embed and a share hash from anything else', () => {
    expect(isEmbed('?embed=1&lang=en')).toBe(true)
    expect(isEmbed('?embed=0')).toBe(false)
    expect(isEmbed('')).toBe(false)
    expect(isShareHash('#s=')).toBe(true)
    expect(isShareHash('#section')).toBe(false)
  })

  it('make safe file names from scenario names', () => {
    expect(fileStem('Cristian on a LAN')).toBe('cristian-on-a-lan')
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd')
    expect(fileStem('局域网')).toBe('driftlab')
    expect(fileStem('')).toBe('driftlab')
  })
})
