/**
 * An emitted (event, data) pair read back as one protocol's typed event, or null when `event` is
 * not one of `names` (another protocol's). Sound because only that protocol's typed `emit`
 * produces these names with these shapes.
 */
export function readEvent<E extends { event: string; data: object }>(
  names: Record<E['event'], true>,
  event: string,
  data: unknown,
): E | null {
  if (!Object.hasOwn(names, event) || typeof data !== 'object' || data === null) return null
  return { event, data } as E
}
