import { useCallback, useRef } from 'react'
import type { Frame } from '../../worker/wire'
import { repaintAll, usePainter } from '../frameLoop'
import { useConsensusStore } from '../consensus/consensusStore'
import { writeAttr } from '../domWrites'
import { EditButtons } from '../perturb/EditButtons'
import { t as tNow, useT } from '../i18n'
import { shownRange } from '../spacetime/diagramViewStore'
import { frameStore } from '../store/frameStore'
import { useElementSizeRef } from '../useElementSize'
import { seekTo, useTimelineStore } from './timelineStore'
import './timeline.css'
import { writeText } from '../domWrites'

const PAD = 8
const HEIGHT = 28

/** Keyboard steps in simulated seconds: arrows, with Shift, and Page Up / Page Down. */
const STEP = 1
const FINE_STEP = 0.1
const PAGE_STEP = 10

/** The recorded end of the run as drawn: the head, or the frame's time while live past it. */
function extent(frame: Frame | null): { now: number; head: number; end: number } {
  const tl = useTimelineStore.getState()
  const now = frame?.now ?? 0
  const head = Math.max(tl.runId === frame?.runId ? tl.head : 0, now)
  const replacedTo = tl.runId === frame?.runId && tl.replaced ? tl.replaced.to : 0
  return { now, head, end: Math.max(head, replacedTo, 1e-9) }
}

const fmt = (t: number) => t.toFixed(2)

/**
 * The scrubber over the whole recorded run (`timeline`): drag or use the keyboard to seek; the
 * worker restores the nearest checkpoint and re-runs to the exact time. Everything moving is
 * painted per frame (thumb, head, checkpoints, the diagram's band), never rendered by React.
 */
export function Timeline() {
  const t = useT()
  const track = useRef<HTMLDivElement>(null)
  const rail = useRef<SVGRectElement>(null)
  const recorded = useRef<SVGRectElement>(null)
  const replaced = useRef<SVGRectElement>(null)
  const band = useRef<SVGRectElement>(null)
  const ticks = useRef<SVGPathElement>(null)
  const violations = useRef<SVGPathElement>(null)
  const thumb = useRef<SVGGElement>(null)
  const readout = useRef<HTMLOutputElement>(null)
  const dragging = useRef(false)

  const size = useElementSizeRef(track, repaintAll)
  // The thumb follows every frame as it arrives; everything else is a readout. It is written only
  // when its whole-pixel position changes: live it stays at the head's end of the rail, and at
  // 1× on a long run it moves a pixel every few seconds (each write restyles the SVG).
  const paintThumb = useCallback(
    (frame: Frame) => {
      const { width } = size.current
      const { now, end } = extent(frame)
      const x = PAD + (Math.max(0, Math.min(end, now)) / end) * (width - 2 * PAD)
      if (thumb.current) writeAttr(thumb.current, 'transform', `translate(${Math.round(x)},0)`)
    },
    [size],
  )
  usePainter(paintThumb, { rate: 'arrival' })

  const paint = useCallback(
    (frame: Frame) => {
      const el = track.current
      if (!el) return
      const { width } = size.current
      const { now, head, end } = extent(frame)
      const x = (v: number) => PAD + (Math.max(0, Math.min(end, v)) / end) * (width - 2 * PAD)
      const tl = useTimelineStore.getState()
      // unchanged geometry is not rewritten (live, the recorded bar and the rail stay put)
      writeAttr(rail.current!, 'width', String(Math.max(0, width - 2 * PAD)))
      writeAttr(recorded.current!, 'width', String(Math.max(0, x(head) - PAD)))
      const r = tl.runId === frame.runId ? tl.replaced : null
      const rep = replaced.current!
      if (r && r.to > head) {
        writeAttr(rep, 'x', String(x(head)))
        writeAttr(rep, 'width', String(x(r.to) - x(head)))
        rep.style.display = ''
      } else rep.style.display = 'none'
      const b = band.current!
      writeAttr(b, 'x', String(x(shownRange.from)))
      writeAttr(b, 'width', String(Math.max(2, x(shownRange.to) - x(shownRange.from))))
      writeAttr(
        ticks.current!,
        'd',
        tl.runId === frame.runId
          ? tl.checkpoints.map((c) => `M${x(c).toFixed(1)},${HEIGHT - 7}v5`).join('')
          : '',
      )
      // the checker's violations (consensus and transactions) as red marks over the rail
      const v = useConsensusStore.getState()
      const found = v.violationsRunId === frame.runId ? v.violations : []
      writeAttr(
        violations.current!,
        'd',
        found.map((f) => `M${x(f.at).toFixed(1)},1l4,6h-8z`).join(''),
      )
      el.dataset.violations = String(found.length)
      el.setAttribute('aria-valuenow', String(now))
      el.setAttribute('aria-valuemax', String(head))
      el.setAttribute(
        'aria-valuetext',
        tNow('timeline.valueText', { now: fmt(now), head: fmt(head) }),
      )
      el.dataset.head = String(head)
      el.dataset.branches = String(tl.runId === frame.runId ? tl.branches : 0)
      el.title =
        tl.seekMs !== null
          ? `${tNow('timeline.hint')}\n${tNow('timeline.checkpoints', { n: tl.checkpoints.length, ms: tl.seekMs.toFixed(1) })}`
          : tNow('timeline.hint')
      if (found.length > 0)
        el.title += `\n${tNow('timeline.violations', { n: found.length, first: fmt(found[0]!.at) })}`
      if (r && r.to > head)
        el.title += `\n${tNow('timeline.replaced', { from: fmt(r.from), to: fmt(r.to) })}`
      writeText(readout.current, tNow('timeline.readout', { now: fmt(now), head: fmt(head) }))
    },
    [size],
  )
  usePainter(paint)

  const timeAt = (clientX: number): number => {
    const el = track.current!
    const r = el.getBoundingClientRect()
    const { head } = extent(frameStore.getState().frame)
    const f = (clientX - r.left - PAD) / (r.width - 2 * PAD)
    // only the recorded part can be scrubbed; the replaced future is gone
    return Math.max(0, Math.min(head, f * extent(frameStore.getState().frame).end))
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    const { now, head } = extent(frameStore.getState().frame)
    let to: number
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        to = now - (e.shiftKey ? FINE_STEP : STEP)
        break
      case 'ArrowRight':
      case 'ArrowUp':
        to = now + (e.shiftKey ? FINE_STEP : STEP)
        break
      case 'PageDown':
        to = now - PAGE_STEP
        break
      case 'PageUp':
        to = now + PAGE_STEP
        break
      case 'Home':
        to = 0
        break
      case 'End':
        to = head
        break
      default:
        return
    }
    e.preventDefault()
    // stepping forward may run on past the head; backwards stops at the start
    seekTo(Math.max(0, to))
  }

  return (
    <div className="timeline-bar">
      <span className="timeline-label" aria-hidden="true">
        {t('timeline.label')}
      </span>
      <div
        ref={track}
        className="timeline-track"
        role="slider"
        tabIndex={0}
        data-testid="timeline"
        aria-label={t('timeline.aria')}
        aria-valuemin={0}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId)
          dragging.current = true
          seekTo(timeAt(e.clientX))
        }}
        onPointerMove={(e) => {
          if (dragging.current) seekTo(timeAt(e.clientX))
        }}
        onPointerUp={(e) => {
          if (!dragging.current) return
          dragging.current = false
          e.currentTarget.releasePointerCapture(e.pointerId)
          seekTo(timeAt(e.clientX))
        }}
      >
        <svg className="timeline-svg" height={HEIGHT} aria-hidden="true">
          <rect ref={rail} className="timeline-rail" x={PAD} y={HEIGHT / 2 - 3} height={6} rx={3} />
          <rect
            ref={recorded}
            className="timeline-recorded"
            x={PAD}
            y={HEIGHT / 2 - 3}
            height={6}
            rx={3}
          />
          <rect ref={replaced} className="timeline-replaced" y={HEIGHT / 2 - 3} height={6} />
          <rect ref={band} className="timeline-band" y={2} height={HEIGHT - 4} rx={2} />
          <path ref={ticks} className="timeline-checkpoints" />
          <path
            ref={violations}
            className="timeline-violations"
            data-testid="timeline-violations"
          />
          <g ref={thumb}>
            <circle className="timeline-thumb" cy={HEIGHT / 2} r={7} />
          </g>
        </svg>
      </div>
      <output className="timeline-readout num" ref={readout} />
      <button
        type="button"
        className="btn"
        title={t('timeline.toHeadHint')}
        onClick={() => seekTo(extent(frameStore.getState().frame).head)}
      >
        {t('timeline.toHead')}
      </button>
      {/* beside the scrubber: the control bar has no room left at 1280 px, the track stretches */}
      <EditButtons />
    </div>
  )
}
