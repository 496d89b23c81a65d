import { useCallback, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Frame } from '../../worker/wire'
import { usePainter } from '../frameLoop'
import { useT } from '../i18n'
import { useRunStore, type RunState } from '../store/runStore'
import { chooseTool, healAll, setLatency, setLoss } from './actions'
import { formatGroups } from './describe'
import { zeroLogScale } from './sliderScale'
import { groupsInForce } from './partition'
import { SliderField } from './SliderField'
import { usePerturbStore, type PerturbState } from './perturbStore'
import './perturb.css'
import { writeText } from '../domWrites'

const selectIds = (s: RunState) => s.run?.nodes.map((n) => n.id) ?? null
const selectPerturb = (s: PerturbState) => ({ network: s.network, draft: s.draft })

/** Loss in percent: 0.01 % … 100 % on the slider (0 at the far left). */
const LOSS_SCALE = zeroLogScale(0.01, 100)
/** Delays in milliseconds: 1 µs … 10 s. */
const DELAY_SCALE = zeroLogScale(0.001, 10_000)
const MAX_DELAY_MS = 10_000

/**
 * "Break it": the network's loss, latency and jitter, partitions and heal, with the drop count as
 * evidence. Links are cut on the topology itself and nodes have their own menu; this panel says so.
 */
export function PerturbPanel() {
  const t = useT()
  const ids = useRunStore(useShallow(selectIds))
  const { network, draft } = usePerturbStore(useShallow(selectPerturb))
  const dropped = useRef<HTMLOutputElement>(null)

  const paint = useCallback((frame: Frame) => {
    const el = dropped.current
    if (!el) return
    writeText(el, frame.dropped.toLocaleString('en-US'))
    el.dataset.count = String(frame.dropped)
  }, [])
  usePainter(paint)

  if (!ids || !network) return null
  const inForce = network.groups ? groupsInForce(network.groups, ids) : null
  const cutNames = network.cut.map(([a, b]) => `${ids[a]} → ${ids[b]}`)
  const lat = network.latency

  return (
    <section className="panel perturb-panel" aria-labelledby="perturb-title">
      <h2 id="perturb-title">{t('perturb.title')}</h2>

      <SliderField
        testId="net-loss"
        label="perturb.loss"
        hint="perturb.lossHint"
        unit="unit.percent"
        value={network.loss * 100}
        min={0}
        max={100}
        scale={LOSS_SCALE}
        onCommit={(v) => setLoss(v / 100)}
      />
      <SliderField
        testId="net-latency"
        label="perturb.latency"
        hint="perturb.latencyHint"
        unit="unit.ms"
        value={lat.base * 1000}
        min={0}
        max={MAX_DELAY_MS}
        scale={DELAY_SCALE}
        onCommit={(v) => setLatency(v / 1000, lat.jitter)}
      />
      <SliderField
        testId="net-jitter"
        label="perturb.jitter"
        hint="perturb.jitterHint"
        unit="unit.ms"
        value={lat.jitter * 1000}
        min={0}
        max={MAX_DELAY_MS}
        scale={DELAY_SCALE}
        onCommit={(v) => setLatency(lat.base, v / 1000)}
      />

      <dl className="facts perturb-facts">
        <dt>{t('perturb.dropped')}</dt>
        <dd>
          <output className="num" data-testid="dropped-count" ref={dropped} />
        </dd>
        <dt>{t('perturb.cuts')}</dt>
        <dd data-testid="cut-links">
          {cutNames.length > 0 ? cutNames.join(', ') : t('perturb.none')}
        </dd>
      </dl>
      <p className="panel-note">{t('perturb.linksHint')}</p>

      <h3 className="panel-subtitle">{t('perturb.partition')}</h3>
      {draft ? (
        <p className="panel-note" data-testid="partition-drafting">
          {t('tools.draftNote')}
        </p>
      ) : (
        <>
          <p className="panel-note" data-testid="partition-status">
            {inForce
              ? [
                  t('perturb.partitioned', { groups: formatGroups(inForce.groups) }),
                  inForce.isolated.length > 0 &&
                    t('perturb.isolated', { nodes: inForce.isolated.join(', ') }),
                ]
                  .filter(Boolean)
                  .join(' · ')
              : t('perturb.noPartition')}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="btn"
              data-testid="partition-start"
              onClick={() => chooseTool('partition')}
            >
              {t('perturb.partitionStart')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="heal-all"
              title={t('perturb.healHint')}
              disabled={!inForce && network.cut.length === 0}
              onClick={healAll}
            >
              {t('perturb.heal')}
            </button>
          </div>
        </>
      )}
      <p className="panel-note">{t('perturb.nodeHint')}</p>
    </section>
  )
}
