import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../i18n'
import { chooseTool, dismissLinkNotice, setToolValue } from '../perturb/actions'
import { ASKS } from '../perturb/menuModel'
import { parseBounded, refusal } from '../typedNumber'
import { usePerturbStore, type PerturbState } from '../perturb/perturbStore'
import { useRunStore } from '../store/runStore'
import { ownsKeys } from '../workspace/presenterKeys'
import { PartitionDraft } from './PartitionDraft'
import {
  DEFAULT_TOOL,
  TOOL_ASKS,
  TOOLS,
  isValueTool,
  linkNotice,
  toolForKey,
  toolKey,
  toolName,
  toolTitle,
  type ToolId,
  type ValueTool,
} from './toolModel'
import './tools.css'

const selectPalette = (s: PerturbState) => ({
  tool: s.tool,
  draft: s.draft,
  values: s.toolValues,
  notice: s.linkNotice,
})

/** How long the "acts on nodes" notice stays after a link click (read at leisure, then gone). */
const NOTICE_MS = 5000

/** 16×16 icon paths, one per tool. */
const ICONS: Record<ToolId, string> = {
  inspect:
    'M6.5 1a5.5 5.5 0 0 1 4.4 8.8l3.9 3.9-1.1 1.1-3.9-3.9A5.5 5.5 0 1 1 6.5 1zm0 1.6a3.9 3.9 0 1 0 0 7.8 3.9 3.9 0 0 0 0-7.8z',
  crash: 'M3 1.9l5 5 5-5 1.1 1.1-5 5 5 5-1.1 1.1-5-5-5 5L1.9 13l5-5-5-5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  step: 'M1 13h4V9h4V5h4V2h2v5h-4v4H7v4H1z',
  drift: 'M1 12.5 14.3 3l.9 1.3L1.9 13.8zM1 7h3v1.5H1z',
  falseticker: 'M8 1l7 13H1zm-.8 4.5v4.2h1.6V5.5zm0 5.7v1.6h1.6v-1.6z',
  cut: 'M1 7h5v2H1zm9 0h5v2h-5zM7 1.5h2v3.5H7zm0 9.5h2v3.5H7z',
  partition:
    'M4 5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zm8 0a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM7.3 1h1.4v14H7.3z',
}

/**
 * The fault tool palette above the map (issue 8 §2): the chosen tool is what a click on a node
 * or a link does (tools/toolModel.ts). A WAI-ARIA toolbar of toggle buttons (arrows move between
 * them); keys 1–8 choose a tool from anywhere but a field, Escape goes back to crash/restart.
 * Value tools show their value with its unit; the partition tool its groups, apply and cancel.
 */
export function ToolPalette() {
  const t = useT()
  const { tool, draft, values, notice } = usePerturbStore(useShallow(selectPalette))
  const ready = useRunStore((s) => s.run !== null)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  useToolKeys()
  useEffect(() => {
    if (notice === 0) return
    const timer = setTimeout(dismissLinkNotice, NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])

  const onKeyDown = (e: KeyboardEvent) => {
    const at = buttons.current.findIndex((b) => b === document.activeElement)
    if (at < 0) return
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % TOOLS.length
        : e.key === 'ArrowLeft'
          ? (at + TOOLS.length - 1) % TOOLS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TOOLS.length - 1
              : -1
    if (to < 0) return
    e.preventDefault()
    buttons.current[to]?.focus()
  }

  return (
    <div className="tool-palette">
      <div
        className="tool-buttons"
        role="toolbar"
        aria-label={t('tools.label')}
        onKeyDown={onKeyDown}
      >
        {TOOLS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              buttons.current[i] = el
            }}
            type="button"
            className={`tool-btn${tool === id ? ' active' : ''}`}
            data-testid={`tool-${id}`}
            aria-pressed={tool === id}
            aria-keyshortcuts={toolKey(id)}
            title={toolTitle(id, t)}
            // roving focus: one stop in the tab order, on the chosen tool
            tabIndex={tool === id ? 0 : -1}
            disabled={!ready}
            onClick={() => chooseTool(id)}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
              <path d={ICONS[id]} />
            </svg>
            <span>{toolName(id, t)}</span>
          </button>
        ))}
      </div>
      {isValueTool(tool) && <ToolValue key={tool} tool={tool} value={values[tool]} />}
      {draft && <PartitionDraft draft={draft} />}
      {/* always in the DOM, so screen readers announce the text when it appears */}
      <p className="tool-notice" role="status" data-testid="tool-notice">
        {notice > 0 ? linkNotice(tool, t) : ''}
      </p>
    </div>
  )
}

/** The value a value tool applies, typed with its unit; only a valid value is kept. */
function ToolValue({ tool, value }: { tool: ValueTool; value: number }) {
  const t = useT()
  const ask = ASKS[TOOL_ASKS[tool]]
  const [text, setText] = useState(String(value))
  const [error, setError] = useState<string | null>(null)
  const unit = t(ask.unit)
  const label = t(
    tool === 'step'
      ? 'tools.valueStep'
      : tool === 'drift'
        ? 'tools.valueDrift'
        : 'tools.valueFalseticker',
  )
  return (
    <div className="tool-options tool-value">
      <label className="tool-value-label">
        <span>{label}</span>
        <input
          type="text"
          inputMode="decimal"
          className="num"
          data-testid="tool-value"
          value={text}
          aria-invalid={error !== null}
          onChange={(e) => {
            setText(e.target.value)
            const r = parseBounded(e.target.value, ask.min, ask.max)
            if (r.ok) setToolValue(tool, r.value)
            setError(r.ok ? null : refusal(r.error, t, { min: ask.min, max: ask.max, unit }))
          }}
        />
        <span className="unit">{unit}</span>
      </label>
      {error && (
        <span className="field-error" role="alert" data-testid="tool-value-error">
          {error}
        </span>
      )}
    </div>
  )
}

/** Keys 1–8 choose a tool, Escape the default one; never while a field or menu takes keys. */
function useToolKeys(): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return
      const tool = e.key === 'Escape' ? DEFAULT_TOOL : toolForKey(e.key)
      if (!tool || (e.key === 'Escape' && usePerturbStore.getState().tool === DEFAULT_TOOL)) return
      e.preventDefault()
      chooseTool(tool)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
