import { ClientPanel } from '../consensus/ClientPanel'
import { SafetyStatus } from '../consensus/SafetyStatus'
import { InterventionLog } from '../perturb/InterventionLog'
import { PerturbPanel } from '../perturb/PerturbPanel'
import { SharePanel } from '../share/SharePanel'
import { HelpPanel } from './HelpPanel'
import { RunPanel } from './RunPanel'

/**
 * The column beside the topology. Each view is its own component; later ones (offset charts,
 * node inspector, Paxos state, space-time diagram) are added here.
 */
export function SidePanel() {
  return (
    <aside className="side-panel">
      <SafetyStatus />
      <ClientPanel />
      <RunPanel />
      <PerturbPanel />
      <InterventionLog />
      <SharePanel />
      <HelpPanel />
    </aside>
  )
}
