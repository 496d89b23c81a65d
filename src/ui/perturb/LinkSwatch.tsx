import './perturb.css'

/** The legend's picture of a cut link (red dashes with a cross) or one a partition blocks. */
export function LinkSwatch({ kind }: { kind: 'cut' | 'blocked' }) {
  return (
    <svg viewBox="-12 -12 24 24" className="legend-swatch" aria-hidden="true">
      <path d="M-11,0H11" className={`legend-link ${kind}`} />
      {kind === 'cut' && (
        <g className="link-cut-mark">
          <circle r="5" />
          <path d="M-2.5,-2.5L2.5,2.5M2.5,-2.5L-2.5,2.5" />
        </g>
      )}
    </svg>
  )
}
