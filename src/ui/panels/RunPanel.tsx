import { useCallback, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Frame } from '../../worker/wire'
import { usePainter } from '../frameLoop'
import { sourceName, useLangStore, useT } from '../i18n'
import { protocolLabel } from '../legend/kindNames'
import { useRunStore, type RunState } from '../store/runStore'
import { writeText } from '../domWrites'

const selectRun = (s: RunState) => ({ run: s.run, statuses: s.statuses })

/**
 * The current run: what it is (scenario, protocols, seed) and where it is (events, messages,
 * violations, trace hash). `run-info` carries the exact simulated time and trace hash of the
 * frame on screen, so a test can reproduce the run headless (docs/ui-contract.md).
 */
export function RunPanel() {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const { run, statuses } = useRunStore(useShallow(selectRun))
  const info = useRef<HTMLDListElement>(null)
  const events = useRef<HTMLElement>(null)
  const inFlight = useRef<HTMLElement>(null)
  const violations = useRef<HTMLElement>(null)
  const hash = useRef<HTMLElement>(null)

  const paint = useCallback((frame: Frame) => {
    const el = info.current
    if (!el) return
    el.setAttribute('data-trace-hash', frame.traceHash)
    el.setAttribute('data-sim-time', String(frame.now))
    el.setAttribute('data-running', String(frame.running))
    writeText(events.current, frame.events.toLocaleString('en-US'))
    writeText(inFlight.current, String(frame.inFlight))
    writeText(violations.current, String(frame.violations))
    violations.current!.classList.toggle('bad', frame.violations > 0)
    writeText(hash.current, frame.traceHash)
  }, [])
  usePainter(paint)

  if (!run) return null
  const name = sourceName(lang, run.source, run.name)
  const count = (s: string) => statuses.filter((x) => x === s).length
  // zero crashed / paused nodes go unsaid
  const nodeCounts = [
    t('panel.run.nodesUp', { n: count('up') }),
    count('crashed') > 0 && t('panel.run.nodesCrashed', { n: count('crashed') }),
    count('paused') > 0 && t('panel.run.nodesPaused', { n: count('paused') }),
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <section className="panel" aria-labelledby="run-panel-title">
      <h2 id="run-panel-title">{t('panel.run.title')}</h2>
      <dl className="facts" data-testid="run-info" data-seed={run.seed} ref={info}>
        <dt>{t('panel.run.scenario')}</dt>
        <dd>{name}</dd>
        <dt>{t('panel.run.protocols')}</dt>
        <dd>
          {run.protocols.length > 0
            ? run.protocols.map((id) => protocolLabel(id, t)).join(t('list.separator'))
            : t('panel.run.noProtocol')}
        </dd>
        <dt>{t('panel.run.seed')}</dt>
        <dd className="num">{run.seed}</dd>
        <dt>{t('panel.run.nodes')}</dt>
        <dd>{nodeCounts}</dd>
        <dt>{t('panel.run.events')}</dt>
        <dd className="num" ref={events} />
        <dt>{t('panel.run.inFlight')}</dt>
        <dd className="num" ref={inFlight} />
        <dt>{t('panel.run.violations')}</dt>
        <dd className="num" ref={violations} />
        <dt title={t('panel.run.hashHint')}>{t('panel.run.hash')}</dt>
        <dd className="num hash" title={t('panel.run.hashHint')} ref={hash} />
      </dl>
    </section>
  )
}
