/// <reference lib="webworker" />
/**
 * A clock chart's lines, drawn off the page's thread (docs/ui-layers.md): the page thins the
 * history and sends, at the readout rate, the points thinned since its last update; this worker
 * keeps them, places them on the plot and strokes every line. Drawing and handing the canvas to
 * the compositor costs the page nothing (at 200 nodes a chart's stroke and canvas copy were a
 * third of each readout's display frame).
 */
import { servePaintWorker } from '../../offscreenPainter'
import { chartDrawer, type ChartUpdate } from './chartScene'

declare const self: DedicatedWorkerGlobalScope

servePaintWorker<ChartUpdate>(self, chartDrawer)
