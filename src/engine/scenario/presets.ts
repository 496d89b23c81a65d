import type { ScenarioInput } from './schema'

/**
 * Built-in scenarios. Names and descriptions shown in the UI come from the message catalogues
 * (keyed by preset id); `name` here is the English fallback that exported files carry.
 */
export interface Preset {
  id: string
  scenario: ScenarioInput
}

const lanClients = (n: number, skews: number[]) =>
  Array.from({ length: n }, (_, i) => ({
    id: `c${i + 1}`,
    clock: { offset: (i % 2 ? -1 : 1) * 0.02 * (i + 1), skewPpm: skews[i % skews.length], wanderPpm: 0.01 },
  }))

export const presets: Preset[] = [
  {
    id: 'cristian-lan',
    scenario: {
      version: 1,
      name: 'Cristian on a LAN',
      seed: 42,
      duration: 600,
      nodes: [{ id: 's1', reference: true }, ...lanClients(4, [80, -50, 120, -20])],
      network: { latency: { base: 0.002, jitter: 0.0005 } },
      clockSync: { algorithm: 'cristian', pollInterval: 8 },
    },
  },
  {
    id: 'free-drift',
    scenario: {
      version: 1,
      name: 'Drifting clocks, no sync',
      seed: 7,
      duration: 600,
      nodes: [
        { id: 'ref', reference: true },
        { id: 'a', clock: { skewPpm: 200, wanderPpm: 0.05 } },
        { id: 'b', clock: { skewPpm: -150, wanderPpm: 0.05 } },
        { id: 'c', clock: { offset: 0.05, skewPpm: 50, wanderPpm: 0.05 } },
      ],
    },
  },
  {
    id: 'asymmetric-wan',
    scenario: {
      version: 1,
      name: 'Asymmetric WAN',
      seed: 11,
      duration: 600,
      nodes: [
        { id: 's1', reference: true },
        { id: 'c1', clock: { offset: 0.3, skewPpm: 60 } },
      ],
      network: {
        latency: { base: 0.02, jitter: 0.002 },
        links: [
          { from: 'c1', to: 's1', latency: { base: 0.01, jitter: 0 } },
          { from: 's1', to: 'c1', latency: { base: 0.002, jitter: 0 } },
        ],
      },
      clockSync: { algorithm: 'cristian', pollInterval: 16 },
    },
  },
]

export const DEFAULT_PRESET = 'cristian-lan'
