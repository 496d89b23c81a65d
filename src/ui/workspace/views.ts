import { lazy, type ComponentType } from 'react'
import type { MessageKey } from '../i18n'
import { RunPanel } from '../panels/RunPanel'
import type { ViewId } from './workspaceStore'

/**
 * A view loaded on demand: its code is a chunk of its own, fetched the first time the view is
 * shown, so the page's initial JavaScript holds only the map and the run strip (bundle budget,
 * `npm run size`). `load` must be a literal `import()` for the bundler to split there.
 */
function onDemand<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ComponentType {
  return lazy(() => load().then((m) => ({ default: pick(m) })))
}

const clockViews = () => import('../clock/ClockViews')
const OffsetChartView = onDemand(clockViews, (m) => m.OffsetChartView)
const PrecisionView = onDemand(clockViews, (m) => m.PrecisionView)
const ClockTableView = onDemand(clockViews, (m) => m.ClockTableView)
const InspectorView = onDemand(
  () => import('../clock/inspector/InspectorView'),
  (m) => m.InspectorView,
)
const ConsensusPanel = onDemand(
  () => import('../consensus/ConsensusPanel'),
  (m) => m.ConsensusPanel,
)
const LeaseChart = onDemand(
  () => import('../consensus/LeaseChart'),
  (m) => m.LeaseChart,
)
const ClientPanel = onDemand(
  () => import('../consensus/ClientPanel'),
  (m) => m.ClientPanel,
)
const SpacetimeView = onDemand(
  () => import('../spacetime/SpacetimeView'),
  (m) => m.SpacetimeView,
)
const TransactionsView = onDemand(
  () => import('../transactions/TransactionsView'),
  (m) => m.TransactionsView,
)
const PerturbPanel = onDemand(
  () => import('../perturb/PerturbPanel'),
  (m) => m.PerturbPanel,
)
const InterventionLog = onDemand(
  () => import('../perturb/InterventionLog'),
  (m) => m.InterventionLog,
)
const SharePanel = onDemand(
  () => import('../share/SharePanel'),
  (m) => m.SharePanel,
)
const HelpPanel = onDemand(
  () => import('../panels/HelpPanel'),
  (m) => m.HelpPanel,
)

export interface ViewDef {
  id: ViewId
  /** the tab's label in the message catalogues */
  label: MessageKey
  /** loaded on demand except the run facts, which stay mounted */
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
const VIEWS: readonly ViewDef[] = [
  { id: 'offsetChart', label: 'view.offsetChart', component: OffsetChartView, fills: true },
  { id: 'precision', label: 'view.precision', component: PrecisionView },
  { id: 'clocks', label: 'view.clocks', component: ClockTableView },
  { id: 'inspector', label: 'view.inspector', component: InspectorView },
  { id: 'paxos', label: 'view.paxos', component: ConsensusPanel, consensus: true },
  { id: 'lease', label: 'view.lease', component: LeaseChart, consensus: true },
  { id: 'client', label: 'view.client', component: ClientPanel, consensus: true },
  { id: 'spacetime', label: 'view.spacetime', component: SpacetimeView, fills: true },
  { id: 'transactions', label: 'view.transactions', component: TransactionsView },
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
