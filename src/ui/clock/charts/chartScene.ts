import { fitCanvas, type Canvas2D } from '../../fitCanvas'

/** One line of a chart, as drawn: its look and its points in CSS pixels of the plot area. */
interface SceneLine {
  colour: string
  /** CSS pixels */
  width: number
  /** a reference clock's line is dashed ([] solid) */
  dash: number[]
  /** x, y pairs; a NaN x breaks the line (a crashed node) */
  xy: Float32Array
}

/** What a chart's canvas shows: the plot area's size and its lines, bottom one first. */
export interface ChartScene {
  width: number
  height: number
  dpr: number
  lines: SceneLine[]
}

/**
 * Draw a chart's lines (clock/charts/chartPainter.ts builds them), in the chart's paint worker
 * (chartPaint.worker.ts) or, where a canvas cannot be handed over, on the page.
 */
export function drawChartScene(
  canvas: Canvas2D['canvas'],
  ctx: Canvas2D['ctx'],
  scene: ChartScene,
): void {
  const { width, height } = scene
  fitCanvas(canvas, ctx, width, height, scene.dpr)
  ctx.clearRect(0, 0, width, height)
  ctx.lineJoin = 'round'
  for (const line of scene.lines) {
    const { xy } = line
    ctx.beginPath()
    let pen = false
    for (let j = 0; j < xy.length; j += 2) {
      const x = xy[j]
      if (x !== x) {
        pen = false
        continue
      }
      if (pen) ctx.lineTo(x, xy[j + 1])
      else ctx.moveTo(x, xy[j + 1])
      pen = true
    }
    ctx.lineWidth = line.width
    ctx.setLineDash(line.dash)
    ctx.strokeStyle = line.colour
    ctx.stroke()
  }
}
