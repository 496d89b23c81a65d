import type { ComponentType } from 'react'
import { ClockTableView, InspectorView, OffsetChartView, PrecisionView } from '../clock/ClockViews'
import { ClientPanel } from '../consensus/ClientPanel'
import { ConsensusPanel } from '../consensus/ConsensusPanel'
import { LeaseChart } from '../consensus/LeaseChart'
import type { MessageKey } from '../i18n'
import { HelpPanel } from '../panels/HelpPanel'
import { RunPanel } from '../panels/RunPanel'
import { InterventionLog } from '../perturb/InterventionLog'
import { PerturbPanel } from '../perturb/PerturbPanel'
import { SharePanel } from '../share/SharePanel'
import { SpacetimeView } from '../spacetime/SpacetimeView'
import type { ViewId } from './workspaceStore'

export interface ViewDef {
  id: ViewId
  /** the tab's label in the message catalogues */
  label: MessageKey
  component: ComponentType
  /** takes the pane's free height (it sizes itself to it) rather than its natural height */
  fills?: boolean
  /** only offered while a consensus protocol runs */
  consensus?: boolean
  /**
   * Stays mounted (hidden) when not focused: `run-info` carries the run's trace hash and time
   * for tests and lessons whichever view is on screen (docs/ui-contract.md).
   */
  keepMounted?: boolean
}

/** Every view, in tab-bar order: what the run is about first, then tools. */
export const VIEWS: readonly ViewDef[] = [
  { id: 'offsetChart', label: 'view.offsetChart', component: OffsetChartView, fills: true },
  { id: 'precision', label: 'view.precision', component: PrecisionView },
  { id: 'clocks', label: 'view.clocks', component: ClockTableView },
  { id: 'inspector', label: 'view.inspector', component: InspectorView },
  { id: 'paxos', label: 'view.paxos', component: ConsensusPanel, consensus: true },
  { id: 'lease', label: 'view.lease', component: LeaseChart, consensus: true },
  { id: 'client', label: 'view.client', component: ClientPanel, consensus: true },
  { id: 'spacetime', label: 'view.spacetime', component: SpacetimeView },
  { id: 'perturb', label: 'view.perturb', component: PerturbPanel },
  { id: 'interventions', label: 'view.interventions', component: InterventionLog },
  { id: 'share', label: 'view.share', component: SharePanel },
  { id: 'run', label: 'view.run', component: RunPanel, keepMounted: true },
  { id: 'help', label: 'view.help', component: HelpPanel },
]

/** The views a run offers: consensus views only while a consensus protocol runs. */
export function availableViews(consensus: boolean): readonly ViewDef[] {
  return VIEWS.filter((v) => consensus || !v.consensus)
}

/** What the pane shows: the focused views the run offers, else the first view. */
export function shownViews(focus: readonly ViewId[], offered: readonly ViewDef[]): ViewId[] {
  const shown = focus.filter((id) => offered.some((v) => v.id === id))
  return shown.length > 0 ? shown : [offered[0].id]
}
