import { describe, expect, it } from 'vitest'
import { DEFAULT_SPAN, viewDomain, type DiagramView } from './diagramViewStore'

const view = (over: Partial<DiagramView> = {}): DiagramView => ({
  span: DEFAULT_SPAN,
  end: 0,
  following: true,
  localTicks: false,
  firstLane: 0,
  ...over,
})

describe("the space-time diagram's stretch of time", () => {
  it('grows with a young run from 1 s instead of drawing it on the whole span', () => {
    expect(viewDomain(view(), 0)).toEqual([0, 1])
    expect(viewDomain(view(), 0.1)).toEqual([0, 1])
    expect(viewDomain(view(), 4)[1]).toBeCloseTo(4.6, 12)
    // never past the span, and a span under 1 s is kept
    expect(viewDomain(view(), 19)).toEqual([0, 20])
    expect(viewDomain(view({ span: 0.2 }), 0.1)).toEqual([0, 0.2])
  })

  it('scrolls with the run once it is older than the span', () => {
    expect(viewDomain(view(), 35)).toEqual([15, 35])
  })

  it('keeps a chosen stretch while not following', () => {
    expect(viewDomain(view({ following: false, end: 3 }), 10)).toEqual([0, 20])
    expect(viewDomain(view({ following: false, end: 30 }), 40)).toEqual([10, 30])
  })
})
