import type { ScenarioInput } from './schema'

/**
 * Built-in scenarios. Names and descriptions shown in the UI come from the message catalogues
 * (keyed by preset id); `name` here is the English fallback that exported files carry.
 */
/**
 * The views beside the map that show what a preset is about (the UI's views registry,
 * src/ui/workspace/views.ts, names them the same way).
 */
export type PresetView =
  | 'clocks'
  | 'offsetChart'
  | 'precision'
  | 'inspector'
  | 'paxos'
  | 'lease'
  | 'client'
  | 'spacetime'
  | 'transactions'

export interface Preset {
  id: string
  scenario: ScenarioInput
  /** the one or two views the workspace focuses when the preset opens, most important first */
  views: readonly PresetView[]
  /**
   * Simulated seconds per wall second the UI plays it at, so its key moment is watchable
   * (worker/presetSpeed.test.ts). Pacing only: the trace does not depend on it.
   */
  speed: number
}

/**
 * Clock sync at 0.02×: a LAN round trip takes a visible ~0.1 s, and the quiet stretches between
 * polls are skipped (worker/pacing.ts), so the next exchange comes within a second.
 */
const WATCH_MESSAGES = 0.02
/**
 * The store's shards keep heartbeats on the wire, so nothing is skipped: at 0.2× the first
 * transaction begins 5 s in and each commit (about 20 ms) takes a tenth of a second.
 */
const WATCH_TRANSACTIONS = 0.2

const lanClients = (n: number, skews: number[]) =>
  Array.from({ length: n }, (_, i) => ({
    id: `c${i + 1}`,
    clock: {
      offset: (i % 2 ? -1 : 1) * 0.02 * (i + 1),
      skewPpm: skews[i % skews.length],
      wanderPpm: 0.01,
    },
  }))

type TransactionsInput = NonNullable<ScenarioInput['transactions']>
type Workload = NonNullable<ScenarioInput['workload']>

/**
 * The transaction presets' store: x on shard n1–n3, y and z on shard n4–n6, coordinators c1 and
 * c2, 5 ms links. `c2Offset`: how far c2's clock is off (s).
 */
const txnStore = (
  name: string,
  c2Offset: number,
  transactions: Omit<TransactionsInput, 'shards' | 'keys'>,
  workload: Workload,
  rest: Partial<ScenarioInput> = {},
): ScenarioInput => ({
  version: 1,
  name,
  seed: 11,
  duration: 12,
  nodes: [
    ...['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'c1'].map((id) => ({ id })),
    { id: 'c2', clock: { offset: c2Offset } },
  ],
  network: { latency: { base: 0.005, jitter: 0.0005 } },
  transactions: {
    shards: [
      ['n1', 'n2', 'n3'],
      ['n4', 'n5', 'n6'],
    ],
    keys: { x: 0, y: 1, z: 1 },
    ...transactions,
  },
  workload,
  ...rest,
})

/**
 * Every second c1 writes x (shard 0) and, 30 ms later, c2 writes y (shard 1); a snapshot read of
 * both between them. 30 ms is more than a commit takes here and less than c2's 50 ms error.
 */
const alternatingWrites: Workload = Array.from({ length: 8 }, (_, i) => [
  { at: 1 + i, node: 'c1', op: 'txn' as const, id: `t${2 * i + 1}`, writes: { x: `${i + 1}` } },
  {
    at: 1.03 + i,
    node: 'c2',
    op: 'txn' as const,
    id: `t${2 * i + 2}`,
    writes: { y: `${i + 1}` },
  },
  { at: 1.5 + i, node: 'c1', op: 'snapshotRead' as const, id: `r${i + 1}`, keys: ['x', 'y'] },
]).flat()

/** c1 writes x and y (both shards); c2 later reads x and writes y, then writes x alone. */
const crossShard: Workload = [
  { at: 1, node: 'c1', op: 'txn', id: 't1', writes: { x: '1', y: '1' } },
  { at: 4, node: 'c2', op: 'txn', id: 't2', reads: ['x'], writes: { y: '2' } },
  { at: 6, node: 'c2', op: 'txn', id: 't3', writes: { z: '3' } },
  { at: 7, node: 'c2', op: 'txn', id: 't4', writes: { x: '4' } },
]
/** c1 crashes 45 ms into t1: its prepares have reached both shards, its decision has not left. */
const coordinatorCrash = { faults: [{ at: 1.045, type: 'crash' as const, node: 'c1' }] }

export const presets: Preset[] = [
  {
    id: 'cristian-lan',
    views: ['offsetChart', 'precision'],
    speed: WATCH_MESSAGES,
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
    views: ['offsetChart', 'clocks'],
    // nothing is sent, so nothing is skipped: at 100× the 200 ppm clock gains 20 ms a second
    speed: 100,
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
    views: ['inspector', 'offsetChart'],
    speed: WATCH_MESSAGES,
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
    views: ['offsetChart', 'inspector'],
    speed: WATCH_MESSAGES,
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
    // docs/algorithms.md §2: five servers, two of them lying in opposite directions; the
    // intersection algorithm marks them falsetickers and the clients follow the other three.
    id: 'ntp-falsetickers',
    views: ['inspector', 'offsetChart'],
    speed: WATCH_MESSAGES,
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
  {
    // Two clients with the same drifting clock on the same LAN and servers, one running ntpd's
    // algorithm and one chrony's (clockSync.algorithmOf): chrony slews the 100 ms at up to
    // 83 333 ppm and fits the frequency by regression, ntpd slews at 500 ppm and measures it
    // over its 300 s FREQ interval.
    id: 'ntpd-vs-chrony',
    views: ['offsetChart', 'clocks'],
    speed: WATCH_MESSAGES,
    scenario: {
      version: 1,
      name: 'ntpd vs chrony on the same network',
      seed: 11,
      duration: 3600,
      nodes: [
        { id: 's1', reference: true },
        { id: 's2', reference: true },
        { id: 's3', reference: true },
        { id: 'ntpd', clock: { offset: 0.1, skewPpm: 80, wanderPpm: 0.01 } },
        { id: 'chronyd', clock: { offset: 0.1, skewPpm: 80, wanderPpm: 0.01 } },
      ],
      network: { latency: { base: 0.0002, jitter: 0.0001 } },
      clockSync: { algorithm: 'ntp', algorithmOf: { chronyd: 'chrony' } },
    },
  },
  {
    // docs/algorithms.md §3 and §6: no reference clock; the master averages the four clocks that agree
    // (n4 is 1.5 s off, beyond the 0.1 s outlier bound) and sends each node its own adjustment.
    // The clocks end up within a fraction of a millisecond of each other, about 17 ms from true time.
    id: 'berkeley-outlier',
    views: ['precision', 'inspector'],
    speed: WATCH_MESSAGES,
    scenario: {
      version: 1,
      name: 'Berkeley with an outlier',
      seed: 4,
      duration: 300,
      nodes: [
        { id: 'm', clock: { offset: 0.03, skewPpm: 20, wanderPpm: 0.01 } },
        { id: 'n1', clock: { offset: -0.02, skewPpm: -15, wanderPpm: 0.01 } },
        { id: 'n2', clock: { offset: 0.05, skewPpm: 30, wanderPpm: 0.01 } },
        { id: 'n3', clock: { offset: 0.01, skewPpm: -25, wanderPpm: 0.01 } },
        { id: 'n4', clock: { offset: 1.5, skewPpm: 10, wanderPpm: 0.01 } },
      ],
      network: { latency: { base: 0.002, jitter: 0.0005 } },
      clockSync: { algorithm: 'berkeley', pollInterval: 10, master: 'm' },
    },
  },
  {
    // docs/algorithms.md §0.2: the seed tutorial's t ← t + (t − t_ref), run on purpose: every poll
    // doubles each client's error.
    id: 'naive-misconception',
    views: ['offsetChart', 'clocks'],
    speed: WATCH_MESSAGES,
    scenario: {
      version: 1,
      name: 'The naive formula (a common misconception)',
      seed: 2,
      duration: 120,
      nodes: [
        { id: 's1', reference: true },
        { id: 'c1', clock: { offset: 0.05 } },
        { id: 'c2', clock: { offset: -0.02, skewPpm: 40 } },
      ],
      network: { latency: { base: 0.002, jitter: 0.0005 } },
      clockSync: { algorithm: 'naive', pollInterval: 10 },
    },
  },
  {
    // RFC 4330: one server, every reply applied at once (c3 is stepped, the others slewed).
    id: 'sntp-lan',
    views: ['offsetChart', 'precision'],
    speed: WATCH_MESSAGES,
    scenario: {
      version: 1,
      name: 'SNTP',
      seed: 6,
      duration: 600,
      nodes: [
        { id: 's1', reference: true },
        { id: 'c1', clock: { offset: 0.06, skewPpm: 70, wanderPpm: 0.01 } },
        { id: 'c2', clock: { offset: -0.03, skewPpm: -45, wanderPpm: 0.01 } },
        { id: 'c3', clock: { offset: 0.4, skewPpm: 20, wanderPpm: 0.01 } },
      ],
      network: { latency: { base: 0.001, jitter: 0.0003 } },
      clockSync: { algorithm: 'sntp', pollInterval: 16 },
    },
  },
  // ---- consensus (protocols/paxos; the schedules are pinned in integration/consensus.scenarios.test.ts)
  {
    id: 'multi-paxos-5',
    views: ['paxos', 'client'],
    // heartbeats keep the wire busy (no quiet to skip): elected at 4 s, the first value at 15 s
    speed: 0.1,
    scenario: {
      version: 1,
      name: 'Multi-Paxos, 5 nodes',
      seed: 3,
      duration: 30,
      nodes: [40, -30, 60, -50, 20].map((skewPpm, i) => ({ id: `n${i + 1}`, clock: { skewPpm } })),
      network: { latency: { base: 0.012, jitter: 0.003 } },
      consensus: {
        algorithm: 'multi-paxos',
        heartbeatInterval: 0.1,
        electionTimeout: [0.3, 0.6],
        lease: { duration: 1, driftBoundPpm: 200 },
      },
      workload: [
        { at: 1.5, node: 'n2', op: 'propose', value: 'apple' },
        { at: 2.5, node: 'n4', op: 'propose', value: 'banana' },
        { at: 3.5, node: 'n5', op: 'read' },
      ],
    },
  },
  {
    // n1 leads; at t = 1 its clock slows to half speed (far outside the 200 ppm bound), at t = 3
    // it is cut off; n2 takes over and "b" is chosen, yet at t = 4.7 n1 still answers "a".
    id: 'lease-drift-stale-read',
    views: ['lease', 'client'],
    // the stale read at t = 4.7 s comes after 9 s of watching
    speed: 0.5,
    scenario: {
      version: 1,
      name: 'Leader lease with a drifting clock (stale read)',
      seed: 1,
      duration: 10,
      nodes: [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }],
      consensus: { algorithm: 'multi-paxos', lease: { duration: 1, driftBoundPpm: 200 } },
      workload: [
        { at: 1.5, node: 'n1', op: 'propose', value: 'a' },
        { at: 2, node: 'n1', op: 'read' },
        { at: 4.5, node: 'n2', op: 'propose', value: 'b' },
        { at: 4.7, node: 'n1', op: 'read' },
        { at: 6.5, node: 'n2', op: 'read' },
      ],
      faults: [
        { at: 1, type: 'setSkew', node: 'n1', ppm: -500_000 },
        { at: 3, type: 'partition', groups: [['n1'], ['n2', 'n3']] },
        { at: 8, type: 'heal' },
      ],
    },
  },
  {
    id: 'dueling-proposers',
    views: ['paxos', 'spacetime'],
    // a 50 ms hop takes a second: each duelling round is followed message by message
    speed: 0.05,
    scenario: {
      version: 1,
      name: 'Dueling proposers (broken: livelock)',
      seed: 5,
      duration: 20,
      nodes: [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }],
      network: { latency: { base: 0.05, jitter: 0 } },
      consensus: { algorithm: 'paxos', variant: 'dueling-proposers' },
      workload: [
        { at: 1, node: 'n1', op: 'propose', value: 'x' },
        { at: 1.02, node: 'n3', op: 'propose', value: 'y' },
      ],
    },
  },
  {
    // The set-up of the pinned Multi-Paxos schedule; the lesson's clicks do the rest: crash n1
    // and n2 after "x" is chosen, restart them, propose another value.
    id: 'no-durable-acceptor',
    views: ['paxos', 'client'],
    // heartbeats: nothing is skipped; the value is chosen 10 s in
    speed: 0.1,
    scenario: {
      version: 1,
      name: 'Acceptor without durable storage (broken)',
      seed: 1,
      duration: 30,
      nodes: [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }],
      network: { latency: { base: 0.01, jitter: 0.002 } },
      consensus: { algorithm: 'multi-paxos', variant: 'no-durable-acceptor' },
      workload: [{ at: 1, node: 'n1', op: 'propose', value: 'x' }],
      faults: [{ at: 0, type: 'crash', node: 'n3' }],
    },
  },
  {
    id: 'single-decree',
    views: ['paxos', 'client'],
    // a 40 ms hop takes 0.8 s: both phases are followed message by message
    speed: 0.05,
    scenario: {
      version: 1,
      name: 'Single-decree Paxos',
      seed: 4,
      duration: 10,
      nodes: [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }],
      network: { latency: { base: 0.04, jitter: 0.01 } },
      consensus: { algorithm: 'paxos' },
      workload: [
        { at: 1, node: 'n1', op: 'propose', value: 'x' },
        { at: 1.02, node: 'n3', op: 'propose', value: 'y' },
      ],
    },
  },
  // ---- transactions (protocols/store; claims pinned in integration/transactions.scenarios.test.ts)
  {
    id: 'txn-skewed-clocks',
    views: ['transactions'],
    speed: WATCH_TRANSACTIONS,
    scenario: txnStore(
      'Skewed clocks reorder transactions',
      -0.05,
      { timestamps: 'physical' },
      alternatingWrites,
    ),
  },
  {
    // ε = 60 ms covers c2's 50 ms error: every commit waits about 2ε and none is out of order.
    id: 'txn-commit-wait',
    views: ['transactions'],
    speed: WATCH_TRANSACTIONS,
    scenario: txnStore(
      'Commit-wait restores real-time order',
      -0.05,
      { timestamps: 'truetime', epsilon: 0.06, commitWait: true },
      alternatingWrites,
    ),
  },
  {
    id: 'txn-epsilon-too-small',
    views: ['transactions'],
    speed: WATCH_TRANSACTIONS,
    scenario: txnStore(
      'ε too small: TrueTime’s promise broken',
      -0.05,
      { timestamps: 'truetime', epsilon: 0.01, commitWait: true },
      alternatingWrites,
    ),
  },
  {
    // The workload of store.test.ts 'HLC timestamps keep causality…': c2 runs 0.5 s slow; t0
    // begins after t1 committed but never hears of it, t2 reads t1's x, so t3 follows t1 causally.
    id: 'txn-hlc-causality',
    views: ['transactions'],
    speed: WATCH_TRANSACTIONS,
    scenario: txnStore('HLC keeps causality, not real time', -0.5, { timestamps: 'hlc' }, [
      { at: 1, node: 'c1', op: 'txn', id: 't1', writes: { x: '1' } },
      { at: 1.05, node: 'c2', op: 'txn', id: 't0', writes: { z: '0' } },
      { at: 1.1, node: 'c2', op: 'txn', id: 't2', reads: ['x'], writes: { x: '2' } },
      { at: 1.3, node: 'c2', op: 'txn', id: 't3', writes: { y: '3' } },
    ]),
  },
  {
    id: 'txn-2pc-blocks',
    views: ['transactions'],
    speed: WATCH_TRANSACTIONS,
    scenario: txnStore(
      '2PC blocks when its coordinator dies',
      0,
      { timestamps: 'hlc', commitProtocol: '2pc' },
      crossShard,
      { ...coordinatorCrash, network: { latency: { base: 0.02, jitter: 0.002 } } },
    ),
  },
  {
    id: 'txn-paxos-commit',
    views: ['transactions'],
    speed: WATCH_TRANSACTIONS,
    scenario: txnStore(
      'Paxos Commit does not block',
      0,
      { timestamps: 'hlc', commitProtocol: 'paxos-commit' },
      crossShard,
      { ...coordinatorCrash, network: { latency: { base: 0.02, jitter: 0.002 } } },
    ),
  },
]

export const DEFAULT_PRESET = 'cristian-lan'
