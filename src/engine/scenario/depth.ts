/**
 * Nesting cap for scenario JSON: deeper than any scenario field (faults[i].groups[j][k] is five
 * levels), extra fields included. A field nested 100 000 deep parses, but cloning it for the
 * worker, or printing it, overflows the stack — so it is refused up front, by name.
 */
const MAX_NESTING = 64

/**
 * The path of the first value nested deeper than `max`, or null. Iterative (an explicit
 * stack), so the check itself cannot overflow; each value is visited once and no path grows
 * past `max`.
 */
function deepPath(value: unknown, max = MAX_NESTING): (string | number)[] | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }]
  while (stack.length > 0) {
    const { v, path } = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (path.length >= max) return path
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }))
    else
      for (const k of Object.keys(v))
        stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] })
  }
  return null
}

/** `nodes[2].clock.skewPpm` from a value's path (a zod issue's or deepPath's). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else out += out ? `.${String(p)}` : String(p)
  }
  return out || '(scenario)'
}

/** "nodes[0].x.y.z…: nested more than 64 levels deep" for JSON nested past MAX_NESTING, or null. */
export function nestingError(json: unknown): string | null {
  const path = deepPath(json)
  return path
    ? `${formatPath(path.slice(0, 4))}…: nested more than ${MAX_NESTING} levels deep`
    : null
}
