import { NODE, NODE_STRIDE, STATUS_CODES, type Frame } from '../../worker/wire'

export const CRASHED = STATUS_CODES.indexOf('crashed')

/**
 * Accuracy (max |offset| from true time) and precision (max − min offset: how closely the
 * clocks agree with each other) over live nodes, as the CLI counts them (docs/cli.md).
 */
export function clockQuality(frame: Frame): { accuracy: number; precision: number } {
  let acc = 0
  let lo = Infinity
  let hi = -Infinity
  for (let o = 0; o < frame.nodes.length; o += NODE_STRIDE) {
    if (frame.nodes[o + NODE.status] === CRASHED) continue
    const off = frame.nodes[o + NODE.offset]
    acc = Math.max(acc, Math.abs(off))
    lo = Math.min(lo, off)
    hi = Math.max(hi, off)
  }
  return { accuracy: acc, precision: hi >= lo ? hi - lo : 0 }
}
