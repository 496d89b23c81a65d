import { useRunStore } from '../../store/runStore'
import { algorithmOf } from '../clockSync'
import { NodeInspector } from './NodeInspector'
import '../clock.css'

/** The selected node's algorithm state and live perturbations. */
export function InspectorView() {
  const run = useRunStore((s) => s.run)
  if (!run) return null
  return <NodeInspector run={run} algorithm={algorithmOf(run)} />
}
