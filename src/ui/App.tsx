import { Banners } from './banners/Banners'
import { useClockRunReset } from './clock/runReset'
import { ConfirmDialog } from './confirm/ConfirmDialog'
import { ControlBar } from './controls/ControlBar'
import { Header } from './header/Header'
import { useT } from './i18n'
import { Legend } from './legend/Legend'
import { Timeline } from './timeline/Timeline'
import { NodeMenu } from './perturb/NodeMenu'
import { LessonBar } from './lessons/LessonBar'
import { LessonListOnDemand } from './lessons/LessonsButton'
import { isEmbed } from './share/shareUrl'
import { TopologyView } from './topology/TopologyView'
import { ToolPalette } from './tools/ToolPalette'
import { FocusPane } from './workspace/FocusPane'
import { usePresenterStore } from './workspace/presenterStore'
import './workspace/workspace.css'
// Stores that collect the worker's feeds from the first message on: the views that read them load
// on demand, and a store loaded with its view would miss the run's 'loaded' and earlier batches.
import './spacetime/spacetimeWindow'
import './clock/history/clockFeedStore'

/** `?embed=1` (docs/ui-contract.md): for an iframe, only the topology and the run controls. */
const embed = typeof window !== 'undefined' && isEmbed(window.location.search)

/**
 * The workspace (docs/ui-layers.md): header, run strip, the lesson bar while a lesson is open,
 * then the map beside the focus pane, sized to the window rather than scrolled.
 */
export function App() {
  useClockRunReset()
  const t = useT()
  const present = usePresenterStore((s) => s.on)
  const className = ['app', embed ? 'app-embed' : 'app-workspace', present ? 'app-present' : '']
  return (
    <div className={className.join(' ').trim()}>
      {!embed && <Header />}
      {/* one grid row, a landmark: the scrubber belongs with the run controls */}
      <section className="run-strip" aria-label={t('runStrip.label')}>
        <ControlBar />
        {!embed && <Timeline />}
      </section>
      <Banners />
      {/* The lesson bar (empty and collapsed without a lesson). */}
      {!embed && (
        <div id="lesson-bar-slot" className="lesson-bar-slot">
          <LessonBar />
        </div>
      )}
      <main className="workspace">
        <div className="stage">
          {!embed && <ToolPalette />}
          <TopologyView />
          {!embed && <Legend />}
        </div>
        {!embed && <FocusPane />}
      </main>
      <NodeMenu />
      <ConfirmDialog />
      {!embed && <LessonListOnDemand />}
    </div>
  )
}
