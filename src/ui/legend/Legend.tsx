import { useId, useState, type ReactNode } from 'react'
import { useT, type MessageKey } from '../i18n'
import { legendOrder, phaseOf } from '../consensus/phases'
import { kindLabel } from './kindNames'
import { messageColour } from '../topology/messageLayer'
import { LinkSwatch } from '../perturb/LinkSwatch'
import { useRunStore, type RunState } from '../store/runStore'
import '../consensus/consensus.css'

const selectKinds = (s: RunState) => s.kinds

function Swatch({ className }: { className: string }) {
  return (
    <svg viewBox="-12 -12 24 24" className="legend-swatch" aria-hidden="true">
      <circle r="8" className={`legend-node ${className}`} />
      {className === 'crashed' && <path d="M-5,-5L5,5M5,-5L-5,5" className="legend-cross" />}
      {className === 'reference' && <circle r="5" className="legend-ref-ring" />}
    </svg>
  )
}

function ArcSwatch({ dir }: { dir: 'ahead' | 'behind' }) {
  const d = dir === 'ahead' ? 'M0,-9 A9,9 0 0 1 9,0' : 'M0,-9 A9,9 0 0 0 -9,0'
  return (
    <svg viewBox="-12 -12 24 24" className="legend-swatch" aria-hidden="true">
      <circle r="6" className="legend-node up" />
      <path d={d} className={`legend-arc ${dir}`} />
    </svg>
  )
}

const MARKS: { key: MessageKey; swatch: ReactNode }[] = [
  { key: 'legend.up', swatch: <Swatch className="up" /> },
  { key: 'legend.reference', swatch: <Swatch className="reference" /> },
  { key: 'legend.crashed', swatch: <Swatch className="crashed" /> },
  { key: 'legend.paused', swatch: <Swatch className="paused" /> },
  { key: 'legend.ahead', swatch: <ArcSwatch dir="ahead" /> },
  { key: 'legend.behind', swatch: <ArcSwatch dir="behind" /> },
  { key: 'legend.cut', swatch: <LinkSwatch kind="cut" /> },
  { key: 'legend.blocked', swatch: <LinkSwatch kind="blocked" /> },
]

/**
 * What the marks mean; message kinds are listed as they first appear, in their colours.
 * On a short window (a projector at 768 px, the lesson bar above the map) the marks fold behind
 * a button and open over the map's foot, so the map keeps the height; the kinds, which change
 * with the run, stay in view (workspace.css).
 */
export function Legend() {
  const t = useT()
  const kinds = useRunStore(selectKinds)
  const [open, setOpen] = useState(false)
  const marksId = useId()
  return (
    <section className={open ? 'legend legend-open' : 'legend'} aria-label={t('legend.label')}>
      <button
        type="button"
        className="btn legend-toggle"
        data-testid="legend-toggle"
        aria-expanded={open}
        aria-controls={marksId}
        onClick={() => setOpen(!open)}
      >
        {t(open ? 'legend.hideMarks' : 'legend.showMarks')}
      </button>
      <ul className="legend-items legend-marks" id={marksId} data-testid="legend-marks">
        {MARKS.map(({ key, swatch }) => (
          <li key={key}>
            {swatch}
            {t(key)}
          </li>
        ))}
        <li className="legend-note">{t('legend.arcScale')}</li>
      </ul>
      <ul className="legend-items legend-kinds">
        <li className="legend-heading">{t('legend.kinds')}</li>
        {kinds.length === 0 && <li className="legend-note">{t('legend.noKinds')}</li>}
        {legendOrder(kinds).map((kind) => {
          // localized names (Paxos kinds with their phase tag, 1a…2b); the wire name as a hint
          const phase = phaseOf(kind)
          return (
            <li key={kind} data-kind={kind} title={kind}>
              <svg viewBox="-6 -6 12 12" className="legend-dot" aria-hidden="true">
                <circle r="5" fill={messageColour(kinds, kinds.indexOf(kind))} />
              </svg>
              {kindLabel(kind, t)}
              {phase?.tag && <span className="legend-tag">{phase.tag}</span>}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
