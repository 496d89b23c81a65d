import { NODE, NODE_STRIDE, STATUS_CODES } from '../../worker/protocol'

/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, a field with a comma, quote or line
 * break in double quotes (inner quotes doubled). A text field that a spreadsheet would read as a
 * formula (= + - @ first, OWASP "CSV injection") gets a leading apostrophe; numbers are written
 * in full precision (`String(x)` round-trips a double).
 */
export type Cell = string | number

const FORMULA = /^[=+\-@\t\r]/

function cell(v: Cell): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  const s = FORMULA.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** What one row set is built from: a frame, or any sample with the same node layout. */
export interface NodeSample {
  now: number
  /** NODE_STRIDE numbers per node: status code, local clock reading, offset */
  nodes: Float64Array
}

export const OFFSET_HEADER = ['time_s', 'node', 'status', 'local_s', 'offset_s'] as const

/** One row per node per sample: simulated time, node, status, local reading, local − true. */
export function offsetCsv(samples: readonly NodeSample[], ids: readonly string[]): string {
  const rows: Cell[][] = []
  for (const s of samples)
    ids.forEach((id, i) => {
      const o = i * NODE_STRIDE
      rows.push([
        s.now,
        id,
        STATUS_CODES[s.nodes[o + NODE.status]] ?? '',
        s.nodes[o + NODE.local],
        s.nodes[o + NODE.offset],
      ])
    })
  return toCsv(OFFSET_HEADER, rows)
}
