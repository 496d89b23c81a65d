/**
 * One colour per node for chart lines, legend and table (Tableau 10, which stays tellable apart
 * for most colour-vision deficiencies at this count). Reference clocks are true time: they get
 * the ink colour and a dashed line along zero.
 */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#9c755f',
  '#ff9da7',
  '#bab000',
  '#7f7f7f',
]

export const REFERENCE_COLOUR = '#0f172a'

export function nodeColours(nodes: readonly { reference: boolean }[]): string[] {
  let k = 0
  return nodes.map((n) => (n.reference ? REFERENCE_COLOUR : PALETTE[k++ % PALETTE.length]))
}
