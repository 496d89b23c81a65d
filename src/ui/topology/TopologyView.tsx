import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { MSG_STRIDE, type Frame } from '../../worker/protocol'
import { usePainter } from '../frameLoop'
import { ConsensusOverlay } from '../consensus/ConsensusOverlay'
import { useT } from '../i18n'
import { activateNode, openNodeMenu } from '../perturb/actions'
import { AnnotationLayer, MapCaption } from './AnnotationLayer'
import { Arrowhead } from './Arrowhead'
import { GroupHalos } from '../perturb/GroupHalos'
import { LinkLayer, mergeLinks } from '../perturb/LinkLayer'
import { groupName } from '../perturb/partition'
import { usePerturbStore, type PerturbState } from '../perturb/store'
import { useRunStore, type RunState } from '../store/runStore'
import { usePresenter } from '../workspace/presenterStore'
import { curvePath, linkCurve, type LinkCurve } from './geometry'
import { layoutTopology } from './layout'
import { createMessageLayer } from './messageLayer'
import { NodeGlyph, type NodeParts } from './NodeGlyph'
import { createNodePainter } from './nodePainter'

const selectView = (s: RunState) => ({ run: s.run, statuses: s.statuses, links: s.links })
const selectDraft = (s: PerturbState) => s.draft

function useElementSize(ref: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const ro = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect
      setSize((s) =>
        s.width === Math.round(width) && s.height === Math.round(height)
          ? s
          : { width: Math.round(width), height: Math.round(height) },
      )
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref])
  return size
}

/**
 * The network: nodes (React, low rate), links (React: the pairs the protocols use from the
 * start, more as traffic reveals them; each direction can be cut, see perturb/LinkLayer.tsx),
 * and messages in flight plus every clock readout (painted per frame, see frameLoop.ts).
 */
export function TopologyView() {
  const t = useT()
  const { run, statuses, links: learned } = useRunStore(useShallow(selectView))
  const draft = usePerturbStore(selectDraft)
  const box = useRef<HTMLDivElement>(null)
  const { width, height } = useElementSize(box)
  const messagesRef = useRef<SVGGElement>(null)
  const parts = useRef<(NodeParts | null)[]>([])
  const linkEls = useRef(new Map<number, SVGPathElement>())

  const layout = useMemo(
    () => (run && width > 0 ? layoutTopology(run.nodes, width, height) : null),
    [run, width, height],
  )
  const n = run?.nodes.length ?? 0
  const links = useMemo(() => mergeLinks(run?.links ?? [], learned, n), [run, learned, n])
  const ids = useMemo(() => run?.nodes.map((node) => node.id) ?? [], [run])
  const registerLink = useCallback((key: number, el: SVGPathElement | null) => {
    if (el) linkEls.current.set(key, el)
    else linkEls.current.delete(key)
  }, [])

  const curves = useMemo(() => {
    const cache = new Map<number, LinkCurve>()
    return (from: number, to: number): LinkCurve | null => {
      if (!layout || from === to) return null
      const key = from * n + to
      let c = cache.get(key)
      if (!c) {
        c = linkCurve(layout.nodes[from], layout.nodes[to], layout.radius + 2)
        cache.set(key, c)
      }
      return c
    }
  }, [layout, n])

  const paintNodes = useMemo(createNodePainter, [])
  const register = useCallback((index: number, p: NodeParts | null) => {
    parts.current[index] = p
  }, [])

  const messageLayer = useRef<ReturnType<typeof createMessageLayer> | null>(null)
  const runId = run?.runId
  // Message ids restart with every run: drop the old dots rather than reuse them.
  useEffect(() => () => messageLayer.current?.clear(), [runId])

  const paint = useCallback(
    (frame: Frame) => {
      if (!layout) return
      // presenter mode repaints readouts a few times a second, like a large graph
      paintNodes(
        frame,
        parts.current,
        layout.radius,
        !layout.detailed || usePresenter.getState().on,
      )
      const busy = new Set<number>()
      for (let o = 0; o < frame.messages.length; o += MSG_STRIDE)
        busy.add(frame.messages[o + 1] * n + frame.messages[o + 2])
      for (const [key, el] of linkEls.current) el.classList.toggle('busy', busy.has(key))
      if (!messageLayer.current && messagesRef.current)
        messageLayer.current = createMessageLayer(messagesRef.current)
      messageLayer.current?.paint(frame, curves, useRunStore.getState().kinds)
    },
    [layout, curves, n, paintNodes],
  )
  usePainter(paint)

  return (
    <div className="topology" ref={box}>
      {!run && <p className="empty-state">{t('topology.starting')}</p>}
      <svg
        className="topology-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t('topology.label')}
      >
        <defs>
          <Arrowhead id="arrow" className="link-arrow" />
          <Arrowhead id="arrow-cut" className="link-arrow-cut" />
        </defs>
        {layout && layout.detailed && (
          <LinkLayer links={links} ids={ids} curve={curves} register={registerLink} />
        )}
        {layout && !layout.detailed && (
          // Hundreds of links: one path, no arrowheads, no per-link highlighting.
          <path
            className="link link-bundle"
            d={links.map(([from, to]) => curvePath(curves(from, to)!)).join('')}
          />
        )}
        {layout && <GroupHalos places={layout.nodes} r={layout.radius} />}
        <g className="nodes">
          {layout &&
            run!.nodes.map((node, i) => (
              <NodeGlyph
                key={`${run!.runId}:${node.id}`}
                index={i}
                id={node.id}
                reference={node.reference}
                status={statuses[i] ?? 'up'}
                place={layout.nodes[i]}
                r={layout.radius}
                detailed={layout.detailed}
                register={register}
                onToggle={activateNode}
                onMenu={openNodeMenu}
                hint={
                  draft
                    ? t('node.assignHint', {
                        id: node.id,
                        group: groupName(draft.assign[i]),
                        brush: groupName(draft.brush),
                      })
                    : undefined
                }
              />
            ))}
        </g>
        {layout && <ConsensusOverlay layout={layout} />}
        {layout && layout.detailed && (
          <AnnotationLayer layout={layout} curve={curves} width={width} height={height} />
        )}
        <g className="messages" ref={messagesRef} aria-hidden="true" />
      </svg>
      <MapCaption />
      {run && links.length === 0 && <p className="topology-note">{t('topology.noMessages')}</p>}
    </div>
  )
}
