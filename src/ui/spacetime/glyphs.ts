import type { MarkKind } from '../../worker/timelineWire'

/**
 * The diagram's marks as SVG path data centred on (0, 0), about 12 px across: the canvas draws
 * them with Path2D and the legend with <path>, so both show the same shapes.
 */
export interface Glyph {
  /** filled part, with its colour */
  fill?: { d: string; colour: string }
  /** stroked part */
  stroke?: { d: string; colour: string; width: number }
}

const circle = (r: number) => `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`

function star(r: number): string {
  const pts: string[] = []
  for (let i = 0; i < 10; i++) {
    const a = (Math.PI / 5) * i - Math.PI / 2
    const q = i % 2 === 0 ? r : r * 0.45
    pts.push(`${(q * Math.cos(a)).toFixed(2)},${(q * Math.sin(a)).toFixed(2)}`)
  }
  return `M${pts.join('L')}Z`
}

export const COLOURS = {
  lane: '#94a3b8',
  crashed: '#f87171',
  paused: '#f59e0b',
  drop: '#b91c1c',
  crash: '#b91c1c',
  restart: '#15803d',
  pause: '#b45309',
  ahead: '#ea580c',
  behind: '#2563eb',
  clockChange: '#7c3aed',
  network: '#7c3aed',
  heal: '#15803d',
  setting: '#64748b',
  elected: '#ca8a04',
  violation: '#dc2626',
  now: '#0f172a',
  grid: '#e2e8f0',
  outside: '#f1f5f9',
  local: '#334155',
} as const

export const DROP_CROSS: Glyph = {
  stroke: { d: 'M-4,-4L4,4M4,-4L-4,4', colour: COLOURS.drop, width: 2 },
}

const WHITE = '#ffffff'

export function markGlyph(kind: MarkKind, value = 0, protocol = false): Glyph | null {
  switch (kind) {
    case 'crash':
      return {
        fill: { d: circle(6), colour: COLOURS.crash },
        stroke: { d: 'M-3,-3L3,3M3,-3L-3,3', colour: WHITE, width: 1.8 },
      }
    case 'restart':
      return {
        fill: { d: circle(6), colour: COLOURS.restart },
        stroke: { d: 'M-3.5,0H3.5M0,-3.5V3.5', colour: WHITE, width: 1.8 },
      }
    case 'pause':
      return {
        fill: { d: circle(6), colour: COLOURS.pause },
        stroke: { d: 'M-1.8,-3V3M1.8,-3V3', colour: WHITE, width: 1.8 },
      }
    case 'resume':
      return {
        fill: { d: `${circle(6)}`, colour: COLOURS.pause },
        stroke: { d: 'M-1.5,-3L2.5,0L-1.5,3Z', colour: WHITE, width: 1.6 },
      }
    case 'clockStep': {
      // an arrow along the lane's vertical: up for a jump ahead, down for one back
      const up = value >= 0
      return {
        stroke: {
          d: up ? 'M0,6V-6M-3.5,-2.5L0,-6L3.5,-2.5' : 'M0,-6V6M-3.5,2.5L0,6L3.5,2.5',
          colour: up ? COLOURS.ahead : COLOURS.behind,
          width: protocol ? 1.5 : 2.6,
        },
      }
    }
    case 'setSkew':
    case 'falseticker':
      return { fill: { d: 'M0,-6L5.5,4.5H-5.5Z', colour: COLOURS.clockChange } }
    case 'elected':
      return { fill: { d: star(7), colour: COLOURS.elected } }
    case 'stepDown':
      return { stroke: { d: star(6), colour: COLOURS.elected, width: 1.4 } }
    case 'violation':
      return {
        fill: { d: circle(6.5), colour: COLOURS.violation },
        stroke: { d: 'M0,-3.8V0.8M0,2.6V3.4', colour: WHITE, width: 2 },
      }
    default:
      // network-wide changes are drawn as lines across lanes, not glyphs
      return null
  }
}

/** Colour of the vertical line of a network-wide mark, or null for node marks. */
export function networkLineColour(kind: MarkKind): string | null {
  switch (kind) {
    case 'partition':
    case 'cutLink':
      return COLOURS.network
    case 'heal':
    case 'healLink':
      return COLOURS.heal
    case 'setLoss':
    case 'setLatency':
    case 'setDuplicate':
      return COLOURS.setting
    default:
      return null
  }
}
