// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HistoryRing } from '../history/ring'
import { paintChart, type ChartParts } from './chartPainter'

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
  const ctx = {
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: '',
    dash: [] as number[],
    setTransform() {},
    clearRect() {},
    beginPath: () => void (moves = points = 0),
    moveTo: () => void (moves++, points++),
    lineTo: () => void points++,
    setLineDash(d: number[]) {
      this.dash = d
    },
    stroke() {
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
  return { canvas: canvas as unknown as HTMLCanvasElement, strokes }
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

describe('paintChart', () => {
  beforeEach(() => vi.stubGlobal('devicePixelRatio', 2))
  afterEach(() => vi.unstubAllGlobals())

  it('draws each line on the canvas, breaks it at a gap, and the selected one last', () => {
    const { canvas, strokes } = fakeCanvas()
    const series = [document.createElement('span'), document.createElement('span')]
    const parts: ChartParts = {
      figure: document.createElement('figure'),
      xAxis: svg('g'),
      yAxis: svg('g'),
      zero: svg('line'),
      band: svg('rect'),
      yLabel: svg('text'),
      canvas,
      series,
    }
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
})
