/// <reference lib="webworker" />
/**
 * A clock chart's lines, drawn off the page's thread (docs/ui-layers.md): the page thins the
 * history and sends the points at the readout rate; drawing them and handing the canvas to the
 * compositor costs the page nothing (at 200 nodes a chart's stroke and canvas copy were a third
 * of each readout's display frame).
 */
import { servePaintWorker } from '../../offscreenPainter'
import { drawChartScene, type ChartScene } from './chartScene'

declare const self: DedicatedWorkerGlobalScope

servePaintWorker<ChartScene>(self, (canvas, ctx) => (scene) => drawChartScene(canvas, ctx, scene))
