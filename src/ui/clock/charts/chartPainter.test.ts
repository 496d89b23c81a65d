// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HistoryRing } from '../history/ring'
import { paintChart, type ChartParts } from './chartPainter'
import type { TimeView } from './timeViewStore'

/** A canvas whose 2D context records each line's drawing: moves, line-tos and stroke style. */
function fakeCanvas() {
  const strokes: {
    colour: string
    width: number
    dash: number[]
    moves: number
    points: number
  }[] = []
  let moves = 0
  let points = 0
  // each stroke's points, as drawn
  const paths: number[][] = []
  let path: number[] = []
  const ctx = {
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: '',
    dash: [] as number[],
    setTransform() {},
    clearRect() {},
    beginPath: () => void ((moves = points = 0), (path = [])),
    moveTo: (x: number, y: number) => void (moves++, points++, path.push(NaN, x, y)),
    lineTo: (x: number, y: number) => void (points++, path.push(x, y)),
    setLineDash(d: number[]) {
      this.dash = d
    },
    stroke() {
      paths.push(path)
      strokes.push({
        colour: this.strokeStyle,
        width: this.lineWidth,
        dash: this.dash,
        moves,
        points,
      })
    },
  }
  const canvas = { width: 0, height: 0, getContext: () => ctx }
  return { canvas: canvas as unknown as HTMLCanvasElement, strokes, paths }
}

const SVG = 'http://www.w3.org/2000/svg'
const svg = <K extends keyof SVGElementTagNameMap>(tag: K) =>
  document.createElementNS(SVG, tag) as SVGElementTagNameMap[K]

/** Two nodes, 10 samples a second apart; node 1 (a client) is crashed for samples 4 and 5. */
function ring() {
  const r = new HistoryRing(64)
  const n = 10
  const offset = new Float64Array(n * 2)
  for (let j = 0; j < n; j++) {
    offset[j * 2] = 0
    offset[j * 2 + 1] = j === 4 || j === 5 ? NaN : 1e-3 * (j + 1)
  }
  r.push({
    nodes: 2,
    t: Float64Array.from({ length: n }, (_, j) => j),
    accuracy: new Float64Array(n).fill(2e-3),
    precision: new Float64Array(n),
    offset,
    correction: new Float64Array(n * 2),
  })
  return r
}

/** A chart's parts around `canvas`. */
const partsFor = (canvas: HTMLCanvasElement, series: HTMLElement[]): ChartParts => ({
  figure: document.createElement('figure'),
  xAxis: svg('g'),
  yAxis: svg('g'),
  zero: svg('line'),
  band: svg('rect'),
  yLabel: svg('text'),
  canvas,
  series,
})

describe('paintChart', () => {
  beforeEach(() => vi.stubGlobal('devicePixelRatio', 2))
  afterEach(() => vi.unstubAllGlobals())

  it('draws each line on the canvas, breaks it at a gap, and the selected one last', () => {
    const { canvas, strokes } = fakeCanvas()
    const series = [document.createElement('span'), document.createElement('span')]
    const parts = partsFor(canvas, series)
    const lines = [
      { colour: '#0f172a', reference: true, selected: false },
      { colour: '#4e79a7', reference: false, selected: true },
    ]
    paintChart('offset', parts, {
      ring: ring(),
      frame: null,
      summary: null,
      lines,
      view: { mode: 'all' },
      width: 300,
      height: 100,
      t: (key) => key,
    })
    // the canvas is the plot area at the device's pixel ratio
    expect([canvas.width, canvas.height]).toEqual([600, 200])
    // the reference line first, thin and dashed; the selected client on top, thick, in two pieces
    expect(strokes).toEqual([
      { colour: '#0f172a', width: 1, dash: [4, 3], moves: 1, points: 10 },
      { colour: '#4e79a7', width: 3, dash: [], moves: 2, points: 8 },
    ])
    expect(series.map((s) => s.dataset.points)).toEqual(['10', '8'])
    expect(series.map((s) => s.dataset.last)).toEqual(['0', '0.01'])
    expect(parts.figure.dataset.samples).toBe('10')
  })

  it('draws a chart painted at every new sample as a chart painted once draws it', () => {
    // 3 lines, 6 000 samples 0.05 s apart, pushed in chunks (long enough that what lies before a
    // sliding window is dropped); node 2 crashes for a while
    const growing = new HistoryRing(1500)
    const chunk = (t0: number, m: number) => {
      const offset = new Float64Array(m * 3)
      for (let j = 0; j < m; j++)
        for (let i = 0; i < 3; i++) {
          const t = t0 + j * 0.05
          offset[j * 3 + i] = i === 2 && t > 280 && t < 285 ? NaN : Math.sin(t * (i + 1)) * 1e-3
        }
      growing.push({
        nodes: 3,
        t: Float64Array.from({ length: m }, (_, j) => t0 + j * 0.05),
        accuracy: new Float64Array(m).fill(2e-3),
        precision: new Float64Array(m),
        offset,
        correction: new Float64Array(m * 3),
      })
    }
    const lines = ['#4e79a7', '#f28e2b', '#e15759'].map((colour) => ({
      colour,
      reference: false,
      selected: false,
    }))
    const paint = (canvas: HTMLCanvasElement, view: TimeView) =>
      paintChart('offset', partsFor(canvas, []), {
        ring: growing,
        frame: null,
        summary: null,
        lines,
        view,
        // 40 px: 10 samples a column in a 20 s window
        width: 40,
        height: 100,
        t: (key) => key,
      })
    for (const view of [{ mode: 'all' }, { mode: 'follow', span: 20 }] as TimeView[]) {
      growing.clear()
      const incremental = fakeCanvas()
      for (let k = 0; k < 300; k++) {
        chunk(k * 1, 20)
        paint(incremental.canvas, view)
        if (k % 7 > 0) continue
        const once = fakeCanvas()
        paint(once.canvas, view)
        expect(incremental.paths.slice(-3)).toEqual(once.paths)
      }
      expect(incremental.paths.slice(-3).every((p) => p.length > 50)).toBe(true)
      // the oldest samples went (the ring holds 1 500): the history starts at 225 s
      expect(growing.time(0)).toBeCloseTo(225, 9)
    }
  })
})
