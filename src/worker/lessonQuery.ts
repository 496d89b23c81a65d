import {
  createSimulation,
  inspectNtp,
  parseScenario,
  summarize,
  type BerkeleyState,
  type NtpState,
  type Simulation,
  type TraceRecord,
  z,
} from '../engine'
import type { LoggedInput } from './inputLog'
import { refuseInput } from './refuse'
import { replayInputs } from './replay'

/**
 * Questions a lesson asks about the run (docs/lessons.md "predict, then observe"). A lesson
 * never stores the right answer: it names a query, and the answer is read from a simulation of
 * the step's scenario and inputs run to the moment the question is about — the run the learner
 * then watches. The answer is a short string that one of the question's choices carries as its
 * `value`.
 */
const nodeId = z.string().min(1)

export const lessonQuerySchema = z.discriminatedUnion('kind', [
  /** the live non-reference node whose clock is furthest from true time */
  z.object({ kind: z.literal('worstClock') }),
  /** `node`'s clock against true time: "ahead", "behind" or "on-time" (within `tolerance` s) */
  z.object({ kind: z.literal('offsetSign'), node: nodeId, tolerance: z.number().min(0) }),
  /** whether |offset| of `node` grew or shrank between `since` and the question's time */
  z.object({ kind: z.literal('offsetTrend'), node: nodeId, since: z.number().min(0) }),
  /** "yes" when |offset| of `node` is within `bound` seconds, else "no" */
  z.object({ kind: z.literal('withinBound'), node: nodeId, bound: z.number().min(0) }),
  /** whether the synchronisation protocol stepped `node`'s clock after `since`: "step" or "slew" */
  z.object({ kind: z.literal('stepOrSlew'), node: nodeId, since: z.number().min(0) }),
  /** the servers `node`'s NTP marks as falsetickers, sorted and joined with "," ("none") */
  z.object({ kind: z.literal('falsetickers'), node: nodeId }),
  /** the nodes the Berkeley master left out of its last average, sorted, "," ("none") */
  z.object({ kind: z.literal('berkeleyLeftOut'), master: nodeId }),
  /** the node elected leader last (Multi-Paxos), "none" when nobody was */
  z.object({ kind: z.literal('leader') }),
  /** the value chosen in `slot`, "none" when no value is chosen yet */
  z.object({ kind: z.literal('chosen'), slot: z.number().int().min(0) }),
  /** "yes" when a lease read returned a stale value, else "no" */
  z.object({ kind: z.literal('staleRead') }),
  /**
   * "yes" when a message from `from` to `to` sent after `since` arrived while the receiver's
   * clock read earlier than the sender's did at the send (by timestamps, received before sent)
   */
  z.object({
    kind: z.literal('receivedBeforeSent'),
    from: nodeId,
    to: nodeId,
    since: z.number().min(0),
  }),
  /** "yes" when the checker found a violation of `invariant`, else "no" */
  z.object({ kind: z.literal('violated'), invariant: z.string().min(1) }),
  /** a transaction's outcome so far: "committed", "aborted", "blocked" or "pending" */
  z.object({ kind: z.literal('txnOutcome'), txn: z.string().min(1) }),
  /** which of two committed transactions has the smaller timestamp: its id ("none" unless both committed) */
  z.object({ kind: z.literal('smallerTimestamp'), a: z.string().min(1), b: z.string().min(1) }),
])

export type LessonQuery = z.infer<typeof lessonQuerySchema>

export type AnswerResult = { ok: true; value: string } | { ok: false; error: string }

/** What the trace tells that the end state does not: when clocks were stepped, who was elected. */
interface Facts {
  steps: { t: number; node: string }[]
  /** local send reading per message id, and the messages received before they were sent */
  sentLocal: Map<number, { from: string; to: string; local: number; t: number }>
  inversions: { from: string; to: string; t: number }[]
  elected: string[]
  offsetsAt: Map<number, Map<string, number>>
}

const list = (ids: string[]): string => (ids.length === 0 ? 'none' : [...ids].sort().join(','))

/** Run `scenario` with `inputs` to `until` and read the answer to `query` from that run. */
export function answerQuery(
  scenario: unknown,
  inputs: readonly LoggedInput[],
  until: number,
  query: LessonQuery,
): AnswerResult {
  const parsed = parseScenario(scenario)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  const facts: Facts = {
    steps: [],
    elected: [],
    offsetsAt: new Map(),
    sentLocal: new Map(),
    inversions: [],
  }
  const watchMessages = query.kind === 'receivedBeforeSent'
  // the trace may start while the simulation is being built (protocols start in the constructor)
  let built: Simulation | null = null
  const sim = createSimulation(parsed.scenario, {
    trace: (rec: TraceRecord) => {
      const sim = built
      // reading a clock never changes the run (summary.ts samples the same way)
      if (watchMessages && sim && rec.type === 'send')
        facts.sentLocal.set(rec.id, {
          from: rec.from,
          to: rec.to,
          t: rec.t,
          local: sim.localReading(sim.indexOf(rec.from)),
        })
      if (watchMessages && sim && rec.type === 'deliver') {
        const sent = facts.sentLocal.get(rec.id)
        facts.sentLocal.delete(rec.id)
        if (sent && sim.localReading(sim.indexOf(rec.to)) < sent.local) facts.inversions.push(sent)
      }
      if (rec.type !== 'emit') return
      if (rec.event === 'clockStep') facts.steps.push({ t: rec.t, node: rec.node })
      else if (rec.event === 'elected') facts.elected.push(rec.node)
    },
  })
  built = sim
  sim.runUntil(0)
  // An earlier time the query compares with is sampled on the way (sampling never changes a run).
  const since = 'since' in query ? query.since : null
  const why = runSampling(sim, inputs, until, since, facts)
  if (why) return { ok: false, error: why }
  return evaluate(sim, facts, query)
}

function runSampling(
  sim: Simulation,
  inputs: readonly LoggedInput[],
  until: number,
  since: number | null,
  facts: Facts,
): string | null {
  if (since !== null && (since > until || since < 0))
    return `since: must be between 0 and the question's time ${until}`
  const before = since === null ? [] : inputs.filter((x) => x.at <= since)
  if (since !== null) {
    const why = replayInputs(sim, before, since, refuseInput)
    if (why) return why
    facts.offsetsAt.set(since, offsets(sim))
  }
  // the rest of the inputs from where the first part stopped
  const rest = inputs.slice(before.length)
  return replayInputs(sim, rest, until, refuseInput)
}

function offsets(sim: Simulation): Map<string, number> {
  const m = new Map<string, number>()
  sim.nodeIds.forEach((id, i) => {
    if (sim.statusOf(i) !== 'crashed') m.set(id, sim.offsetOf(i))
  })
  return m
}

function evaluate(sim: Simulation, facts: Facts, q: LessonQuery): AnswerResult {
  const idx = (id: string): number | null => (sim.hasNode(id) ? sim.indexOf(id) : null)
  const needNode = (id: string): AnswerResult | number => {
    const i = idx(id)
    return i === null ? { ok: false, error: `node: unknown node "${id}"` } : i
  }
  switch (q.kind) {
    case 'worstClock': {
      let worst: string | null = null
      let max = -1
      sim.nodeIds.forEach((id, i) => {
        if (sim.scenario.nodes[i].reference || sim.statusOf(i) === 'crashed') return
        const o = Math.abs(sim.offsetOf(i))
        if (o > max) [worst, max] = [id, o]
      })
      return worst === null
        ? { ok: false, error: 'worstClock: no live clock' }
        : { ok: true, value: worst }
    }
    case 'offsetSign': {
      const i = needNode(q.node)
      if (typeof i !== 'number') return i
      const o = sim.offsetOf(i)
      return {
        ok: true,
        value: Math.abs(o) <= q.tolerance ? 'on-time' : o > 0 ? 'ahead' : 'behind',
      }
    }
    case 'offsetTrend': {
      const i = needNode(q.node)
      if (typeof i !== 'number') return i
      const then = facts.offsetsAt.get(q.since)?.get(q.node)
      if (then === undefined)
        return { ok: false, error: `offsetTrend: ${q.node} was down at ${q.since}` }
      return { ok: true, value: Math.abs(sim.offsetOf(i)) > Math.abs(then) ? 'grew' : 'shrank' }
    }
    case 'withinBound': {
      const i = needNode(q.node)
      if (typeof i !== 'number') return i
      return { ok: true, value: Math.abs(sim.offsetOf(i)) <= q.bound ? 'yes' : 'no' }
    }
    case 'stepOrSlew': {
      const i = needNode(q.node)
      if (typeof i !== 'number') return i
      const stepped = facts.steps.some((s) => s.node === q.node && s.t > q.since)
      return { ok: true, value: stepped ? 'step' : 'slew' }
    }
    case 'falsetickers': {
      const i = needNode(q.node)
      if (typeof i !== 'number') return i
      const st = sim.protocolState(i, 'ntp') as NtpState | null
      if (!st) return { ok: false, error: `falsetickers: ${q.node} runs no NTP` }
      const view = inspectNtp(st)
      return { ok: true, value: list(view.peers.filter((p) => p.tally === 'x').map((p) => p.id)) }
    }
    case 'berkeleyLeftOut': {
      const i = needNode(q.master)
      if (typeof i !== 'number') return i
      const st = sim.protocolState(i, 'berkeley') as BerkeleyState | null
      if (!st?.last)
        return { ok: false, error: `berkeleyLeftOut: ${q.master} has finished no round` }
      return {
        ok: true,
        value: list(st.last.estimates.filter((e) => e.status !== 'used').map((e) => e.node)),
      }
    }
    case 'leader':
      return { ok: true, value: facts.elected.at(-1) ?? 'none' }
    case 'chosen': {
      const c = consensusSummary(sim)
      if (!c) return { ok: false, error: 'chosen: the scenario runs no consensus' }
      return { ok: true, value: c.chosen.find((x) => x.slot === q.slot)?.value ?? 'none' }
    }
    case 'receivedBeforeSent': {
      for (const id of [q.from, q.to]) {
        const i = needNode(id)
        if (typeof i !== 'number') return i
      }
      const hit = facts.inversions.some((m) => m.from === q.from && m.to === q.to && m.t > q.since)
      return { ok: true, value: hit ? 'yes' : 'no' }
    }
    case 'staleRead': {
      const c = consensusSummary(sim)
      if (!c) return { ok: false, error: 'staleRead: the scenario runs no consensus' }
      return { ok: true, value: c.staleReads > 0 ? 'yes' : 'no' }
    }
    case 'violated': {
      const c = consensusSummary(sim)
      const tx = transactionsSummary(sim)
      if (!c && !tx)
        return { ok: false, error: 'violated: the scenario runs no consensus or transactions' }
      const all = [...(c?.violations ?? []), ...(tx?.violations ?? [])]
      return { ok: true, value: all.some((v) => v.invariant === q.invariant) ? 'yes' : 'no' }
    }
    case 'txnOutcome': {
      const r = transactionsSummary(sim)?.results.find((x) => x.id === q.txn)
      return r
        ? { ok: true, value: r.outcome }
        : { ok: false, error: `txn: no transaction "${q.txn}" began` }
    }
    case 'smallerTimestamp': {
      const tx = transactionsSummary(sim)
      if (!tx) return { ok: false, error: 'smallerTimestamp: the scenario runs no transactions' }
      const [a, b] = [q.a, q.b].map((id) => tx.results.find((x) => x.id === id)?.ts ?? null)
      if (a === null || b === null) return { ok: true, value: 'none' }
      return { ok: true, value: a < b ? q.a : q.b }
    }
  }
}

interface TransactionsSummary {
  results: { id: string; outcome: string; ts: number | null }[]
  violations: { invariant: string }[]
}

/** The transactions part of the CLI summary (contract.md §2) at the run's current time. */
function transactionsSummary(sim: Simulation): TransactionsSummary | null {
  return (summarize(sim).transactions as TransactionsSummary | undefined) ?? null
}

interface ConsensusSummary {
  chosen: { slot: number; value: string | null }[]
  staleReads: number
  violations: { invariant: string }[]
}

/** The consensus part of the CLI summary (contract.md §2) at the run's current time. */
function consensusSummary(sim: Simulation): ConsensusSummary | null {
  return (summarize(sim).consensus as ConsensusSummary | undefined) ?? null
}
