import { useCallback, useMemo, useRef } from 'react'
import { arc } from 'd3-shape'
import { useShallow } from 'zustand/react/shallow'
import { NODE, NODE_STRIDE, type Frame } from '../../worker/wire'
import { usePainter } from '../frameLoop'
import { useT } from '../i18n'
import { useRunStore, type RunState } from '../store/runStore'
import type { TopologyLayout } from '../topology/layout'
import { quorumText } from './quorum'
import { roleKey, roleName } from './roles'
import { useConsensusStore, type ConsensusState } from './consensusStore'
import './consensus.css'

const selectRun = (s: RunState) => s.run
const selectConsensus = (s: ConsensusState) => ({ runId: s.runId, meta: s.meta, nodes: s.nodes })

/** A crown, 20 px wide, standing on y = 0. */
const CROWN = 'M-10,0L-11,-11L-5,-5L0,-13L5,-5L11,-11L10,0Z'

const ringShape = arc<{ r: number; frac: number }>()
  .innerRadius((d) => d.r)
  .outerRadius((d) => d.r + 2.5)
  .startAngle(0)
  .endAngle((d) => d.frac * 2 * Math.PI)

/**
 * Consensus marks on the topology: a crown on the leader, the role and the quorum count
 * ("2 of 3 promises") on the inner side of each node, and a ring that empties as a follower's
 * election timer runs down on its own clock (painted per frame). Drawn over the nodes but
 * transparent to the pointer: a click still crashes or restarts the node beneath.
 */
export function ConsensusOverlay({ layout }: { layout: TopologyLayout }) {
  const t = useT()
  const run = useRunStore(selectRun)
  const nodeIds = useMemo(() => run?.nodes.map((n) => n.id) ?? [], [run])
  const c = useConsensusStore(useShallow(selectConsensus))
  const rings = useRef(new Map<string, SVGPathElement>())
  const r = layout.radius

  const paint = useCallback(
    (frame: Frame) => {
      const { meta, timing } = useConsensusStore.getState()
      if (!meta) return
      const hi = meta.electionTimeout[1]
      nodeIds.forEach((id, i) => {
        const ring = rings.current.get(id)
        if (!ring) return
        const e = timing[id]?.election
        const up = frame.nodes[i * NODE_STRIDE + NODE.status] === 0
        if (!e || !up) {
          ring.setAttribute('d', '')
          return
        }
        const left = e.deadline - frame.nodes[i * NODE_STRIDE + NODE.local]
        const frac = Math.min(1, Math.max(0, left / hi))
        ring.setAttribute('d', ringShape({ r: r + 11, frac }) ?? '')
        ring.classList.toggle('soon', frac < 0.25)
        ring.dataset.left = String(left)
      })
    },
    [nodeIds, r],
  )
  usePainter(paint)

  if (!c.meta || c.runId !== run?.runId || !layout.detailed) return null
  const meta = c.meta
  return (
    <g className="consensus-overlay" aria-hidden="true">
      {c.nodes.map((n) => {
        const i = nodeIds.indexOf(n.node)
        const place = layout.nodes[i]
        if (!place) return null
        const role = roleName(n, meta.mode)
        const progress = quorumText(n.quorum, t)
        // inward, opposite the clock readout
        const dx = -place.out.x * (r + 24)
        const dy = -place.out.y * (r + 24)
        const anchor = place.out.x > 0.35 ? 'end' : place.out.x < -0.35 ? 'start' : 'middle'
        const lines = [
          role !== 'crashed' && role !== 'follower' && role !== 'acceptor'
            ? `${t(roleKey(role))}${n.ballot ? ` · ${n.ballot}` : ''}`
            : null,
          progress,
        ].filter((x): x is string => x !== null)
        return (
          <g
            key={n.node}
            transform={`translate(${place.x.toFixed(1)},${place.y.toFixed(1)})`}
            data-testid={`consensus-badge-${n.node}`}
            data-role={role}
          >
            <path
              className="election-ring"
              ref={(el) => {
                if (el) rings.current.set(n.node, el)
                else rings.current.delete(n.node)
              }}
            />
            {role === 'leader' && (
              <path className="leader-crown" d={CROWN} transform={`translate(0,${-r + 3})`}>
                <title>{t('consensus.role.leader')}</title>
              </path>
            )}
            {lines.length > 0 && (
              <text
                className={`role-label role-${role}`}
                textAnchor={anchor}
                x={dx}
                y={dy - ((lines.length - 1) * 14) / 2 + 4}
              >
                {lines.map((line, k) => (
                  <tspan key={k} x={dx} dy={k === 0 ? 0 : 14}>
                    {line}
                  </tspan>
                ))}
              </text>
            )}
          </g>
        )
      })}
    </g>
  )
}
