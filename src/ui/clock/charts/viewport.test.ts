import { describe, expect, it } from 'vitest'
import { grownSpan, panView, timeDomain, viewFor, zoomView } from './viewport'

describe('chart time window', () => {
  it('shows the whole history, a sliding window, or a fixed one', () => {
    // the whole history, 90 s, in a window grown to the next step: 100 s
    expect(timeDomain({ mode: 'all' }, 10, 100)).toEqual([10, 110])
    expect(timeDomain({ mode: 'follow', span: 30 }, 10, 100)).toEqual([70, 100])
    expect(timeDomain({ mode: 'fixed', x0: 20, x1: 40 }, 10, 100)).toEqual([20, 40])
    // an empty history still gets a window
    expect(timeDomain({ mode: 'all' }, 0, 0)).toEqual([0, 0.5])
  })

  it('grows the whole-history window in steps about 25 % apart, each reached exactly', () => {
    expect([0.5, 0.6, 1, 1.1, 90, 100, 101, 3100, 7000].map(grownSpan)).toEqual([
      0.5, 0.63, 1, 1.25, 100, 100, 125, 3150, 8000,
    ])
    // a history growing by 1 ms steps keeps its window until it outgrows it
    const ends = new Set<number>()
    for (let now = 10; now <= 20; now += 0.001) ends.add(timeDomain({ mode: 'all' }, 0, now)[1])
    expect([...ends]).toEqual([10, 12.5, 16, 20])
    for (const span of [0.5, 0.77, 1.26, 3, 3.16, 42, 316, 999, 1e4 + 1]) {
      expect(grownSpan(span) / span).toBeGreaterThanOrEqual(0.999)
      // never more than one step (at most 1.6 / 1.25) of room
      expect(grownSpan(span) / span).toBeLessThanOrEqual(1.28)
    }
    // a full history of 16 384 samples 2^-10 s apart spans 16 s, give or take its newest sample:
    // one window, not two in turn
    for (const tail of [-1, 0, 0.5, 1, 2]) expect(grownSpan(16 + tail * 2 ** -10)).toBe(16)
  })

  it('classifies a moved window: at the present it follows, covering everything it shows all', () => {
    expect(viewFor(50, 100, 0, 100)).toEqual({ mode: 'follow', span: 50 })
    expect(viewFor(-5, 100, 0, 100)).toEqual({ mode: 'all' })
    expect(viewFor(20, 60, 0, 100)).toEqual({ mode: 'fixed', x0: 20, x1: 60 })
  })

  it('zooms about the right edge while following, about the centre otherwise', () => {
    expect(zoomView({ mode: 'all' }, 0.5, 0, 100)).toEqual({ mode: 'follow', span: 50 })
    expect(zoomView({ mode: 'follow', span: 50 }, 4, 0, 100)).toEqual({ mode: 'all' })
    expect(zoomView({ mode: 'fixed', x0: 20, x1: 60 }, 0.5, 0, 100)).toEqual({
      mode: 'fixed',
      x0: 30,
      x1: 50,
    })
  })

  it('pans back in time and stops at the present', () => {
    expect(panView({ mode: 'follow', span: 20 }, -0.5, 0, 100)).toEqual({
      mode: 'fixed',
      x0: 70,
      x1: 90,
    })
    expect(panView({ mode: 'fixed', x0: 70, x1: 90 }, 1, 0, 100)).toEqual({
      mode: 'follow',
      span: 20,
    })
    // the whole history's window already reaches past the present
    expect(panView({ mode: 'all' }, 0.5, 0, 90)).toEqual({ mode: 'all' })
  })
})
