import { useCallback, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { NODE, NODE_STRIDE, type Frame } from '../../worker/wire'
import { usePainter } from '../frameLoop'
import { t as tNow, useT } from '../i18n'
import { useRunStore } from '../store/runStore'
import { horizonOf, leaseChart, type LeaseRow } from './leaseRows'
import { useConsensusStore, type ConsensusState } from './consensusStore'
import { writeText } from '../domWrites'
import './consensus.css'

const selectRows = (s: ConsensusState) => {
  const rows: { node: string; kind: LeaseRow['kind']; holder: string }[] = []
  for (const n of s.nodes)
    if (n.lease?.holds) rows.push({ node: n.node, kind: 'lease', holder: n.node })
  for (const n of s.nodes)
    if (n.lease?.grantedTo) rows.push({ node: n.node, kind: 'grant', holder: n.lease.grantedTo })
  return rows.map((r) => `${r.kind}:${r.node}:${r.holder}`).join('|')
}
const selectMeta = (s: ConsensusState) => ({ meta: s.meta })

interface RowParts {
  el: HTMLElement
  local: HTMLElement
  truth: HTMLElement
  unsafe: HTMLElement | null
  safe: HTMLElement | null
  text: HTMLElement
}

const pct = (x: number, horizon: number) =>
  `${Math.min(100, Math.max(0, (x / horizon) * 100)).toFixed(2)}%`
const secs = (x: number) => `${x.toFixed(2)} ${tNow('unit.s')}`

/**
 * Leases against two clocks (leaseRows.ts): per lease or grant, a hatched bar for what the node
 * believes is left by its own clock and a solid bar for when that really ends in true time; on a
 * leader's bar, red marks lease time that no majority of promises backs any more. React renders
 * which rows exist; the bars move every frame (painted, not rendered).
 */
export function LeaseChart() {
  const t = useT()
  const rowKey = useConsensusStore(selectRows)
  const { meta } = useConsensusStore(useShallow(selectMeta))
  const parts = useRef(new Map<string, RowParts>())

  const paint = useCallback(
    (frame: Frame) => {
      const { meta: m, timing } = useConsensusStore.getState()
      const run = useRunStore.getState().run
      if (!m?.lease || !run) return
      const index = new Map(run.nodes.map((n, i) => [n.id, i]))
      const localNow = (id: string) => frame.nodes[(index.get(id) ?? 0) * NODE_STRIDE + NODE.local]
      const chart = leaseChart(m.members, timing, localNow, frame.now, m.quorum)
      const horizon = horizonOf(m.lease.follower)
      for (const [key, p] of parts.current) {
        const row = chart.rows.find((r) => `${r.kind}:${r.node}:${r.holder}` === key)
        const localLeft = row?.localLeft ?? 0
        const trueLeft = row?.trueLeft ?? 0
        p.local.style.width = pct(localLeft, horizon)
        p.truth.style.width = pct(trueLeft, horizon)
        p.el.dataset.localLeft = String(localLeft)
        p.el.dataset.trueLeft = String(trueLeft)
        let text = row
          ? tNow('consensus.lease.left', { local: secs(localLeft), true: secs(trueLeft) })
          : tNow('consensus.lease.expired')
        if (p.unsafe && p.safe) {
          const safe = chart.safeLeft[row?.node ?? ''] ?? 0
          const over = row ? trueLeft - safe : 0
          p.el.dataset.unsafe = String(over > 1e-9)
          p.safe.style.left = pct(safe, horizon)
          p.unsafe.style.left = pct(safe, horizon)
          p.unsafe.style.width = over > 0 ? pct(over, horizon) : '0'
          if (over > 1e-9) text += ` · ${tNow('consensus.lease.unsafe', { by: secs(over) })}`
        }
        writeText(p.text, text)
      }
    },
    // rows re-register their parts when they change
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rowKey],
  )
  usePainter(paint)

  if (!meta) return null
  if (!meta.lease) return <p className="lease-off muted">{t('consensus.lease.off')}</p>
  const horizon = horizonOf(meta.lease.follower)
  const step = horizon <= 3 ? 0.5 : horizon <= 8 ? 1 : 2
  const ticks = Array.from({ length: Math.floor(horizon / step) + 1 }, (_, i) => i * step)
  const rows = rowKey === '' ? [] : rowKey.split('|').map((k) => k.split(':'))

  const register = (key: string) => (el: HTMLElement | null) => {
    if (!el) return void parts.current.delete(key)
    parts.current.set(key, {
      el,
      local: el.querySelector('.lease-local')!,
      truth: el.querySelector('.lease-true')!,
      unsafe: el.querySelector('.lease-unsafe'),
      safe: el.querySelector('.lease-safe'),
      text: el.querySelector('.lease-text')!,
    })
  }

  return (
    <div className="lease-chart" data-testid="lease-chart">
      <h3>{t('consensus.lease.title')}</h3>
      <p className="muted lease-bound">
        {t('consensus.lease.bound', {
          ppm: meta.lease.driftBoundPpm,
          follower: meta.lease.follower,
          leader: meta.lease.leader.toFixed(4),
        })}
      </p>
      <div className="lease-grid">
        <div className="lease-row lease-axis-row" aria-hidden="true">
          <span className="lease-axis-unit">{t('consensus.lease.axis')}</span>
          <div className="lease-axis">
            {ticks.map((s) => (
              <span key={s} style={{ left: pct(s, horizon) }}>
                {t('consensus.lease.tick', { s })}
              </span>
            ))}
          </div>
          <span />
        </div>
        {rows.length === 0 && <p className="muted lease-none">{t('consensus.lease.none')}</p>}
        {rows.map(([kind, node, holder]) => {
          const key = `${kind}:${node}:${holder}`
          return (
            <div
              key={key}
              className={`lease-row lease-${kind}`}
              data-testid={`lease-${kind}-${node}`}
              data-holder={holder}
              ref={register(key)}
            >
              <span className="lease-label">
                {kind === 'lease'
                  ? t('consensus.lease.own', { node })
                  : t('consensus.lease.grant', { node, holder })}
              </span>
              <div className="lease-track">
                <div className="lease-bar lease-local" title={t('consensus.lease.localHint')} />
                <div className="lease-bar lease-true" title={t('consensus.lease.trueHint')} />
                {kind === 'lease' && <div className="lease-unsafe" />}
                {kind === 'lease' && (
                  <div className="lease-safe" title={t('consensus.lease.safeHint')} />
                )}
              </div>
              <span className="lease-text num" />
            </div>
          )
        })}
      </div>
      <ul className="lease-key muted">
        <li>
          <span className="lease-swatch lease-local" />
          {t('consensus.lease.keyLocal')}
        </li>
        <li>
          <span className="lease-swatch lease-true" />
          {t('consensus.lease.keyTrue')}
        </li>
        <li>
          <span className="lease-swatch lease-unsafe-swatch" />
          {t('consensus.lease.keyUnsafe')}
        </li>
      </ul>
    </div>
  )
}
