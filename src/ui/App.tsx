import { Banners } from './banners/Banners'
import { ConsensusPanel } from './consensus/ConsensusPanel'
import { ClockSection } from './clock/ClockSection'
import { ControlBar } from './controls/ControlBar'
import { Header } from './header/Header'
import { Legend } from './legend/Legend'
import { SidePanel } from './panels/SidePanel'
import { TopologyView } from './topology/TopologyView'

/** Page structure: header, run controls, the stage (topology + legend) and the side panels. */
export function App() {
  return (
    <div className="app">
      <Header />
      <ControlBar />
      <Banners />
      <main className="workspace">
        <div className="stage">
          <TopologyView />
          <Legend />
          <ConsensusPanel />
        </div>
        <SidePanel />
      </main>
      <ClockSection />
    </div>
  )
}
