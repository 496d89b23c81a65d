import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../i18n'
import { useRunStore } from '../store/runStore'
import { closeNodeMenu, injectFault } from './actions'
import {
  ASKS,
  firstEnabled,
  menuKey,
  nodeMenuItems,
  type AskKind,
  type MenuItem,
} from './menuModel'
import { parseBounded, refusal } from '../typedNumber'
import { usePerturbStore, type PerturbState } from './perturbStore'

const selectMenu = (s: PerturbState) => s.menu
/** Keeps the menu inside the window: its estimated size before layout. */
const MENU_W = 240
const MENU_H = 320

/** Give keyboard focus back to the node the menu belongs to. */
function refocusNode(id: string): void {
  document
    .querySelector<SVGGElement>(`[data-testid="node-${CSS.escape(id)}"]`)
    ?.focus({ preventScroll: true })
}

/**
 * The per-node menu (WAI-ARIA menu pattern): opened by right-click, Shift+F10 or the Menu key
 * on a node; arrows move, Enter / Space act, Escape closes and returns focus to the node. Actions
 * that need a number open a small form in place of the menu.
 */
export function NodeMenu() {
  const menu = usePerturbStore(selectMenu)
  const { node, status } = useRunStore(
    useShallow((s) => ({
      node: menu ? s.run?.nodes[menu.node] : undefined,
      status: menu ? (s.statuses[menu.node] ?? 'up') : 'up',
    })),
  )
  const [ask, setAsk] = useState<AskKind | null>(null)
  // a new node (or none) starts at the menu, not at a form left open for another one
  const [menuFor, setMenuFor] = useState(menu)
  if (menuFor !== menu) {
    setMenuFor(menu)
    setAsk(null)
  }
  if (!menu || !node) return null
  const close = () => {
    closeNodeMenu()
    refocusNode(node.id)
  }
  return (
    <div
      className="node-menu-layer"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) closeNodeMenu()
      }}
      onContextMenu={(e) => {
        if (e.target === e.currentTarget) {
          e.preventDefault()
          closeNodeMenu()
        }
      }}
    >
      <div
        className="node-menu-box"
        style={{
          left: Math.max(4, Math.min(menu.x + 4, window.innerWidth - MENU_W - 4)),
          top: Math.max(4, Math.min(menu.y, window.innerHeight - MENU_H - 4)),
        }}
      >
        {ask ? (
          <AskForm kind={ask} node={node.id} onDone={close} onCancel={() => setAsk(null)} />
        ) : (
          <MenuList node={node.id} status={status} onAsk={setAsk} onClose={close} />
        )}
      </div>
    </div>
  )
}

function MenuList(props: {
  node: string
  status: 'up' | 'crashed' | 'paused'
  onAsk(kind: AskKind): void
  onClose(): void
}) {
  const t = useT()
  const items = nodeMenuItems(props.node, props.status, t)
  const [focus, setFocus] = useState(() => firstEnabled(items))
  const refs = useRef<(HTMLButtonElement | null)[]>([])

  useLayoutEffect(() => {
    refs.current[focus]?.focus()
  }, [focus])

  const activate = (item: MenuItem) => {
    if (item.disabled) return
    if (item.action.kind === 'ask') return props.onAsk(item.action.ask)
    injectFault(item.action.fault)
    props.onClose()
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const move = menuKey(e.key, focus, items)
    if (!move) return
    e.preventDefault()
    if ('focus' in move) setFocus(move.focus)
    else if ('activate' in move) activate(items[move.activate])
    else props.onClose()
  }
  return (
    <div
      role="menu"
      className="node-menu"
      data-testid="node-menu"
      aria-label={t('menu.label', { id: props.node })}
      onKeyDown={onKeyDown}
    >
      <div className="node-menu-title" aria-hidden="true">
        {props.node}
      </div>
      {items.map((item, i) => (
        <button
          key={item.id}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="menuitem"
          data-testid={`menu-${item.id}`}
          tabIndex={i === focus ? 0 : -1}
          aria-disabled={item.disabled || undefined}
          className="node-menu-item"
          onClick={() => activate(item)}
          onMouseEnter={() => !item.disabled && setFocus(i)}
        >
          {item.label}
        </button>
      ))}
    </div>
  )
}

function AskForm(props: { kind: AskKind; node: string; onDone(): void; onCancel(): void }) {
  const t = useT()
  const spec = ASKS[props.kind]
  const [text, setText] = useState(String(spec.initial))
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.select()
  }, [])
  const unit = t(spec.unit)
  const label = t(spec.label, { id: props.node })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const r = parseBounded(text, spec.min, spec.max)
    if (!r.ok) {
      setError(refusal(r.error, t, { min: spec.min, max: spec.max, unit }))
      return
    }
    injectFault(spec.fault(props.node, r.value))
    props.onDone()
  }
  return (
    <form
      className="node-ask"
      role="dialog"
      aria-label={label}
      data-testid="node-ask"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          props.onCancel()
        }
      }}
    >
      <label className="node-ask-label">
        <span>{label}</span>
        <span className="node-ask-field">
          <input
            ref={input}
            type="text"
            inputMode="decimal"
            data-testid="node-ask-value"
            value={text}
            aria-invalid={error !== null}
            onChange={(e) => {
              setText(e.target.value)
              setError(null)
            }}
          />
          <span className="unit">{unit}</span>
        </span>
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="node-ask-buttons">
        <button type="button" className="btn btn-quiet" onClick={props.onCancel}>
          {t('menu.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="node-ask-apply">
          {t('menu.apply')}
        </button>
      </div>
    </form>
  )
}
