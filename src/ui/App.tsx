import { Banners } from './banners/Banners'
import { ConsensusPanel } from './consensus/ConsensusPanel'
import { ClockSection } from './clock/ClockSection'
import { ControlBar } from './controls/ControlBar'
import { Header } from './header/Header'
import { Legend } from './legend/Legend'
import { SidePanel } from './panels/SidePanel'
import { SpacetimeView } from './spacetime/SpacetimeView'
import { Timeline } from './timeline/Timeline'
import { TopologyView } from './topology/TopologyView'

/** Page structure: header, run controls, the stage (topology + legend) and the side panels. */
export function App() {
  return (
    <div className="app">
      <Header />
      {/* one grid row: the scrubber belongs with the run controls */}
      <div className="run-strip">
        <ControlBar />
        <Timeline />
      </div>
      <Banners />
      <main className="workspace">
        <div className="stage">
          <TopologyView />
          <Legend />
          <ConsensusPanel />
        </div>
        <SidePanel />
      </main>
      <SpacetimeView />
      <ClockSection />
    </div>
  )
}
