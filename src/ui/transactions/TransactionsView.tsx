import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { useRef } from 'react'
import type { SnapRow, TransactionsMeta, TxnRow } from '../../worker/transactionsWire'
import { invariantName } from '../consensus/SafetyStatus'
import { formatClock, formatOffset } from '../format/quantities'
import { useT, type MessageKey, type Translate } from '../i18n'
import { useRunStore, type RunState } from '../store/runStore'
import { useElementSize } from '../useElementSize'
import { CommitWaitToggle } from './CommitWaitToggle'
import { useTransactionsStore, type TransactionsState } from './transactionsStore'
import { outcomeOf, windowsOf, type TimeWindow } from './windows'
import './transactions.css'

const LABEL_WIDTH = 190
const ROW_HEIGHT = 26
const PAD = 8

const selectUpdate = (s: TransactionsState) => s.update
const selectRun = (s: RunState) => s.run

type X = ScaleLinear<number, number>

/** milliseconds from the window's start, with one decimal only when the window is under 20 ms */
const ms = (x: number, span: number) => (x * 1e3).toFixed(span < 0.02 ? 1 : 0)
const epsText = (e: number | null, t: Translate) => (e === null ? '' : formatOffset(e, t).slice(1))

function metaText(meta: TransactionsMeta, t: Translate): string {
  const rule =
    meta.timestamps === 'truetime'
      ? t('txn.rule.truetime', {
          epsilon:
            meta.epsilon === 'auto' || meta.epsilon === null
              ? t('txn.epsilonAuto')
              : epsText(meta.epsilon, t),
        })
      : t(`txn.rule.${meta.timestamps}`)
  return `${rule} · ${t(`txn.protocol.${meta.commitProtocol}`)}`
}

/** The timestamp as a diamond and its ε interval as a capped line, on the row's upper half. */
function TimestampMark({ x, ts, epsilon }: { x: X; ts: number; epsilon: number | null }) {
  const cx = x(ts)
  const y = 6
  return (
    <g className="txn-ts">
      {epsilon !== null && epsilon > 0 && (
        <g className="txn-eps">
          <line x1={x(ts - epsilon)} x2={x(ts + epsilon)} y1={y} y2={y} />
          <line x1={x(ts - epsilon)} x2={x(ts - epsilon)} y1={y - 4} y2={y + 4} />
          <line x1={x(ts + epsilon)} x2={x(ts + epsilon)} y1={y - 4} y2={y + 4} />
        </g>
      )}
      <path d={`M${cx},${y - 5}L${cx + 5},${y}L${cx},${y + 5}L${cx - 5},${y}Z`} />
    </g>
  )
}

function AnomalyFlag({ x, at }: { x: X; at: number }) {
  const ax = x(at)
  return (
    <g className="txn-flag">
      <line x1={ax} x2={ax} y1={0} y2={ROW_HEIGHT} />
      <text x={ax + 3} y={10}>
        !
      </text>
    </g>
  )
}

function TxnTrack({ r, x, now }: { r: TxnRow; x: X; now: number }) {
  const y = 14
  const h = 8
  const outcome = outcomeOf(r)
  const end = r.end?.at ?? now
  const prepare = r.prepare ?? end
  const wait = r.commitWait ?? end
  const seg = (cls: string, a: number, b: number) =>
    b > a && <rect className={cls} x={x(a)} y={y} width={Math.max(1, x(b) - x(a))} height={h} />
  return (
    <>
      {seg('txn-seg-reads', r.begin, prepare)}
      {seg(outcome === 'blocked' ? 'txn-seg-stuck' : 'txn-seg-prepare', prepare, wait)}
      {r.commitWait !== null && seg('txn-seg-wait', r.commitWait, end)}
      {r.shards.map((s) => (
        <path
          key={`${s.shard}:${s.outcome}`}
          className={`txn-applied txn-applied-${s.outcome}`}
          d={`M${x(s.at)},${y + h}l3,5h-6Z`}
        >
          <title>{`shard ${s.shard}: ${s.outcome}`}</title>
        </path>
      ))}
      {r.end && r.end.outcome === 'committed' && (
        <circle className="txn-end-commit" cx={x(r.end.at)} cy={y + h / 2} r={4} />
      )}
      {r.end && r.end.outcome === 'aborted' && (
        <path
          className="txn-end-abort"
          d={`M${x(r.end.at) - 4},${y}l8,8M${x(r.end.at) + 4},${y}l-8,8`}
        />
      )}
      {r.ts !== null && <TimestampMark x={x} ts={r.ts} epsilon={r.epsilon} />}
      {r.anomaly && <AnomalyFlag x={x} at={r.anomaly.at} />}
    </>
  )
}

function TxnLabel({ r, t }: { r: TxnRow; t: Translate }) {
  const outcome = outcomeOf(r)
  return (
    <div className="txn-label">
      <div>
        <strong>{r.id}</strong> <span className="txn-node">{r.node}</span>{' '}
        <span className={`txn-outcome txn-outcome-${outcome}`}>{t(`txn.outcome.${outcome}`)}</span>
      </div>
      <div className="txn-sub num">
        {r.ts !== null &&
          (r.epsilon
            ? t('txn.tsEpsilon', { ts: formatClock(r.ts), epsilon: epsText(r.epsilon, t) })
            : t('txn.ts', { ts: formatClock(r.ts) }))}
      </div>
      {r.anomaly && (
        <div className="txn-anomaly" title={r.anomaly.detail}>
          {t('txn.anomaly', {
            invariant: invariantName(r.anomaly.invariant, t),
            at: r.anomaly.at.toFixed(3),
          })}
        </div>
      )}
    </div>
  )
}

function SnapTrack({ r, x, now }: { r: SnapRow; x: X; now: number }) {
  const end = r.end ?? now
  return (
    <>
      {end > r.begin && (
        <rect
          className="txn-seg-snap"
          x={x(r.begin)}
          y={14}
          width={Math.max(1, x(end) - x(r.begin))}
          height={8}
        />
      )}
      <TimestampMark x={x} ts={r.ts} epsilon={null} />
      {r.anomaly && <AnomalyFlag x={x} at={r.anomaly.at} />}
    </>
  )
}

function Window({ w, width, now, t }: { w: TimeWindow; width: number; now: number; t: Translate }) {
  const track = Math.max(60, width - LABEL_WIDTH)
  const x = scaleLinear()
    .domain([w.from, Math.max(w.to, w.from + 1e-3)])
    .range([PAD, track - PAD])
  const ticks = x.ticks(5)
  return (
    <div className="txn-window">
      <div className="txn-window-head num">
        {t('txn.window', { from: w.from.toFixed(3), to: w.to.toFixed(3) })}
      </div>
      <div className="txn-grid" style={{ gridTemplateColumns: `${LABEL_WIDTH}px ${track}px` }}>
        <div className="txn-axis-unit">{t('unit.ms')}</div>
        <svg width={track} height={16} className="txn-axis" aria-hidden="true">
          {ticks.map((v) => (
            <g key={v} transform={`translate(${x(v)},0)`}>
              <line y1={12} y2={16} />
              <text y={10} textAnchor="middle">
                +{ms(v - w.from, w.to - w.from)}
              </text>
            </g>
          ))}
        </svg>
        {w.rows.map((row) =>
          row.kind === 'txn' ? (
            <div
              key={`t:${row.row.id}`}
              className="txn-row"
              data-testid={`txn-row-${row.row.id}`}
              data-outcome={outcomeOf(row.row)}
              data-anomaly={row.row.anomaly?.invariant ?? ''}
              data-ts={row.row.ts ?? ''}
              aria-label={t('txn.rowLabel', {
                id: row.row.id,
                node: row.row.node,
                outcome: t(`txn.outcome.${outcomeOf(row.row)}`),
              })}
            >
              <TxnLabel r={row.row} t={t} />
              <svg width={track} height={ROW_HEIGHT} aria-hidden="true">
                {ticks.map((v) => (
                  <line key={v} className="txn-gridline" x1={x(v)} x2={x(v)} y2={ROW_HEIGHT} />
                ))}
                <TxnTrack r={row.row} x={x} now={now} />
              </svg>
            </div>
          ) : (
            <div
              key={`s:${row.row.id}`}
              className="txn-row txn-row-snap"
              data-testid={`txn-snap-${row.row.id}`}
              data-anomaly={row.row.anomaly?.invariant ?? ''}
            >
              <div className="txn-label">
                <div>
                  <strong>{row.row.id}</strong> <span className="txn-node">{row.row.node}</span>{' '}
                  <span className="txn-outcome">{t('txn.snapshot')}</span>
                </div>
                <div className="txn-sub num">{t('txn.ts', { ts: formatClock(row.row.ts) })}</div>
                {row.row.anomaly && (
                  <div className="txn-anomaly" title={row.row.anomaly.detail}>
                    {t('txn.anomaly', {
                      invariant: invariantName(row.row.anomaly.invariant, t),
                      at: row.row.anomaly.at.toFixed(3),
                    })}
                  </div>
                )}
              </div>
              <svg width={track} height={ROW_HEIGHT} aria-hidden="true">
                <SnapTrack r={row.row} x={x} now={now} />
              </svg>
            </div>
          ),
        )}
      </div>
    </div>
  )
}

function Legend({ t }: { t: Translate }) {
  const item = (cls: string, key: MessageKey) => (
    <li key={key}>
      <svg width={18} height={10} aria-hidden="true">
        {cls === 'txn-ts' ? (
          <path className="txn-ts-swatch" d="M9,0L14,5L9,10L4,5Z" />
        ) : cls === 'txn-eps' ? (
          <path className="txn-eps-swatch" d="M1,1v8M1,5h16M17,1v8" />
        ) : cls === 'txn-applied' ? (
          <path className="txn-applied" d="M9,2l4,7h-8Z" />
        ) : cls === 'txn-flag' ? (
          <path className="txn-flag-swatch" d="M9,0v10" />
        ) : (
          <rect className={cls} x={0} y={1} width={18} height={8} />
        )}
      </svg>
      {t(key)}
    </li>
  )
  return (
    <ul className="txn-legend" data-testid="txn-legend">
      {item('txn-seg-reads', 'txn.legend.reads')}
      {item('txn-seg-prepare', 'txn.legend.prepare')}
      {item('txn-seg-wait', 'txn.legend.commitWait')}
      {item('txn-seg-stuck', 'txn.legend.stuck')}
      {item('txn-ts', 'txn.legend.ts')}
      {item('txn-eps', 'txn.legend.epsilon')}
      {item('txn-applied', 'txn.legend.applied')}
      {item('txn-flag', 'txn.legend.anomaly')}
    </ul>
  )
}

/**
 * The transactions view: one row per transaction through its phases on true time, its
 * timestamp and ε drawn on the same axis, blocked ones stuck, anomalies marked where the checker
 * found them (windows.ts explains the per-window axes). Renders at the feed's rate.
 */
export function TransactionsView() {
  const t = useT()
  const update = useTransactionsStore(selectUpdate)
  const run = useRunStore(selectRun)
  const box = useRef<HTMLDivElement>(null)
  const { width } = useElementSize(box)
  const store = run?.protocols.includes('store') ?? false
  const live = update && run && update.runId === run.runId ? update : null
  const windows = live ? windowsOf(live.txns, live.snaps, live.now) : []
  return (
    <section className="panel txn-view" data-testid="txn-view" aria-labelledby="txn-title">
      <h2 id="txn-title">{t('view.transactions')}</h2>
      {!store ? (
        <p className="panel-note" data-testid="txn-empty">
          {t('txn.empty')}
        </p>
      ) : (
        <>
          <div className="txn-head">
            {live && <span className="txn-meta">{metaText(live.meta, t)}</span>}
            {live && <CommitWaitToggle meta={live.meta} />}
          </div>
          <Legend t={t} />
          <p className="txn-axis-note">{t('txn.axis')}</p>
          <div className="txn-windows" ref={box}>
            {windows.length === 0 && <p className="panel-note">{t('txn.none')}</p>}
            {width > 0 &&
              windows
                .slice()
                .reverse()
                .map((w) => (
                  <Window key={w.rows[0].row.id} w={w} width={width} now={live!.now} t={t} />
                ))}
          </div>
        </>
      )}
    </section>
  )
}
