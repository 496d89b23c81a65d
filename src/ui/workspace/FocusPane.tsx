import { Suspense, useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useConsensusStore, type ConsensusState } from '../consensus/consensusStore'
import { SafetyStatus } from '../consensus/SafetyStatus'
import { useT } from '../i18n'
import { useRunStore } from '../store/runStore'
import { usePresenterKeys } from './presenterKeys'
import { usePresenterStore } from './presenterStore'
import { availableViews, shownViews } from './views'
import { openView, useWorkspaceStore } from './workspaceStore'

const selectConsensusRun = (s: ConsensusState) => ({ runId: s.runId, meta: s.meta !== null })

/**
 * The pane beside the map: the safety verdict, a tab per view the run offers, and the focused
 * views below — one in presenter mode, else the one or two a preset or lesson step chose.
 * Unfocused views are not mounted (so they paint nothing), except the run facts.
 */
export function FocusPane() {
  const t = useT()
  const focus = useWorkspaceStore((s) => s.focus)
  const present = usePresenterStore((s) => s.on)
  const runId = useRunStore((s) => s.run?.runId ?? -2)
  const c = useConsensusStore(useShallow(selectConsensusRun))
  const consensus = c.meta && c.runId === runId
  const offered = availableViews(consensus)
  const offeredIds = useMemo(() => availableViews(consensus).map((v) => v.id), [consensus])
  usePresenterKeys(offeredIds)
  const shown = shownViews(focus, offered).slice(0, present ? 1 : 2)

  return (
    <section className="focus-pane" aria-label={t('workspace.paneLabel')}>
      <SafetyStatus />
      <div
        className="view-tabs"
        role="tablist"
        aria-label={t('workspace.tabsLabel')}
        aria-multiselectable={!present}
      >
        {offered.map((v) => {
          const on = shown.includes(v.id)
          return (
            <button
              key={v.id}
              type="button"
              role="tab"
              id={`view-tab-${v.id}`}
              data-testid={`view-tab-${v.id}`}
              aria-selected={on}
              aria-controls={on || v.keepMounted ? `view-${v.id}` : undefined}
              title={t('workspace.tabHint')}
              className="view-tab"
              onClick={(e) => openView(v.id, !present && (e.shiftKey || e.ctrlKey || e.metaKey))}
            >
              {t(v.label)}
            </button>
          )
        })}
      </div>
      <div className="focus-views">
        {offered.map((v) => {
          const on = shown.includes(v.id)
          if (!on && !v.keepMounted) return null
          const View = v.component
          return (
            <div
              key={v.id}
              role="tabpanel"
              id={`view-${v.id}`}
              data-testid={`view-${v.id}`}
              aria-labelledby={`view-tab-${v.id}`}
              // focusable (WAI-ARIA tabs pattern): a keyboard reaches and scrolls a view that
              // scrolls inside itself even when it holds no control (the Paxos and lease tables)
              tabIndex={0}
              className={v.fills ? 'focus-view focus-view-fills' : 'focus-view'}
              hidden={!on}
              style={{ order: on ? shown.indexOf(v.id) : 99 }}
            >
              {/* an on-demand view shows nothing while its chunk loads */}
              <Suspense fallback={null}>
                <View />
              </Suspense>
            </div>
          )
        })}
      </div>
    </section>
  )
}
