import { memo, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../i18n'
import { curvePath, pointOnCurve, type LinkCurve } from '../topology/geometry'
import { linkHint } from '../tools/toolModel'
import { activateLink } from './actions'
import { usePerturbStore, type PerturbState } from './perturbStore'
import './perturb.css'

const selectNet = (s: PerturbState) => ({
  cut: s.network?.cut ?? null,
  groups: s.network?.groups ?? null,
  tool: s.tool,
})

interface Props {
  links: readonly [number, number][]
  ids: readonly string[]
  curve(from: number, to: number): LinkCurve | null
}

/**
 * Every direction of every link as its own control (`link-<from>-<to>`, docs/ui-contract.md): a wide
 * invisible stroke to hit, the visible curve with its arrowhead, and for a cut link a red dashed
 * curve with a cross at its middle. Links a partition blocks are drawn faint and dashed.
 */
export const LinkLayer = memo(function LinkLayer({ links, ids, curve }: Props) {
  const t = useT()
  const { cut, groups, tool } = usePerturbStore(useShallow(selectNet))
  const n = ids.length
  const cutKeys = new Set((cut ?? []).map(([a, b]) => a * n + b))
  const blockedByPartition = (a: number, b: number) =>
    groups !== null && (groups[a] < 0 || groups[a] !== groups[b])

  return (
    <g className="links">
      {links.map(([from, to]) => {
        const c = curve(from, to)
        if (!c) return null
        const key = from * n + to
        const isCut = cutKeys.has(key)
        const blocked = !isCut && blockedByPartition(from, to)
        const names = { from: ids[from], to: ids[to] }
        const hint =
          linkHint(tool, names, t) ??
          (isCut
            ? t('link.cutHint', names)
            : blocked
              ? t('link.blockedHint', names)
              : t('link.upHint', names))
        const d = curvePath(c)
        const mid = pointOnCurve(c, 0.5)
        const onKeyDown = (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault()
            activateLink(from, to)
          }
        }
        return (
          <g
            key={key}
            className={`link-control${isCut ? ' is-cut' : ''}${blocked ? ' is-blocked' : ''}`}
            data-testid={`link-${ids[from]}-${ids[to]}`}
            data-status={isCut ? 'cut' : 'up'}
            data-blocked={blocked ? 'partition' : undefined}
            role="button"
            tabIndex={0}
            aria-label={hint}
            aria-pressed={isCut}
            onClick={() => activateLink(from, to)}
            onKeyDown={onKeyDown}
          >
            <title>{hint}</title>
            <path className="link-hit" d={d} />
            <path className="link" d={d} markerEnd={isCut ? 'url(#arrow-cut)' : 'url(#arrow)'} />
            {isCut && (
              <g
                className="link-cut-mark"
                transform={`translate(${mid.x.toFixed(1)},${mid.y.toFixed(1)})`}
              >
                <circle r="8" />
                <path d="M-4,-4L4,4M4,-4L-4,4" />
              </g>
            )}
          </g>
        )
      })}
    </g>
  )
})
