import { useT } from '../../i18n'
import { selectNode } from '../clockSelectionStore'

interface Props {
  nodes: readonly { id: string; colour: string; reference: boolean }[]
  selected: string | null
}

/** Node colours of both charts; each entry selects its node for the inspector. */
export function ChartLegend({ nodes, selected }: Props) {
  const t = useT()
  return (
    <ul className="chart-legend" aria-label={t('clock.legend.label')}>
      {nodes.map((n) => (
        <li key={n.id}>
          <button
            type="button"
            className="clock-legend-node"
            data-testid={`legend-node-${n.id}`}
            aria-pressed={n.id === selected}
            title={t('clock.inspectHint', { id: n.id })}
            onClick={() => selectNode(n.id)}
          >
            <svg width="18" height="8" aria-hidden="true">
              <line
                x1="1"
                x2="17"
                y1="4"
                y2="4"
                stroke={n.colour}
                strokeWidth="2.5"
                strokeDasharray={n.reference ? '4 3' : undefined}
              />
            </svg>
            {n.id}
            {n.reference && <span className="ref-mark">{t('clock.referenceMark')}</span>}
          </button>
        </li>
      ))}
      <li className="legend-band">
        <span className="band-swatch" aria-hidden="true" />
        {t('clock.legend.band')}
      </li>
    </ul>
  )
}
