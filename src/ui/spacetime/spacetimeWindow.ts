import { schedulePaint } from '../frameLoop'
import { onWorkerMessage } from '../sim/actions'
import { emptyWindow, ingest, type SpacetimeWindow } from './spacetimeData'
import { follow } from './diagramViewStore'

/** The diagram's window as last received (see spacetimeData.ts); painters read `current()`. */
let current: SpacetimeWindow = emptyWindow()

export const spacetimeWindow = (): SpacetimeWindow => current

onWorkerMessage((msg) => {
  switch (msg.type) {
    case 'loaded':
      current = emptyWindow(msg.run.runId, msg.run.nodes.length)
      follow()
      schedulePaint()
      return
    case 'seeked':
      // after a seek the diagram shows the moment sought
      follow()
      return
    case 'spacetime':
      current = ingest(current, msg)
      schedulePaint()
      return
  }
})
