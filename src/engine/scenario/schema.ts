import { z } from 'zod'
import { interventionSchema, nodesNamed, type TimedIntervention } from './interventions'

const finite = z.number().finite()
const nonNeg = finite.min(0)
const probability = finite.min(0).max(1)
const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must match /^[A-Za-z0-9_-]{1,32}$/')

const latencySchema = z.object({ base: nonNeg, jitter: nonNeg })

const clockSchema = z.looseObject({
  offset: finite.optional(),
  skewPpm: finite.min(-500_000).max(500_000).optional(),
  wanderPpm: nonNeg.max(1000).optional(),
  resolution: finite.min(0).max(1).optional(),
})

const nodeSchema = z.looseObject({
  id: nodeId,
  reference: z.boolean().optional(),
  clock: clockSchema.optional(),
})

const linkSchema = z.looseObject({
  from: nodeId,
  to: nodeId,
  latency: latencySchema.optional(),
  loss: probability.optional(),
})

export const clockSyncAlgorithms = ['ntp', 'sntp', 'cristian', 'berkeley', 'naive', 'none'] as const
export const consensusAlgorithms = ['paxos', 'multi-paxos', 'none'] as const
/** Deliberately broken consensus variants for teaching (docs/scenario-format.md); absent = correct. */
export const consensusVariants = ['dueling-proposers', 'no-durable-acceptor'] as const
export type ConsensusVariant = (typeof consensusVariants)[number]

const clockSyncSchema = z.looseObject({
  algorithm: z.enum(clockSyncAlgorithms),
  pollInterval: finite.min(0.001).max(1e6).optional(),
  servers: z.record(z.string(), z.array(nodeId)).optional(),
  master: nodeId.optional(),
  burst: z.union([z.boolean(), z.number().int().min(1).max(64)]).optional(),
  replyTimeout: finite.min(0.001).max(3600).optional(),
  // NTP / SNTP / Berkeley / naive parameters (docs/scenario-format.md); defaults are ntpd's.
  minPoll: z.number().int().min(0).max(17).optional(),
  maxPoll: z.number().int().min(0).max(17).optional(),
  iburst: z.boolean().optional(),
  stepThreshold: nonNeg.max(1e6).optional(),
  stepout: nonNeg.max(1e6).optional(),
  panicThreshold: nonNeg.max(1e9).optional(),
  maxSlewPpm: finite.min(1).max(100_000).optional(),
  outlierBound: finite.min(1e-9).max(1e6).optional(),
  maxRtt: finite.min(1e-9).max(1e6).optional(),
})

const consensusSchema = z.looseObject({
  algorithm: z.enum(consensusAlgorithms),
  members: z.array(nodeId).min(1).optional(),
  heartbeatInterval: finite.min(0.001).optional(),
  electionTimeout: z.tuple([finite.min(0.001), finite.min(0.001)]).optional(),
  lease: z
    .looseObject({ duration: finite.min(0.001), driftBoundPpm: nonNeg.max(1e6) })
    .optional(),
  variant: z.enum(consensusVariants).optional(),
})

const workloadSchema = z.discriminatedUnion('op', [
  z.looseObject({ at: nonNeg, node: nodeId, op: z.literal('propose'), value: z.string().max(256) }),
  z.looseObject({ at: nonNeg, node: nodeId, op: z.literal('read') }),
])

const faultSchema = z.intersection(z.object({ at: nonNeg }), interventionSchema)

export const scenarioSchema = z
  .looseObject({
    version: z.literal(1),
    name: z.string().max(200).optional(),
    seed: z.number().int().min(0).max(0xffffffff),
    duration: finite.min(0).max(1e7),
    nodes: z.array(nodeSchema).min(1).max(5000),
    network: z
      .looseObject({
        latency: latencySchema.optional(),
        loss: probability.optional(),
        duplicate: probability.optional(),
        links: z.array(linkSchema).optional(),
      })
      .optional(),
    clockSync: clockSyncSchema.optional(),
    consensus: consensusSchema.optional(),
    workload: z.array(workloadSchema).optional(),
    faults: z.array(faultSchema).optional(),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>()
    s.nodes.forEach((n, i) => {
      if (ids.has(n.id)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `duplicate node id "${n.id}"` })
      ids.add(n.id)
    })
    const known = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown node "${id}"` })
    }
    s.network?.links?.forEach((l, i) => {
      known(l.from, ['network', 'links', i, 'from'])
      known(l.to, ['network', 'links', i, 'to'])
    })
    for (const [client, servers] of Object.entries(s.clockSync?.servers ?? {})) {
      known(client, ['clockSync', 'servers', client])
      servers.forEach((sv, i) => known(sv, ['clockSync', 'servers', client, i]))
    }
    if (s.clockSync?.master) known(s.clockSync.master, ['clockSync', 'master'])
    const { minPoll, maxPoll } = s.clockSync ?? {}
    if (minPoll !== undefined && maxPoll !== undefined && maxPoll < minPoll)
      ctx.addIssue({ code: 'custom', path: ['clockSync', 'maxPoll'], message: 'must be ≥ clockSync.minPoll' })
    s.consensus?.members?.forEach((m, i) => known(m, ['consensus', 'members', i]))
    const et = s.consensus?.electionTimeout
    if (et && et[1] < et[0])
      ctx.addIssue({ code: 'custom', path: ['consensus', 'electionTimeout'], message: 'upper bound is below the lower bound' })
    s.workload?.forEach((w, i) => known(w.node, ['workload', i, 'node']))
    s.faults?.forEach((f, i) => nodesNamed(f).forEach((id) => known(id, ['faults', i])))
  })

export type ScenarioInput = z.infer<typeof scenarioSchema>

/** A validated scenario with every default filled in: what the engine runs. */
export interface Scenario {
  version: 1
  name: string
  seed: number
  duration: number
  nodes: {
    id: string
    reference: boolean
    clock: { offset: number; skewPpm: number; wanderPpm: number; resolution: number }
  }[]
  network: {
    latency: { base: number; jitter: number }
    loss: number
    duplicate: number
    links: { from: string; to: string; latency?: { base: number; jitter: number }; loss?: number }[]
  }
  clockSync:
    | (Record<string, unknown> & {
        algorithm: (typeof clockSyncAlgorithms)[number]
        pollInterval: number
        /** whether the scenario set pollInterval (false: the default was filled in) */
        pollIntervalGiven?: boolean
      })
    | null
  consensus: (Record<string, unknown> & { algorithm: (typeof consensusAlgorithms)[number]; members: string[] }) | null
  workload: ScenarioInput['workload'] & {}
  faults: TimedIntervention[]
}

export const DEFAULT_LATENCY = { base: 0.005, jitter: 0.0005 }
export const DEFAULT_POLL_INTERVAL = 16

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; error: string }

/** `nodes[2].clock.skewPpm` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else out += out ? `.${String(p)}` : String(p)
  }
  return out || '(scenario)'
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`
    case 'too_small':
      return issue.origin === 'array' ? `must have at least ${issue.minimum} item(s)` : `must be ≥ ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'array' ? `must have at most ${issue.maximum} item(s)` : `must be ≤ ${issue.maximum}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_union': {
      const input = issue.input as Record<string, unknown> | undefined
      const tag = input && typeof input === 'object' ? (input.type ?? input.op) : undefined
      return tag === undefined ? 'is not a valid entry (needs a "type" or "op")' : `unknown kind ${JSON.stringify(tag)}`
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
  const r = scenarioSchema.safeParse(input, { reportInput: true })
  if (!r.success) {
    const msgs = r.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${describeIssue(i)}`)
    return { ok: false, error: msgs.join('\n') }
  }
  return { ok: true, scenario: withDefaults(r.data) }
}

function withDefaults(s: ScenarioInput): Scenario {
  const ids = s.nodes.map((n) => n.id)
  return {
    version: 1,
    name: s.name ?? '',
    seed: s.seed,
    duration: s.duration,
    nodes: s.nodes.map((n) => ({
      id: n.id,
      reference: n.reference ?? false,
      clock: {
        offset: n.clock?.offset ?? 0,
        skewPpm: n.clock?.skewPpm ?? 0,
        wanderPpm: n.clock?.wanderPpm ?? 0,
        resolution: n.clock?.resolution ?? 1e-6,
      },
    })),
    network: {
      latency: s.network?.latency ?? { ...DEFAULT_LATENCY },
      loss: s.network?.loss ?? 0,
      duplicate: s.network?.duplicate ?? 0,
      links: s.network?.links ?? [],
    },
    clockSync:
      s.clockSync && s.clockSync.algorithm !== 'none'
        ? {
            ...s.clockSync,
            pollInterval: s.clockSync.pollInterval ?? DEFAULT_POLL_INTERVAL,
            // NTP adapts its poll unless the scenario asked for one (docs/scenario-format.md).
            pollIntervalGiven: s.clockSync.pollInterval !== undefined,
          }
        : null,
    consensus:
      s.consensus && s.consensus.algorithm !== 'none'
        ? { ...s.consensus, members: s.consensus.members ?? ids }
        : null,
    workload: s.workload ?? [],
    faults: (s.faults ?? []) as TimedIntervention[],
  }
}
