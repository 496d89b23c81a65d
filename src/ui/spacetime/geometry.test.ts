import { describe, expect, it } from 'vitest'
import {
  clampFirstLane,
  lanePositions,
  laneSegments,
  laneShown,
  localTicks,
  segmentDistance2,
} from './geometry'
import { stepDecimals } from './painter'

describe('local clock ticks', () => {
  it('places ticks where a fast clock reads whole seconds: earlier in true time', () => {
    // local = 1.001 · t + 0.05
    const samples = [0, 0.05, 10, 10.06]
    const ticks = localTicks(samples, 0, 10, 1)
    expect(ticks).toHaveLength(10)
    ticks.forEach((t, i) => expect(t).toBeCloseTo((i + 1 - 0.05) / 1.001, 9))
  })

  it('skips the readings a forward step jumps over and repeats those a backward step revisits', () => {
    // at t = 2.5 the clock jumps from 2.5 to 4.5: it never reads 3 or 4
    const forward = [0, 0, 2.5, 2.5, 2.5, 4.5, 6, 8]
    expect(localTicks(forward, 0, 6, 1)).toEqual([0, 1, 2, 3, 4, 5])
    // at t = 2.5 it jumps back from 2.5 to 1.5: it reads 2 again at t = 3
    const backward = [0, 0, 2.5, 2.5, 2.5, 1.5, 4, 3]
    expect(localTicks(backward, 0, 4, 1)).toEqual([0, 1, 2, 3])
  })

  it('extends the last sample to now with the tail, and clips to the view', () => {
    expect(localTicks([0, 0.5], 0, 10, 1, { t: 3, local: 3.5 })).toEqual([0.5, 1.5, 2.5])
    expect(localTicks([0, 0.5, 3, 3.5], 1, 2, 1)).toEqual([1.5])
  })
})

describe('lane segments', () => {
  it('splits a lane where the node crashed and restarted; marks without a status change do not', () => {
    const marks = [
      { t: 2, kind: 'crash' as const, node: 1, status: 1 },
      { t: 3, kind: 'crash' as const, node: 1 },
      { t: 4, kind: 'crash' as const, node: 0, status: 1 },
      { t: 5, kind: 'restart' as const, node: 1, status: 0 },
    ]
    expect(laneSegments(0, marks, 1, 0, 10)).toEqual([
      { from: 0, to: 2, status: 0 },
      { from: 2, to: 5, status: 1 },
      { from: 5, to: 10, status: 0 },
    ])
    expect(laneSegments(0, marks, 1, 3, 4)).toEqual([{ from: 3, to: 4, status: 1 }])
  })
})

describe('hit testing', () => {
  it('measures the distance to a segment, clamped at its ends', () => {
    expect(segmentDistance2(5, 3, 0, 0, 10, 0)).toBe(9)
    expect(segmentDistance2(-3, 4, 0, 0, 10, 0)).toBe(25)
    expect(segmentDistance2(1, 1, 2, 2, 2, 2)).toBe(2)
  })
})

describe('tick labels', () => {
  it('use as many decimals as the step needs', () => {
    expect([2, 0.5, 0.05, 0.025, 1e-4].map(stepDecimals)).toEqual([0, 1, 2, 3, 4])
  })
})

describe('lane window', () => {
  it('keeps the window inside the run', () => {
    expect(clampFirstLane(-5, 1000, 24)).toBe(0)
    expect(clampFirstLane(990, 1000, 24)).toBe(976)
    expect(clampFirstLane(12.5, 1000, 24)).toBe(12)
    // fewer nodes than the window: always the first
    expect(clampFirstLane(3, 5, 5)).toBe(0)
  })

  it('gives the shown lanes rows and puts the others just off the plot', () => {
    const y = lanePositions(100, 10, 24, 20, 26)
    const height = 26 + 24 * 20
    expect(y).toHaveLength(100)
    expect(y[10]).toBe(36)
    expect(y[33]).toBe(26 + 23.5 * 20)
    for (let i = 10; i < 34; i++) expect(laneShown(y[i], height)).toBe(true)
    for (const i of [0, 9, 34, 99]) expect(laneShown(y[i], height)).toBe(false)
    // before the window above the plot, after it below
    expect(y[9]).toBeLessThan(0)
    expect(y[34]).toBeGreaterThan(height)
  })
})
