/**
 * Attribute writes from painters that skip a value already there. A write is not free even when
 * the value is the same (an SVG `d` or `transform` is parsed again and invalidates layout and
 * paint; every write is a DOM mutation), and painters rewrite the same values many times a
 * second, so the last value written is remembered per element and attribute (reading it back
 * with getAttribute would build a string each time).
 */
const written = new WeakMap<Element, Map<string, string>>()

/** Set `name` to `value` unless this was the last value written; true when written. */
export function writeAttr(el: Element, name: string, value: string): boolean {
  let attrs = written.get(el)
  if (!attrs) written.set(el, (attrs = new Map()))
  if (attrs.get(name) === value) return false
  attrs.set(name, value)
  el.setAttribute(name, value)
  return true
}

/**
 * Set an element's text unless it already reads `value`. A lone text child is edited in place:
 * assigning `textContent` replaces the node, which is then removed from and added to style and
 * layout again (readouts rewrite dozens of them a second).
 */
export function writeText(el: Element | null, value: string): void {
  if (!el) return
  const only = el.firstChild
  if (only && only === el.lastChild && only.nodeType === TEXT_NODE) {
    const text = only as Text
    if (text.data !== value) text.data = value
  } else if (el.textContent !== value) el.textContent = value
}

/** Node.TEXT_NODE (a constant, so unit tests need no DOM) */
const TEXT_NODE = 3
