import { z } from './zod'
import {
  MAX_CLOCK_ERROR_S,
  MAX_CONSENSUS_INTERVAL_S,
  MAX_DURATION_S,
  MAX_EPSILON_S,
  MAX_LATENCY_S,
  MAX_SHARD_REPLICAS,
  MAX_SHARDS,
  MAX_SKEW_PPM,
  MAX_TXN_KEYS,
  MAX_WANDER_PPM,
  MIN_INTERVAL_S,
} from './bounds'
import { formatPath, nestingError } from './depth'
import { interventionSchema, nodesNamed } from './interventions'

const finite = z.number().finite()
const nonNeg = finite.min(0)
const probability = finite.min(0).max(1)
const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must match /^[A-Za-z0-9_-]{1,32}$/')

/**
 * A record keyed by node id, output with a null prototype: JSON.parse makes `"__proto__"` an own
 * key, but zod's record assigns its output keys, which would turn that one into the prototype
 * and lose it. Keys must be node ids; values are checked with `value`, issues keep their path.
 */
function idRecord<T extends z.ZodType>(value: T) {
  return nullProtoRecord(nodeId, 'key must match /^[A-Za-z0-9_-]{1,32}$/', value)
}

/** The same for store keys (`transactions.keys`, a transaction's `writes`), at most `maxKeys`. */
function keyRecord<T extends z.ZodType>(value: T, maxKeys = Infinity) {
  return nullProtoRecord(storeKey, 'key must match /^[A-Za-z0-9_.:-]{1,64}$/', value, maxKeys)
}

function nullProtoRecord<T extends z.ZodType>(
  key_: z.ZodType,
  keyMessage: string,
  value: T,
  maxKeys = Infinity,
) {
  return z.unknown().transform((input, ctx) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'object', input })
      return z.NEVER
    }
    if (Object.keys(input).length > maxKeys) {
      ctx.addIssue({ code: 'custom', message: `must have at most ${maxKeys} keys`, input })
      return z.NEVER
    }
    const out: Record<string, z.output<T>> = Object.create(null)
    for (const [key, v] of Object.entries(input)) {
      if (!key_.safeParse(key).success)
        ctx.addIssue({ code: 'custom', path: [key], message: keyMessage, input: key })
      const r = value.safeParse(v)
      if (r.success) out[key] = r.data
      else
        for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] })
    }
    return out
  })
}

const latencySchema = z.object({
  base: nonNeg.max(MAX_LATENCY_S),
  jitter: nonNeg.max(MAX_LATENCY_S),
})
/** Simulated true time of a workload entry or fault. */
const atTime = nonNeg.max(MAX_DURATION_S)
const consensusInterval = finite.min(MIN_INTERVAL_S).max(MAX_CONSENSUS_INTERVAL_S)

const DEFAULT_LATENCY = { base: 0.005, jitter: 0.0005 }
const DEFAULT_POLL_INTERVAL = 16

// Objects strip unknown keys: a scenario may carry fields this build does not know (they are
// ignored), and the engine's types list only what it reads. `.prefault({})` parses the empty
// object, so the inner defaults fill in.

const clockSchema = z.object({
  offset: finite.min(-MAX_CLOCK_ERROR_S).max(MAX_CLOCK_ERROR_S).default(0),
  skewPpm: finite.min(-MAX_SKEW_PPM).max(MAX_SKEW_PPM).default(0),
  wanderPpm: nonNeg.max(MAX_WANDER_PPM).default(0),
  resolution: finite.min(0).max(1).default(1e-6),
})

const nodeSchema = z.object({
  id: nodeId,
  reference: z.boolean().default(false),
  clock: clockSchema.prefault({}),
})

const linkSchema = z.object({
  from: nodeId,
  to: nodeId,
  latency: latencySchema.optional(),
  loss: probability.optional(),
})

const networkSchema = z.object({
  latency: latencySchema.default(() => ({ ...DEFAULT_LATENCY })),
  loss: probability.default(0),
  duplicate: probability.default(0),
  links: z.array(linkSchema).default(() => []),
})

// clockSync: one object per algorithm (docs/scenario-format.md), told apart by `algorithm`.

/** Who polls whom, and how often (absent: DEFAULT_POLL_INTERVAL, and NTP adapts). */
const pollingFields = {
  pollInterval: finite.min(MIN_INTERVAL_S).max(1e6).optional(),
  servers: idRecord(z.array(nodeId)).optional(),
}

/** How a client corrects its clock (read by clockSyncParams; ntpd's defaults there). */
const disciplineFields = {
  minPoll: z.number().int().min(0).max(17).optional(),
  maxPoll: z.number().int().min(0).max(17).optional(),
  iburst: z.boolean().optional(),
  burst: z.union([z.boolean(), z.number().int().min(1).max(64)]).optional(),
  stepThreshold: nonNeg.max(1e6).optional(),
  stepout: nonNeg.max(1e6).optional(),
  panicThreshold: nonNeg.max(1e9).optional(),
  maxSlewPpm: finite.min(1).max(100_000).optional(),
}

/** The NTP clients a node can run on the same network (`clockSync.algorithmOf`). */
export const ntpClients = ['ntp', 'chrony'] as const

/** NTP and chrony: which client each node runs, and chronyd's own options. */
const ntpFamilyFields = {
  algorithmOf: z.record(z.string(), z.enum(ntpClients)).optional(),
  /** chronyd makestep: [threshold s, limit in updates (−1: always)] */
  makestep: z.tuple([nonNeg.max(1e9), z.number().int().min(-1).max(1e9)]).optional(),
  maxUpdateSkewPpm: finite.min(0.001).max(1e6).optional(),
}

const clockSyncSchema = z.discriminatedUnion('algorithm', [
  z.object({
    algorithm: z.literal('ntp'),
    ...pollingFields,
    ...disciplineFields,
    ...ntpFamilyFields,
  }),
  z.object({
    algorithm: z.literal('chrony'),
    ...pollingFields,
    ...disciplineFields,
    ...ntpFamilyFields,
  }),
  z.object({ algorithm: z.literal('sntp'), ...pollingFields, ...disciplineFields }),
  z.object({
    algorithm: z.literal('cristian'),
    ...pollingFields,
    /** requests per poll; the lowest-RTT sample is used */
    burst: z.number().int().min(1).max(64).default(4),
    replyTimeout: finite.min(0.001).max(3600).default(1),
  }),
  z.object({
    algorithm: z.literal('berkeley'),
    pollInterval: pollingFields.pollInterval,
    master: nodeId.optional(),
    ...disciplineFields,
    outlierBound: finite.min(1e-9).max(1e6).optional(),
    maxRtt: finite.min(1e-9).max(1e6).optional(),
  }),
  z.object({ algorithm: z.literal('naive'), ...pollingFields }),
  z.object({ algorithm: z.literal('none') }),
])

const consensusAlgorithms = ['paxos', 'multi-paxos', 'none'] as const
/** Deliberately broken consensus variants for teaching (docs/scenario-format.md); absent = correct. */
export const consensusVariants = ['dueling-proposers', 'no-durable-acceptor'] as const
export type ConsensusVariant = (typeof consensusVariants)[number]

const consensusSchema = z.object({
  algorithm: z.enum(consensusAlgorithms),
  members: z.array(nodeId).min(1).optional(),
  heartbeatInterval: consensusInterval.optional(),
  electionTimeout: z.tuple([consensusInterval, consensusInterval]).optional(),
  lease: z.object({ duration: consensusInterval, driftBoundPpm: nonNeg.max(1e6) }).optional(),
  variant: z.enum(consensusVariants).optional(),
})

/** A key of the transactional store (docs/scenario-format.md). */
const storeKey = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must match /^[A-Za-z0-9_.:-]{1,64}$/')
const txnId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must match /^[A-Za-z0-9_.:-]{1,64}$/')

const timestampRules = ['physical', 'hlc', 'truetime'] as const
const commitProtocols = ['2pc', 'paxos-commit'] as const

const transactionsSchema = z.object({
  shards: z.array(z.array(nodeId).min(1).max(MAX_SHARD_REPLICAS)).min(1).max(MAX_SHARDS),
  keys: keyRecord(
    z
      .number()
      .int()
      .min(0)
      .max(MAX_SHARDS - 1),
  ).optional(),
  timestamps: z.enum(timestampRules).default('truetime'),
  /** truetime's assumed bound on |local − true| (s), or "auto": the clock-sync algorithm's own bound */
  epsilon: z.union([nonNeg.max(MAX_EPSILON_S), z.literal('auto')]).optional(),
  commitWait: z.boolean().default(false),
  commitProtocol: z.enum(commitProtocols).default('2pc'),
})

const workloadSchema = z.discriminatedUnion('op', [
  z.object({ at: atTime, node: nodeId, op: z.literal('propose'), value: z.string().max(256) }),
  z.object({ at: atTime, node: nodeId, op: z.literal('read') }),
  z.object({
    at: atTime,
    node: nodeId,
    op: z.literal('txn'),
    id: txnId,
    reads: z
      .array(storeKey)
      .max(MAX_TXN_KEYS)
      .default(() => []),
    writes: keyRecord(z.string().max(256), MAX_TXN_KEYS).default(() => Object.create(null)),
  }),
  z.object({
    at: atTime,
    node: nodeId,
    op: z.literal('snapshotRead'),
    id: txnId,
    keys: z.array(storeKey).min(1).max(MAX_TXN_KEYS),
  }),
])

const faultSchema = z.intersection(z.object({ at: atTime }), interventionSchema)

const scenarioBase = z.object({
  version: z.literal(1),
  name: z.string().max(200).default(''),
  seed: z.number().int().min(0).max(0xffffffff),
  duration: finite.min(0).max(MAX_DURATION_S),
  nodes: z.array(nodeSchema).min(1).max(5000),
  network: networkSchema.prefault({}),
  clockSync: clockSyncSchema.optional(),
  consensus: consensusSchema.optional(),
  transactions: transactionsSchema.optional(),
  workload: z.array(workloadSchema).default(() => []),
  faults: z.array(faultSchema).default(() => []),
})

const scenarioSchema = scenarioBase
  .superRefine((s, ctx) => {
    const ids = new Set<string>()
    s.nodes.forEach((n, i) => {
      if (ids.has(n.id))
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'id'],
          message: `duplicate node id "${n.id}"`,
        })
      ids.add(n.id)
    })
    const known = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown node "${id}"` })
    }
    s.network.links.forEach((l, i) => {
      known(l.from, ['network', 'links', i, 'from'])
      known(l.to, ['network', 'links', i, 'to'])
    })
    const cs = s.clockSync
    if (cs && 'servers' in cs)
      for (const [client, servers] of Object.entries(cs.servers ?? {})) {
        known(client, ['clockSync', 'servers', client])
        servers.forEach((sv, i) => known(sv, ['clockSync', 'servers', client, i]))
      }
    if (cs && 'master' in cs && cs.master) known(cs.master, ['clockSync', 'master'])
    if (cs && 'algorithmOf' in cs)
      for (const id of Object.keys(cs.algorithmOf ?? {}))
        known(id, ['clockSync', 'algorithmOf', id])
    if (
      cs &&
      'minPoll' in cs &&
      cs.minPoll !== undefined &&
      cs.maxPoll !== undefined &&
      cs.maxPoll < cs.minPoll
    )
      ctx.addIssue({
        code: 'custom',
        path: ['clockSync', 'maxPoll'],
        message: 'must be ≥ clockSync.minPoll',
      })
    s.consensus?.members?.forEach((m, i) => known(m, ['consensus', 'members', i]))
    const et = s.consensus?.electionTimeout
    if (et && et[1] < et[0])
      ctx.addIssue({
        code: 'custom',
        path: ['consensus', 'electionTimeout'],
        message: 'upper bound is below the lower bound',
      })
    s.workload.forEach((w, i) => known(w.node, ['workload', i, 'node']))
    checkTransactions(s, ctx, known)
    s.faults.forEach((f, i) => nodesNamed(f).forEach((id) => known(id, ['faults', i])))
  })
  .transform(finish)

type Known = (id: string, path: (string | number)[]) => void

/** What `transactions` and the store's workload operations need of the rest (scenario-format.md). */
function checkTransactions(s: z.output<typeof scenarioBase>, ctx: z.RefinementCtx, known: Known) {
  const tx = s.transactions
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message })
  const ids = new Set<string>()
  s.workload.forEach((w, i) => {
    if (w.op !== 'txn' && w.op !== 'snapshotRead') return
    if (!tx) issue(['workload', i, 'op'], `"${w.op}" needs a "transactions" section`)
    if (ids.has(w.id)) issue(['workload', i, 'id'], `duplicate transaction id "${w.id}"`)
    ids.add(w.id)
    if (w.op === 'txn' && w.reads.length === 0 && Object.keys(w.writes).length === 0)
      issue(['workload', i], 'a transaction needs at least one key in "reads" or "writes"')
  })
  if (!tx) return
  tx.shards.forEach((members, g) => {
    const seen = new Set<string>()
    members.forEach((id, j) => {
      known(id, ['transactions', 'shards', g, j])
      if (seen.has(id)) issue(['transactions', 'shards', g, j], `"${id}" is listed twice`)
      seen.add(id)
    })
  })
  for (const [key, shard] of Object.entries(tx.keys ?? {}))
    if (shard >= tx.shards.length)
      issue(['transactions', 'keys', key], `must be a shard index below ${tx.shards.length}`)
  if (tx.timestamps === 'truetime' && !s.clockSync && tx.epsilon === 'auto')
    issue(
      ['transactions', 'epsilon'],
      '"auto" reads the clock-sync algorithm\'s error bound: it needs a clockSync section',
    )
  if (tx.timestamps === 'truetime' && tx.epsilon === undefined && !s.clockSync)
    issue(
      ['transactions', 'epsilon'],
      'is required with timestamps "truetime" when there is no clockSync section',
    )
  if (tx.commitWait && tx.timestamps !== 'truetime')
    issue(['transactions', 'commitWait'], 'needs timestamps "truetime" (commit-wait waits out ε)')
}

/** A scenario as written: optional fields may be absent. */
export type ScenarioInput = z.input<typeof scenarioSchema>

/** A validated scenario with every default filled in: what the engine runs. */
export type Scenario = z.output<typeof scenarioSchema>
type ClockSyncConfig = NonNullable<Scenario['clockSync']>
type ClockSyncAlgorithm = ClockSyncConfig['algorithm']
/** The clockSync of one algorithm, e.g. `ClockSyncOf<'ntp'>`. */
export type ClockSyncOf<A extends ClockSyncAlgorithm> = Extract<ClockSyncConfig, { algorithm: A }>
export type TimestampRule = (typeof timestampRules)[number]
export type CommitProtocol = (typeof commitProtocols)[number]

/**
 * The defaults that depend on other fields: `none` means absent, the poll interval (and whether
 * the scenario chose it: NTP adapts otherwise, docs/scenario-format.md), consensus members.
 */
function finish(s: z.output<typeof scenarioBase>) {
  const cs = s.clockSync
  const c = s.consensus
  return {
    ...s,
    clockSync:
      cs && cs.algorithm !== 'none'
        ? {
            ...cs,
            pollInterval: cs.pollInterval ?? DEFAULT_POLL_INTERVAL,
            pollIntervalGiven: cs.pollInterval !== undefined,
          }
        : null,
    consensus:
      c && c.algorithm !== 'none'
        ? { ...c, algorithm: c.algorithm, members: c.members ?? s.nodes.map((n) => n.id) }
        : null,
    // epsilon absent: "auto" (checkTransactions made sure there is a clockSync to ask)
    transactions: s.transactions
      ? { ...s.transactions, epsilon: s.transactions.epsilon ?? ('auto' as const) }
      : null,
  }
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; error: string }

export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`
    case 'too_small':
      return issue.origin === 'array'
        ? `must have at least ${issue.minimum} item(s)`
        : `must be ≥ ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'array'
        ? `must have at most ${issue.maximum} item(s)`
        : `must be ≤ ${issue.maximum}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_union': {
      // clockSync: the path ends at `algorithm`, which must name one of the algorithms
      if (issue.discriminator === 'algorithm' && 'options' in issue && issue.options) {
        const given = (issue.input as Record<string, unknown> | undefined)?.algorithm
        const names = issue.options.map((v) => JSON.stringify(v)).join(', ')
        return given === undefined ? 'is required' : `must be one of ${names}`
      }
      const input = issue.input as Record<string, unknown> | undefined
      const tag = input && typeof input === 'object' ? (input.type ?? input.op) : undefined
      return tag === undefined
        ? 'is not a valid entry (needs a "type" or "op")'
        : `unknown kind ${JSON.stringify(tag)}`
    }
    default:
      return issue.message
  }
}

function article(t: string): string {
  if (t === 'number' || t === 'string' || t === 'boolean') return `a ${t}`
  if (t === 'array' || t === 'object') return `an ${t}`
  return t
}

/** Validate and fill defaults. Rejects as a whole with field-precise messages; never throws. */
export function parseScenario(input: unknown): ParseResult {
  // before zod: cloning or reporting a value nested 100 000 deep would overflow the stack
  const deep = nestingError(input)
  if (deep) return { ok: false, error: deep }
  const r = scenarioSchema.safeParse(input, { reportInput: true })
  if (!r.success) {
    const msgs = r.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${describeIssue(i)}`)
    return { ok: false, error: msgs.join('\n') }
  }
  return { ok: true, scenario: r.data }
}
