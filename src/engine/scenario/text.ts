import { nestingError } from './depth'

/**
 * Scenario text as files carry it, before the schema sees it. A size cap keeps hostile input
 * cheap to refuse (a 5 000-node scenario with every option is far smaller).
 */
export const MAX_SCENARIO_BYTES = 10_000_000

const BOM = '\uFEFF'

export type JsonResult = { ok: true; json: unknown } | { ok: false; error: string }

/**
 * Parse scenario JSON text. A UTF-8 byte-order mark is accepted (Windows editors write one);
 * nesting past MAX_NESTING is refused here, before the value is cloned or posted anywhere.
 */
export function parseScenarioText(text: string): JsonResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` }
  }
  const deep = nestingError(json)
  return deep ? { ok: false, error: deep } : { ok: true, json }
}
