import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { presets } from '../../engine/scenario/presets'
import { clockFeedStore } from '../clock/history/clockFeedStore'
import { useConsensusStore } from '../consensus/consensusStore'
import { formatOffset } from '../format/quantities'
import { translate, useLangStore, type MessageKey, type Translate } from '../i18n'
import { useRunStore } from '../store/runStore'
import { useHighlightStore } from '../workspace/highlightStore'
import { placeLabels, type Rect } from '../workspace/labelPlacement'
import { asymmetricLinks, nodeMarks, type NodeMark } from '../workspace/mapMarks'
import { curvePath, pointOnCurve, type LinkCurve } from './geometry'
import { HIGHLIGHT_RING, type TopologyLayout } from './layout'
import { boxesIn, nodeDiscs } from './obstacles'

const TEXT: Record<NodeMark['kind'], MessageKey> = {
  liar: 'mark.liar',
  rejected: 'mark.rejected',
  outlier: 'mark.outlier',
  master: 'mark.master',
  naive: 'mark.naive',
  stale: 'mark.stale',
}

function markText(m: NodeMark, t: Translate): string {
  if (m.kind === 'liar') return t('mark.liar', { lie: formatOffset(Number(m.params.lie), t) })
  return t(TEXT[m.kind], m.params)
}

const PAD_X = 6
const LINE = 1.5

/** Width of a label in the map's font, measured once per text (canvas, no layout). */
const measure = (() => {
  const ctx =
    typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  return (text: string, font: string) => {
    if (!ctx) return text.length * 7
    ctx.font = font
    return ctx.measureText(text).width
  }
})()

interface Label {
  key: string
  kind: string
  node?: string
  text: string
  /** anchor */
  x: number
  y: number
  gap: number
}

/**
 * The annotation layer (docs/ui-layers.md): above links and nodes, below messages. It marks
 * what makes the scenario's point — falsetickers and the servers voted out, Berkeley's master
 * and outliers, the naive rule's doubling, the stale read, per-direction latencies where they
 * differ — and what a lesson step or Step highlights. Labels are placed clear of every node,
 * readout and other label. Fed by low-rate stores only: it never renders per frame.
 */
export function AnnotationLayer({
  layout,
  curve,
  width,
  height,
}: {
  layout: TopologyLayout
  curve: (from: number, to: number) => LinkCurve | null
  width: number
  height: number
}) {
  const lang = useLangStore((s) => s.lang)
  // stable per language: the labels (and their placement) are recomputed only when needed
  const t = useMemo<Translate>(() => (key, params) => translate(lang, key, params), [lang])
  const run = useRunStore((s) => s.run)
  const violations = useConsensusStore((s) =>
    s.violationsRunId === run?.runId ? s.violations : null,
  )
  const highlights = useHighlightStore(useShallow((h) => h))
  const ids = useMemo(() => run?.nodes.map((n) => n.id) ?? [], [run])

  // Summaries arrive several times a second: the selector returns what is marked as a string,
  // so only a change in the marks re-renders the layer (React compares snapshots with Object.is).
  const marksKey = useStore(clockFeedStore, (s) =>
    JSON.stringify(
      nodeMarks({ ids, summary: s.summary, notes: s.notes, violations: violations ?? [] }),
    ),
  )
  const marks = useMemo(() => JSON.parse(marksKey) as NodeMark[], [marksKey])
  const links = useMemo(() => {
    const source = run?.source
    const preset = source?.kind === 'preset' ? presets.find((p) => p.id === source.id) : undefined
    return asymmetricLinks(preset?.scenario ?? null, ids)
  }, [run, ids])

  const labels = useMemo<Label[]>(() => {
    const r = layout.radius
    const out: Label[] = marks.map((m) => {
      const p = layout.nodes[m.node]
      return {
        key: `${m.kind}:${m.node}`,
        kind: m.kind,
        node: ids[m.node],
        text: markText(m, t),
        x: p.x,
        y: p.y,
        gap: r + 10,
      }
    })
    for (const l of links) {
      const c = curve(l.from, l.to)
      if (!c) continue
      const mid = pointOnCurve(c, 0.5)
      out.push({
        key: `latency:${l.from}:${l.to}`,
        kind: 'latency',
        text: t('mark.latency', {
          from: ids[l.from],
          to: ids[l.to],
          ms: +(l.latency * 1e3).toFixed(3),
        }),
        x: mid.x,
        y: mid.y,
        gap: 4,
      })
    }
    return out
  }, [marks, links, layout, curve, ids, t])

  const group = useRef<SVGGElement>(null)
  const [boxes, setBoxes] = useState<Rect[]>([])
  useLayoutEffect(() => {
    const svg = group.current?.ownerSVGElement
    if (!svg) return
    // what labels must not cover: every node (with its offset arc) and every clock readout
    const circles = nodeDiscs(layout)
    const rects = boxesIn(svg, '.node-readout')
    const style = getComputedStyle(group.current!)
    const size = parseFloat(style.fontSize) || 13
    const font = `600 ${size}px ${style.fontFamily}`
    const requests = labels.map((l) => ({
      x: l.x,
      y: l.y,
      gap: l.gap,
      width: measure(l.text, font) + 2 * PAD_X,
      height: size * LINE,
    }))
    setBoxes(placeLabels(requests, { rects, circles }, { x: 0, y: 0, width, height }))
  }, [labels, layout, width, height])

  const index = new Map(ids.map((id, i) => [id, i]))
  const ringed = highlights.nodes.map((id) => index.get(id)).filter((i) => i !== undefined)
  const lit = highlights.links
    .map(([a, b]) => curve(index.get(a) ?? -1, index.get(b) ?? -1))
    .filter((c): c is LinkCurve => c !== null)
  const markedNodes = new Map(marks.map((m) => [m.node, m.kind]))

  return (
    <g className="annotations" ref={group}>
      {lit.map((c, i) => (
        <path key={i} className="mark-link-highlight" d={curvePath(c)} />
      ))}
      {ringed.map((i) => (
        <circle
          key={`h${i}`}
          className="mark-node-highlight"
          cx={layout.nodes[i].x}
          cy={layout.nodes[i].y}
          r={layout.radius + HIGHLIGHT_RING}
        />
      ))}
      {[...markedNodes].map(([i, kind]) => (
        <circle
          key={`m${i}`}
          className={`mark-ring mark-ring-${kind}`}
          cx={layout.nodes[i].x}
          cy={layout.nodes[i].y}
          r={layout.radius + 5}
        />
      ))}
      {labels.map((l, i) => {
        const b = boxes[i]
        if (!b) return null
        return (
          <g
            key={l.key}
            className={`map-mark map-mark-${l.kind}`}
            data-testid="map-mark"
            data-kind={l.kind}
            data-node={l.node}
          >
            <Leader from={l} gap={l.gap - 6} to={b} />
            <rect
              className="map-mark-box"
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              rx={4}
            />
            <text className="map-label" x={b.x + PAD_X} y={b.y + b.height / 2} dy="0.35em">
              {l.text}
            </text>
          </g>
        )
      })}
    </g>
  )
}

/** A thin line from the rim of what is marked to its label, so a moved label still points home. */
function Leader({ from, gap, to }: { from: { x: number; y: number }; gap: number; to: Rect }) {
  const cx = to.x + to.width / 2
  const cy = to.y + to.height / 2
  const d = Math.hypot(cx - from.x, cy - from.y)
  if (d <= gap) return null
  const k = gap / d
  return (
    <line
      className="map-mark-leader"
      x1={from.x + (cx - from.x) * k}
      y1={from.y + (cy - from.y) * k}
      x2={cx}
      y2={cy}
    />
  )
}

/**
 * The one-line caption a lesson step or Step sets (highlight store), over the top of the map:
 * HTML, so it wraps and is read by screen readers as it changes.
 */
export function MapCaption() {
  const caption = useHighlightStore((h) => h.caption)
  if (!caption) return null
  return (
    <p className="map-caption" data-testid="map-caption" role="status">
      {caption}
    </p>
  )
}
