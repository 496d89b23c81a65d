import { useCallback, useRef } from 'react'
import { NODE, NODE_STRIDE, type Frame } from '../../../worker/wire'
import { formatClock } from '../../format/quantities'
import { usePainter } from '../../frameLoop'
import { t as tNow, useT } from '../../i18n'
import { CRASHED } from '../quality'
import { formatDuration, formatPpm, type TimeUnit } from '../format/units'
import { clockFeedStore } from '../history/clockFeedStore'
import { selectNode } from '../clockSelectionStore'
import { syncText } from './syncText'
import { writeText } from '../../domWrites'

interface Props {
  nodes: readonly { id: string; colour: string; reference: boolean }[]
  /** how many nodes the run has (the table lists the charted ones) */
  total: number
  selected: string | null
}

interface Cells {
  row: HTMLTableRowElement
  local: HTMLElement
  offset: HTMLElement
  skew: HTMLElement
  correction: HTMLElement
  sync: HTMLElement
}

/**
 * Per node: local clock, offset from true time, the oscillator's frequency error (skew plus
 * wander), the correction its algorithm applies, and the algorithm's state. React renders the
 * rows; the values are painted per frame (clock and offset) and per summary (the rest).
 */
export function ClockTable({ nodes, total, selected }: Props) {
  const t = useT()
  const cells = useRef<(Cells | null)[]>([])
  const count = nodes.length

  const paint = useCallback(
    (frame: Frame) => {
      const summary = clockFeedStore.getState().summary
      const unit = (u: TimeUnit) => tNow(u.key)
      for (let i = 0; i < count; i++) {
        const c = cells.current[i]
        if (!c) continue
        const crashed = frame.nodes[i * NODE_STRIDE + NODE.status] === CRASHED
        const local = frame.nodes[i * NODE_STRIDE + NODE.local]
        const offset = frame.nodes[i * NODE_STRIDE + NODE.offset]
        c.row.dataset.offset = String(offset)
        c.row.classList.toggle('crashed', crashed)
        writeText(c.local, `${formatClock(local)} ${tNow('unit.s')}`)
        writeText(c.offset, formatDuration(offset, unit, true))
        const s = summary?.[i]
        if (!s) continue
        const skew = s.skewPpm + s.wanderPpm
        c.row.dataset.skew = String(skew)
        c.row.dataset.correction = String(s.correctionPpm)
        writeText(c.skew, formatPpm(skew))
        writeText(c.correction, formatPpm(s.correctionPpm))
        const sync = crashed ? tNow('status.crashed') : syncText(s.sync, nodes[i].reference, tNow)
        c.row.dataset.sync = s.sync && 'state' in s.sync ? String(s.sync.state) : ''
        writeText(c.sync, s.lie !== 0 ? `${sync} · ${tNow('clock.sync.lying')}` : sync)
      }
    },
    [count, nodes],
  )
  usePainter(paint)

  return (
    <div className="clock-table-wrap">
      <table className="clock-table" data-testid="clock-table">
        <caption className="visually-hidden">{t('clock.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('clock.table.node')}</th>
            <th scope="col">{t('clock.table.local')}</th>
            <th scope="col">{t('clock.table.offset')}</th>
            <th scope="col" title={t('clock.table.skewHint')}>
              {t('clock.table.skew')}
            </th>
            <th scope="col" title={t('clock.table.correctionHint')}>
              {t('clock.table.correction')}
            </th>
            <th scope="col">{t('clock.table.sync')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node, i) => (
            <tr
              key={node.id}
              data-testid={`clock-row-${node.id}`}
              className={node.id === selected ? 'selected' : undefined}
              ref={(row) => {
                cells.current[i] = row && {
                  row,
                  local: row.querySelector('.c-local')!,
                  offset: row.querySelector('.c-offset')!,
                  skew: row.querySelector('.c-skew')!,
                  correction: row.querySelector('.c-correction')!,
                  sync: row.querySelector('.c-sync')!,
                }
              }}
            >
              <th scope="row">
                <button
                  type="button"
                  className="node-chip"
                  aria-pressed={node.id === selected}
                  title={t('clock.inspectHint', { id: node.id })}
                  onClick={() => selectNode(node.id)}
                >
                  <span className="swatch" style={{ background: node.colour }} aria-hidden="true" />
                  {node.id}
                  {node.reference && <span className="ref-mark">{t('clock.referenceMark')}</span>}
                </button>
              </th>
              <td className="num c-local" />
              <td className="num c-offset" />
              <td className="num c-skew" />
              <td className="num c-correction" />
              <td className="c-sync" />
            </tr>
          ))}
        </tbody>
      </table>
      {total > count && <p className="note">{t('clock.table.more', { shown: count, total })}</p>}
    </div>
  )
}
