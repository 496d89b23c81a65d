import { describe, expect, it } from 'vitest'
import { panView, timeDomain, viewFor, zoomView } from './viewport'

describe('chart time window', () => {
  it('shows the whole history, a sliding window, or a fixed one', () => {
    expect(timeDomain({ mode: 'all' }, 10, 100)).toEqual([10, 100])
    expect(timeDomain({ mode: 'follow', span: 30 }, 10, 100)).toEqual([70, 100])
    expect(timeDomain({ mode: 'fixed', x0: 20, x1: 40 }, 10, 100)).toEqual([20, 40])
    // an empty history still gets a window
    expect(timeDomain({ mode: 'all' }, 0, 0)).toEqual([0, 0.5])
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
  })
})
