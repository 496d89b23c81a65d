import type { ReactNode } from 'react'
import { useT, type MessageKey } from '../i18n'
import { COLOURS, DROP_CROSS, markGlyph, type Glyph } from './glyphs'

function GlyphSvg({ glyphs }: { glyphs: Glyph[] }) {
  return (
    <svg viewBox="-9 -9 18 18" className="st-swatch" aria-hidden="true">
      {glyphs.map((g, i) => (
        <g key={i}>
          {g.fill && <path d={g.fill.d} fill={g.fill.colour} />}
          {g.stroke && (
            <path
              d={g.stroke.d}
              fill="none"
              stroke={g.stroke.colour}
              strokeWidth={g.stroke.width}
              strokeLinecap="round"
            />
          )}
        </g>
      ))}
    </svg>
  )
}

function LineSwatch({ colour, dash, head }: { colour: string; dash?: string; head?: boolean }) {
  return (
    <svg viewBox="0 0 28 12" className="st-swatch st-swatch-wide" aria-hidden="true">
      <path d="M2,10 L24,3" stroke={colour} strokeWidth="1.6" strokeDasharray={dash} fill="none" />
      {head && <path d="M26,2.4 L20.4,1.9 L22.3,6.6 Z" fill={colour} />}
    </svg>
  )
}

const g = (kind: Parameters<typeof markGlyph>[0], value?: number, protocol?: boolean) =>
  markGlyph(kind, value, protocol)!

const ITEMS: { key: MessageKey; swatch: ReactNode }[] = [
  { key: 'spacetime.legend.message', swatch: <LineSwatch colour="#0f766e" head /> },
  { key: 'spacetime.legend.inFlight', swatch: <LineSwatch colour="#0f766e" dash="4 3" /> },
  {
    key: 'spacetime.legend.dropped',
    swatch: <GlyphSvg glyphs={[DROP_CROSS]} />,
  },
  {
    key: 'spacetime.legend.crashed',
    swatch: (
      <svg viewBox="0 0 28 12" className="st-swatch st-swatch-wide" aria-hidden="true">
        <path d="M1,4H27" stroke={COLOURS.crashed} strokeWidth="2" strokeDasharray="5 4" />
        <path d="M1,9H27" stroke={COLOURS.paused} strokeWidth="2" strokeDasharray="2 3" />
      </svg>
    ),
  },
  { key: 'spacetime.legend.crash', swatch: <GlyphSvg glyphs={[g('crash')]} /> },
  { key: 'spacetime.legend.restart', swatch: <GlyphSvg glyphs={[g('restart')]} /> },
  { key: 'spacetime.legend.pause', swatch: <GlyphSvg glyphs={[g('pause')]} /> },
  {
    key: 'spacetime.legend.step',
    swatch: (
      <>
        <GlyphSvg glyphs={[g('clockStep', 1)]} />
        <GlyphSvg glyphs={[g('clockStep', -1)]} />
      </>
    ),
  },
  { key: 'spacetime.legend.clockChange', swatch: <GlyphSvg glyphs={[g('setSkew')]} /> },
  {
    key: 'spacetime.legend.network',
    swatch: (
      <svg viewBox="0 0 28 12" className="st-swatch st-swatch-wide" aria-hidden="true">
        <path d="M6,0V12" stroke={COLOURS.network} strokeWidth="1.6" strokeDasharray="3 2" />
        <path d="M14,0V12" stroke={COLOURS.heal} strokeWidth="1.6" strokeDasharray="3 2" />
        <path d="M22,0V12" stroke={COLOURS.setting} strokeWidth="1.6" strokeDasharray="3 2" />
      </svg>
    ),
  },
  { key: 'spacetime.legend.elected', swatch: <GlyphSvg glyphs={[g('elected')]} /> },
  { key: 'spacetime.legend.violation', swatch: <GlyphSvg glyphs={[g('violation')]} /> },
  {
    key: 'spacetime.legend.local',
    swatch: (
      <svg viewBox="0 0 28 12" className="st-swatch st-swatch-wide" aria-hidden="true">
        <path d="M1,10H27M7,2V8M15,2V8M23,2V8" stroke={COLOURS.local} strokeWidth="1.2" />
      </svg>
    ),
  },
  {
    key: 'spacetime.legend.outside',
    swatch: (
      <svg viewBox="0 0 28 12" className="st-swatch st-swatch-wide" aria-hidden="true">
        <rect x="1" y="1" width="26" height="10" fill={COLOURS.outside} stroke={COLOURS.grid} />
      </svg>
    ),
  },
]

/** What the diagram's lines, arrows and marks mean (the kinds' colours are in the main legend). */
export function SpacetimeLegend() {
  const t = useT()
  return (
    <ul className="st-legend" aria-label={t('legend.label')}>
      {ITEMS.map(({ key, swatch }) => (
        <li key={key}>
          {swatch}
          <span>{t(key)}</span>
        </li>
      ))}
    </ul>
  )
}
