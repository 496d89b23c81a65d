import { useShallow } from 'zustand/react/shallow'
import type { NodePlacement } from '../topology/layout'
import { GROUP_COLOURS } from '../palette'
import { groupName } from './partition'
import { usePerturbStore, type PerturbState } from './perturbStore'

const selectGroups = (s: PerturbState) => ({
  draft: s.draft?.assign ?? null,
  inForce: s.network?.groups ?? null,
})

/**
 * Group colours around the nodes: the groups being drafted while partition mode is on (solid
 * ring), else the partition in force (dashed ring). A letter names the group for readers who
 * cannot tell the colours apart. Purely visual: clicks go through to the nodes.
 */
export function GroupHalos({ places, r }: { places: readonly NodePlacement[]; r: number }) {
  const { draft, inForce } = usePerturbStore(useShallow(selectGroups))
  const groups = draft ?? inForce
  if (!groups) return null
  // outside the offset arc (which ends about r + 7)
  const ring = r + 11
  return (
    <g className={`group-halos${draft ? ' drafting' : ''}`} aria-hidden="true">
      {places.map((p, i) => {
        const g = groups[i] ?? -1
        const colour = g >= 0 ? GROUP_COLOURS[g % GROUP_COLOURS.length] : '#94a3b8'
        // the badge sits beside the node along the ring: readouts are outward, links inward
        const bx = -p.out.y * ring
        const by = p.out.x * ring
        return (
          <g key={i} transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}>
            <circle className="group-ring" r={ring} stroke={colour} />
            <g transform={`translate(${bx.toFixed(1)},${by.toFixed(1)})`}>
              <circle className="group-badge" r={8} fill={colour} />
              <text className="group-letter" dy="0.35em">
                {g >= 0 ? groupName(g) : '–'}
              </text>
            </g>
          </g>
        )
      })}
    </g>
  )
}
