/**
 * A work measure for parsers that does not depend on the machine: reads of the input (property
 * gets, key listings, `in` checks), counted through proxies. A parser whose reads stay within a
 * constant per input value does linear work however hostile the input; tests assert that
 * instead of a wall-clock time.
 */

/** Reads allowed per JSON value or key of the input, and in all. */
export const WORK_PER_VALUE = 10
export const WORK_BASE = 200

/** Values and keys in a JSON value (iterative: the input may be nested deep). */
export function jsonSize(value: unknown): number {
  let n = 0
  const stack = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    n++
    if (typeof v === 'object' && v !== null)
      for (const [, x] of Object.entries(v)) {
        n++
        stack.push(x)
      }
  }
  return n
}

/** `value` behind counting proxies (a deep copy; keys like "__proto__" stay own keys). */
export function countingReads(value: unknown): { value: unknown; reads: () => number } {
  let n = 0
  const handler: ProxyHandler<object> = {
    get: (t, k, r) => (n++, Reflect.get(t, k, r)),
    has: (t, k) => (n++, Reflect.has(t, k)),
    ownKeys: (t) => (n++, Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, k) => (n++, Reflect.getOwnPropertyDescriptor(t, k)),
  }
  const wrap = (v: unknown, depth: number): unknown => {
    // past the nesting cap the parser refuses without reading further: no proxy needed
    if (typeof v !== 'object' || v === null || depth > 80) return v
    const copy: object = Array.isArray(v) ? [] : {}
    for (const [k, x] of Object.entries(v))
      Object.defineProperty(copy, k, {
        value: wrap(x, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    return new Proxy(copy, handler)
  }
  return { value: wrap(value, 0), reads: () => n }
}
