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
  // ---- clock synchronisation views (src/ui/clock)
  {
    // Three stratum-1 servers, three drifting clients on a fast LAN; the poll is pinned at 16 s
    // (ntpd `minpoll 4 maxpoll 4`) so a live drift change is answered within minutes.
    id: 'ntp-lan',
    scenario: {
      version: 1,
      name: 'NTP on a LAN',
      seed: 5,
      duration: 1800,
      nodes: [
        { id: 's1', reference: true },
        { id: 's2', reference: true },
        { id: 's3', reference: true },
        { id: 'c1', clock: { offset: 0.08, skewPpm: 60, wanderPpm: 0.01 } },
        { id: 'c2', clock: { offset: -0.05, skewPpm: -40, wanderPpm: 0.01 } },
        { id: 'c3', clock: { offset: 0.03, skewPpm: 110, wanderPpm: 0.01 } },
      ],
      network: { latency: { base: 0.0002, jitter: 0.0001 } },
      clockSync: { algorithm: 'ntp', pollInterval: 16 },
    },
  },
  {
    // algorithms.md §2: five servers, two of them lying in opposite directions; the
    // intersection algorithm marks them falsetickers and the clients follow the other three.
    id: 'ntp-falsetickers',
    scenario: {
      version: 1,
      name: 'NTP with falsetickers (5 servers, 2 liars)',
      seed: 8,
      duration: 1200,
      nodes: [
        ...[1, 2, 3, 4, 5].map((k) => ({ id: `s${k}`, reference: true })),
        { id: 'c1', clock: { offset: 0.06, skewPpm: 45, wanderPpm: 0.01 } },
        { id: 'c2', clock: { offset: -0.04, skewPpm: -70, wanderPpm: 0.01 } },
      ],
      network: { latency: { base: 0.0003, jitter: 0.0002 } },
      clockSync: { algorithm: 'ntp', pollInterval: 16 },
      faults: [
        { at: 0, type: 'falseticker', node: 's4', lie: 0.25 },
        { at: 0, type: 'falseticker', node: 's5', lie: -0.4 },
      ],
    },
  },
]

export const DEFAULT_PRESET = 'cristian-lan'
