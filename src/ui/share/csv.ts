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

/** The clock history as the charts hold it (HistoryRing): `size` samples of `width` nodes each. */
export interface OffsetSeries {
  size: number
  width: number
  time(k: number): number
  /** local − true (s); NaN while the node is crashed */
  offset(k: number, node: number): number
  /** the rate correction its clock runs with (ppm) */
  correction(k: number, node: number): number
}

export const OFFSET_HEADER = ['time_s', 'node', 'offset_s', 'correction_ppm'] as const

/**
 * Every sample the offset charts hold, one row per sample per charted node: simulated time,
 * node, local − true, rate correction. A crashed node's offset is left empty, as the chart leaves a gap.
 */
export function offsetCsv(series: OffsetSeries, ids: readonly string[]): string {
  const rows: Cell[][] = []
  const width = Math.min(series.width, ids.length)
  for (let k = 0; k < series.size; k++)
    for (let n = 0; n < width; n++)
      rows.push([series.time(k), ids[n], series.offset(k, n), series.correction(k, n)])
  return toCsv(OFFSET_HEADER, rows)
}
