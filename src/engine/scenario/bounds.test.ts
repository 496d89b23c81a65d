import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, type ScenarioInput } from '../index'
import {
  MAX_CLOCK_ERROR_S,
  MAX_DURATION_S,
  MAX_EPSILON_S,
  MAX_LATENCY_S,
  MAX_SHARD_REPLICAS,
  MAX_SHARDS,
  MAX_SKEW_PPM,
  MAX_TXN_KEYS,
} from './bounds'

const nodes = [{ id: 's1', reference: true }, { id: 'c1' }, { id: 'c2' }]
const base: ScenarioInput = { version: 1, seed: 1, duration: 10, nodes }

/** `base` with `patch` merged one level deep (objects) and the rest replaced. */
const withField = (patch: Record<string, unknown>) => ({ ...base, ...patch }) as ScenarioInput
const clock = (c: Record<string, number>) =>
  withField({
    nodes: [
      { id: 's1', reference: true },
      { id: 'c1', clock: c },
    ],
  })
const consensus = (c: Record<string, unknown>) =>
  withField({ consensus: { algorithm: 'multi-paxos', ...c } })
const fault = (f: Record<string, unknown>) => withField({ faults: [{ at: 1, ...f }] })
/** A store of one shard on c1 and c2, with ε given (there is no clockSync to ask). */
const store = (tx: Record<string, unknown>, workload: unknown[] = []) =>
  withField({
    transactions: { shards: [['c1', 'c2']], epsilon: 0.01, ...tx },
    workload,
  } as Record<string, unknown>)
const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`)
const txn = (fields: Record<string, unknown>) =>
  store({}, [{ at: 1, node: 'c1', op: 'txn', id: 't1', ...fields }])
/** `n` shards of the same `size` replicas r0, r1, … */
const shards = (n: number, size: number) => {
  const replicas = Array.from({ length: size }, (_, i) => `r${i}`)
  return withField({
    nodes: replicas.map((id) => ({ id })),
    transactions: { shards: Array.from({ length: n }, () => replicas), epsilon: 0 },
  })
}

/** [field as the error names it, a scenario at the bound, one just past it] */
const cases: [string, ScenarioInput, ScenarioInput][] = [
  ['nodes[1].clock.offset', clock({ offset: -MAX_CLOCK_ERROR_S }), clock({ offset: 1.01e9 })],
  ['nodes[1].clock.skewPpm', clock({ skewPpm: MAX_SKEW_PPM }), clock({ skewPpm: -500_001 })],
  ['nodes[1].clock.wanderPpm', clock({ wanderPpm: 1000 }), clock({ wanderPpm: 1001 })],
  ['nodes[1].clock.resolution', clock({ resolution: 1 }), clock({ resolution: 2 })],
  ...(['base', 'jitter'] as const).map((k): [string, ScenarioInput, ScenarioInput] => [
    `network.latency.${k}`,
    withField({ network: { latency: { base: 0, jitter: 0, [k]: MAX_LATENCY_S } } }),
    withField({ network: { latency: { base: 0, jitter: 0, [k]: 3601 } } }),
  ]),
  [
    'network.links[0].latency.base',
    withField({ network: { links: [{ from: 'c1', to: 's1', latency: { base: 0, jitter: 0 } }] } }),
    withField({ network: { links: [{ from: 'c1', to: 's1', latency: { base: -1, jitter: 0 } }] } }),
  ],
  ['network.loss', withField({ network: { loss: 1 } }), withField({ network: { loss: 1.5 } })],
  [
    'clockSync.pollInterval',
    withField({ clockSync: { algorithm: 'sntp', pollInterval: 0.001 } }),
    withField({ clockSync: { algorithm: 'sntp', pollInterval: 0.0001 } }),
  ],
  [
    'consensus.heartbeatInterval',
    consensus({ heartbeatInterval: 3600 }),
    consensus({ heartbeatInterval: 1e6 }),
  ],
  [
    'consensus.electionTimeout[1]',
    consensus({ electionTimeout: [0.001, 3600] }),
    consensus({ electionTimeout: [0.1, 1e20] }),
  ],
  [
    'consensus.lease.duration',
    consensus({ lease: { duration: 3600, driftBoundPpm: 200 } }),
    consensus({ lease: { duration: 0, driftBoundPpm: 200 } }),
  ],
  [
    'faults[0].by',
    fault({ type: 'clockStep', node: 'c1', by: MAX_CLOCK_ERROR_S }),
    fault({ type: 'clockStep', node: 'c1', by: 1e20 }),
  ],
  [
    'faults[0].lie',
    fault({ type: 'falseticker', node: 's1', lie: -MAX_CLOCK_ERROR_S }),
    fault({ type: 'falseticker', node: 's1', lie: 1e308 }),
  ],
  [
    'faults[0].ppm',
    fault({ type: 'setSkew', node: 'c1', ppm: -MAX_SKEW_PPM }),
    fault({ type: 'setSkew', node: 'c1', ppm: 1e6 }),
  ],
  [
    'faults[0].jitter',
    fault({ type: 'setLatency', base: 0, jitter: MAX_LATENCY_S }),
    fault({ type: 'setLatency', base: 0, jitter: 1e9 }),
  ],
  [
    'faults[0].at',
    withField({ faults: [{ at: MAX_DURATION_S, type: 'heal' }] }),
    withField({ faults: [{ at: 2e7, type: 'heal' }] }),
  ],
  [
    'workload[0].at',
    consensus({}),
    { ...consensus({}), workload: [{ at: -1, node: 'c1', op: 'read' }] } as ScenarioInput,
  ],
  [
    'transactions.epsilon',
    store({ epsilon: MAX_EPSILON_S }),
    store({ epsilon: MAX_EPSILON_S * 1.001 }),
  ],
  ['transactions.epsilon', store({ epsilon: 0 }), store({ epsilon: -1e-9 })],
  ['transactions.keys.x', store({ keys: { x: 0 } }), store({ keys: { x: MAX_SHARDS } })],
  ['duration', withField({ duration: MAX_DURATION_S }), withField({ duration: 1e8 })],
  ['seed', withField({ seed: 0xffffffff }), withField({ seed: 2 ** 32 })],
]

/** Counts: [field as the error names it, a scenario at the bound, one past it]. */
const counts: [string, ScenarioInput, ScenarioInput][] = [
  ['transactions.shards', shards(MAX_SHARDS, 1), shards(MAX_SHARDS + 1, 1)],
  ['transactions.shards[0]', shards(1, MAX_SHARD_REPLICAS), shards(1, MAX_SHARD_REPLICAS + 1)],
  ['workload[0].reads', txn({ reads: keys(MAX_TXN_KEYS) }), txn({ reads: keys(MAX_TXN_KEYS + 1) })],
  [
    'workload[0].writes',
    txn({ writes: Object.fromEntries(keys(MAX_TXN_KEYS).map((k) => [k, '1'])) }),
    txn({ writes: Object.fromEntries(keys(MAX_TXN_KEYS + 1).map((k) => [k, '1'])) }),
  ],
  [
    'workload[0].keys',
    store({}, [{ at: 1, node: 'c1', op: 'snapshotRead', id: 'r1', keys: keys(MAX_TXN_KEYS) }]),
    store({}, [{ at: 1, node: 'c1', op: 'snapshotRead', id: 'r1', keys: keys(MAX_TXN_KEYS + 1) }]),
  ],
]

/** The example of the published contract (scenario JSON, version 1), comments removed. */
const contractExample = {
  version: 1,
  name: 'NTP on a LAN',
  seed: 42,
  duration: 600,
  nodes: [
    {
      id: 's1',
      reference: true,
      clock: { offset: 0.0, skewPpm: 0, wanderPpm: 0, resolution: 1e-6 },
    },
    { id: 'c1' },
    ...['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'c2'].map((id) => ({ id })),
  ],
  network: {
    latency: { base: 0.005, jitter: 0.0005 },
    loss: 0,
    links: [{ from: 'c1', to: 's1', latency: { base: 0.01, jitter: 0 }, loss: 0 }],
  },
  clockSync: { algorithm: 'ntp', pollInterval: 16, servers: { c1: ['s1'] }, master: 'n1' },
  consensus: {
    algorithm: 'multi-paxos',
    members: ['n1', 'n2', 'n3'],
    heartbeatInterval: 0.05,
    electionTimeout: [0.15, 0.3],
    lease: { duration: 2.0, driftBoundPpm: 200 },
  },
  transactions: {
    shards: [
      ['n1', 'n2', 'n3'],
      ['n4', 'n5', 'n6'],
    ],
    keys: { x: 0, y: 1 },
    timestamps: 'truetime',
    epsilon: 0.005,
    commitWait: true,
    commitProtocol: '2pc',
  },
  workload: [
    { at: 1.0, node: 'n1', op: 'propose', value: 'x' },
    { at: 2.5, node: 'n2', op: 'read' },
    { at: 3.0, node: 'c1', op: 'txn', id: 't1', reads: ['x'], writes: { y: '1' } },
    { at: 4.0, node: 'c2', op: 'snapshotRead', id: 'r1', keys: ['x', 'y'] },
  ],
  faults: [{ at: 10, type: 'crash', node: 'n3' }],
}

describe('numeric bounds', () => {
  it("keep the contract's example valid", () => {
    const r = parseScenario(contractExample)
    expect(r.ok ? '' : r.error).toBe('')
  })

  /** `ok` parses; `bad` is refused with a first line naming `field` and saying `why`. */
  const refusedByName = (field: string, ok: ScenarioInput, bad: ScenarioInput, why: string) => {
    const good = parseScenario(ok)
    expect(good.ok ? '' : good.error).toBe('')
    const r = parseScenario(bad)
    expect(r.ok ? '' : r.error.split('\n')[0]).toMatch(
      new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}: ${why}`),
    )
  }

  it.each(cases)('%s: the bound is accepted, past it refused by name', (field, ok, bad) =>
    refusedByName(field, ok, bad, 'must be [≤≥]'),
  )

  it.each(counts)(
    '%s: as many as the bound are accepted, one more refused by name',
    (field, ok, bad) => refusedByName(field, ok, bad, 'must have at most'),
  )

  it('keeps ±100 000 ppm for broken-clock demonstrations', () => {
    for (const skewPpm of [-100_000, 100_000])
      expect(parseScenario(clock({ skewPpm })).ok).toBe(true)
  })

  // The values that made runs spin at one instant before the bounds (issue 12): at the bounds,
  // every algorithm runs to the end of its duration.
  const extremes: ScenarioInput['nodes'] = [
    { id: 's1', reference: true },
    { id: 'c1', clock: { offset: MAX_CLOCK_ERROR_S, skewPpm: MAX_SKEW_PPM } },
    { id: 'c2', clock: { offset: -MAX_CLOCK_ERROR_S, skewPpm: -MAX_SKEW_PPM, wanderPpm: 1000 } },
  ]
  const extremeFaults: ScenarioInput['faults'] = [
    { at: 1, type: 'clockStep', node: 'c1', by: MAX_CLOCK_ERROR_S },
    { at: 1, type: 'falseticker', node: 's1', lie: MAX_CLOCK_ERROR_S },
    { at: 2, type: 'clockStep', node: 'c2', by: -MAX_CLOCK_ERROR_S },
  ]
  const configs: [string, Partial<ScenarioInput>][] = [
    ...(['ntp', 'chrony', 'sntp', 'cristian', 'berkeley', 'naive'] as const).map(
      (algorithm): [string, Partial<ScenarioInput>] => [
        algorithm,
        { clockSync: { algorithm, pollInterval: 1 } },
      ],
    ),
    [
      'multi-paxos',
      {
        consensus: {
          algorithm: 'multi-paxos',
          heartbeatInterval: 0.001,
          electionTimeout: [0.001, 0.001],
        },
        workload: [{ at: 1, node: 'c1', op: 'propose', value: 'x' }],
      },
    ],
  ]
  it.each(configs)('%s at the extreme clock values runs to its end', (_name, config) => {
    const p = parseScenario({
      ...base,
      duration: 4,
      nodes: extremes,
      faults: extremeFaults,
      ...config,
    })
    if (!p.ok) throw new Error(p.error)
    const sim = createSimulation(p.scenario)
    sim.runUntil(4)
    expect(sim.now).toBe(4)
  })
})
