import { Banners } from './banners/Banners'
import { ClockSection } from './clock/ClockSection'
import { ConsensusPanel } from './consensus/ConsensusPanel'
import { ControlBar } from './controls/ControlBar'
import { Header } from './header/Header'
import { Legend } from './legend/Legend'
import { SidePanel } from './panels/SidePanel'
import { SpacetimeView } from './spacetime/SpacetimeView'
import { Timeline } from './timeline/Timeline'
import { NodeMenu } from './perturb/NodeMenu'
import { isEmbed } from './share/shareUrl'
import { TopologyView } from './topology/TopologyView'

/** `?embed=1` (contract.md §3): for an iframe, only the topology and the run controls. */
const embed = typeof window !== 'undefined' && isEmbed(window.location.search)

/** Page structure: header, run controls, the stage (topology + legend) and the side panels. */
export function App() {
  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      {!embed && <Header />}
      {embed ? (
        <ControlBar />
      ) : (
        // one grid row: the scrubber belongs with the run controls
        <div className="run-strip">
          <ControlBar />
          <Timeline />
        </div>
      )}
      <Banners />
      <main className="workspace">
        <div className="stage">
          <TopologyView />
          {!embed && <Legend />}
          {!embed && <ConsensusPanel />}
        </div>
        {!embed && <SidePanel />}
      </main>
      {!embed && <SpacetimeView />}
      {!embed && <ClockSection />}
      <NodeMenu />
    </div>
  )
}
