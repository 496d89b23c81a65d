/**
 * Every categorical colour the views use, in one place.
 *
 * Nodes (chart lines, legend, clock table) take Tableau 10, which stays tellable apart for most
 * colour-vision deficiencies at this count; reference clocks are true time and get the ink
 * colour. Message kinds that are not Paxos phases (those keep their own colours, see
 * consensus/phases.ts) take a second set chosen to stay apart from the offset arcs' orange and
 * blue on the map.
 */
const REFERENCE_COLOUR = '#0f172a'

/**
 * Tableau 10, as d3-scale-chromatic's `schemeTableau10` has it. Copied rather than imported:
 * that package ships one file that builds all its colour ramps when loaded, 7 KB gzipped of
 * initial JavaScript for these ten strings.
 */
const TABLEAU_10 = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
]

export function nodeColours(nodes: readonly { reference: boolean }[]): string[] {
  let k = 0
  return nodes.map((n) => (n.reference ? REFERENCE_COLOUR : TABLEAU_10[k++ % TABLEAU_10.length]))
}

const KIND_COLOURS = [
  '#0f766e',
  '#c026d3',
  '#ca8a04',
  '#4f46e5',
  '#65a30d',
  '#be185d',
  '#0891b2',
  '#78350f',
]

/** A message kind's colour by its order of first appearance in the run. */
export const categoricalColour = (kind: number): string => KIND_COLOURS[kind % KIND_COLOURS.length]

/** Partition groups (perturb/partition.ts), apart from the message kinds and the offset arcs. */
export const GROUP_COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea']
