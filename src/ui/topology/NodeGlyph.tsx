import { memo, useCallback, type KeyboardEvent, type MouseEvent } from 'react'
import { symbol, symbolTimes } from 'd3-shape'
import type { NodeStatus } from '../../engine'
import { useT } from '../i18n'
import { HIGHLIGHT_RING } from './layout'

/** The DOM parts the per-frame painter writes into (React never renders their values). */
export interface NodeParts {
  /** the glyph's group, drawn round the origin: TopologyView writes its place (`transform`) */
  root: SVGGElement
  /** the `node-<id>` element, which carries data-offset / data-local */
  control: SVGGElement
  local: SVGTextContentElement | null
  offset: SVGTextContentElement | null
  /** a small map's offset arc; a large map draws its arcs in an SVG of their own (arcLayer.ts) */
  arc: SVGPathElement | null
}

interface Props {
  index: number
  id: string
  reference: boolean
  status: NodeStatus
  /** the unit vector away from the map's centre (layout.ts): the readout goes on that side */
  outX: number
  outY: number
  /** the readouts' font size over the default 13 px (presenter mode) */
  textScale: number
  r: number
  detailed: boolean
  register(index: number, parts: NodeParts | null): void
  onToggle(index: number): void
  /** replaces the crash / restart hint (another fault tool says what a click does there) */
  hint?: string
  /** the node the inspector shows, ringed while the inspect tool is chosen */
  selected?: boolean
  /** open the node's action menu at a viewport point (right-click, Shift+F10, Menu key) */
  onMenu?(index: number, x: number, y: number): void
}

/** Readout line spacing at the default 13 px text */
const LINE = 15

/** Where the readout block goes: on the outward side of the node, anchored to read naturally. */
function labelPosition(x: number, y: number, r: number, lines: number, line: number) {
  const anchor = x > 0.35 ? 'start' : x < -0.35 ? 'end' : 'middle'
  // clear of the highlight ring (its 4 px stroke) and of the text's own ascent
  const gap = r + HIGHLIGHT_RING + 8
  const dx = x * gap
  let top = y * gap
  if (y < -0.35) top -= (lines - 1) * line
  else if (y <= 0.35) top -= ((lines - 1) * line) / 2
  return { anchor, dx, top: top + 4 } as const
}

const crossPath = (r: number) => symbol(symbolTimes, (r * 1.5) ** 2)() ?? ''

/**
 * One node, drawn round the origin: React renders its structure and low-rate state (status,
 * labels); through `register`, the map writes its place and the painter fills in the clock
 * reading, the offset and the offset arc every frame. Moving a node renders nothing again:
 * 1 000 glyphs rendered again to move them cost 30–55 ms.
 */
export const NodeGlyph = memo(function NodeGlyph(props: Props) {
  const { index, id, reference, status, outX, outY, textScale, r, detailed } = props
  const { register, onToggle, onMenu } = props
  const t = useT()
  const innerId = r >= 14
  // Re-registered when the readout structure changes, so the painter never holds stale parts.
  const ref = useCallback(
    (el: SVGGElement | null) => {
      if (!el) return register(index, null)
      register(index, {
        root: el,
        control: el.querySelector<SVGGElement>('.node-control')!,
        local: el.querySelector('.node-local'),
        offset: el.querySelector('.node-offset'),
        arc: el.querySelector('.node-arc'),
      })
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- detailed/innerId change which parts exist
    [index, register, detailed, innerId],
  )
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onToggle(index)
    } else if (onMenu && (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) {
      e.preventDefault()
      const box = e.currentTarget.getBoundingClientRect()
      onMenu(index, box.right, box.top + box.height / 2)
    }
  }
  const onContextMenu = (e: MouseEvent) => {
    if (!onMenu) return
    e.preventDefault()
    onMenu(index, e.clientX, e.clientY)
  }
  const hint =
    (props.hint ??
      (status === 'crashed'
        ? t('node.restartHint', { id })
        : t('node.crashHint', { id, status: t(`status.${status}`) }))) +
    (onMenu ? ` ${t('node.moreHint')}` : '')
  const showStatus = status !== 'up'
  const lines = 2 + (showStatus ? 1 : 0)
  // presenter mode's 16 px readouts need the lines spaced to match (15 px left them touching)
  const line = Math.round(LINE * textScale)
  const label = labelPosition(outX, outY, r, lines, line)

  return (
    <g ref={ref} className={`node node-${status}${reference ? ' node-reference' : ''}`}>
      {/* The control is the glyph alone, so its box is centred on the node: a click on the
          middle of `node-<id>` lands on the node, wherever the readout sits. */}
      <g
        className="node-control"
        data-testid={`node-${id}`}
        data-status={status}
        data-selected={props.selected || undefined}
        role="button"
        tabIndex={0}
        aria-label={hint}
        aria-haspopup={onMenu ? 'menu' : undefined}
        onClick={() => onToggle(index)}
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
      >
        <title>{hint}</title>
        <circle className="node-focus" r={r + 10} />
        {props.selected && <circle className="node-selected-ring" r={r + 6} />}
        {detailed && <path className="node-arc" />}
        <circle className="node-body" r={r} />
        {reference && <circle className="node-reference-ring" r={r - 4} />}
        {innerId && (
          <text className="node-id" dy="0.35em">
            {id}
          </text>
        )}
        {status === 'crashed' && (
          <path className="node-cross" d={crossPath(r)} strokeWidth={Math.max(1.2, r * 0.12)} />
        )}
        {status === 'paused' && (
          <g className="node-pause">
            <rect x={-r * 0.35} y={-r * 0.4} width={r * 0.22} height={r * 0.8} />
            <rect x={r * 0.13} y={-r * 0.4} width={r * 0.22} height={r * 0.8} />
          </g>
        )}
      </g>
      {detailed && (
        <text className="node-readout" textAnchor={label.anchor} y={label.top}>
          {!innerId && (
            <tspan x={label.dx} dy={0} className="node-label-id">
              {id}
            </tspan>
          )}
          <tspan x={label.dx} dy={innerId ? 0 : line} className="node-local" />
          {reference ? (
            <tspan x={label.dx} dy={line} className="node-ref-label">
              {t('node.reference')}
            </tspan>
          ) : (
            <tspan x={label.dx} dy={line} className="node-offset" />
          )}
          {showStatus && (
            <tspan x={label.dx} dy={line} className={`node-status-label status-${status}`}>
              {t(`status.${status}`)}
            </tspan>
          )}
        </text>
      )}
    </g>
  )
})
