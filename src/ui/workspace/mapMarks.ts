import type { ScenarioInput } from '../../engine/scenario/schema'
import type { ClockNotes } from '../../worker/clockNotes'
import type { NodeClockSummary } from '../../worker/clockSummary'
import type { Violation } from '../../worker/consensusWire'

/**
 * What the map marks so that a scenario's point is on the picture (docs/ui-layers.md,
 * annotation layer): liars and the servers clients vote out, Berkeley's outliers and master,
 * the naive rule's doubling, the stale read, and per-direction latencies where they differ.
 * Pure: computed from the low-rate feeds, rendered by AnnotationLayer.
 */
type NodeMarkKind = 'liar' | 'rejected' | 'outlier' | 'master' | 'naive' | 'stale'

export interface NodeMark {
  node: number
  kind: NodeMarkKind
  /** parameters for the mark's catalogue text */
  params: Record<string, string | number>
}

export interface LinkMark {
  from: number
  to: number
  /** base one-way latency (s) */
  latency: number
}

export interface MarkInputs {
  ids: readonly string[]
  summary: readonly NodeClockSummary[] | null
  notes: ClockNotes | null
  violations: readonly Violation[]
}

export function nodeMarks({ ids, summary, notes, violations }: MarkInputs): NodeMark[] {
  const index = new Map(ids.map((id, i) => [id, i]))
  const marks: NodeMark[] = []
  const rejectedBy = new Map<string, string[]>()
  summary?.forEach((s, i) => {
    if (s.lie !== 0) marks.push({ node: i, kind: 'liar', params: { lie: s.lie } })
    const sync = s.sync
    if (sync?.algo === 'ntp')
      for (const server of sync.rejected)
        rejectedBy.set(server, [...(rejectedBy.get(server) ?? []), ids[i]])
    if (sync?.algo === 'berkeley' && sync.master && sync.round > 0)
      marks.push({ node: i, kind: 'master', params: { round: sync.round } })
    if (sync?.algo === 'naive' && sync.rounds > 0 && sync.server !== null)
      marks.push({ node: i, kind: 'naive', params: { n: sync.rounds } })
  })
  for (const [server, clients] of rejectedBy) {
    const node = index.get(server)
    if (node !== undefined)
      marks.push({ node, kind: 'rejected', params: { by: clients.join(', ') } })
  }
  for (const id of notes?.outliers?.nodes ?? []) {
    const node = index.get(id)
    if (node !== undefined)
      marks.push({ node, kind: 'outlier', params: { round: notes!.outliers!.round } })
  }
  const stale = violations.findLast((v) => v.invariant === 'stale-read')
  const reader = stale && index.get(stale.nodes[0])
  if (stale && reader !== undefined)
    marks.push({ node: reader, kind: 'stale', params: { at: stale.at.toFixed(3) } })
  return marks
}

/** Link directions whose base latency differs from the way back (the asymmetry NTP cannot see). */
export function asymmetricLinks(
  scenario: ScenarioInput | null,
  ids: readonly string[],
): LinkMark[] {
  const network = scenario?.network
  const base = network?.latency?.base ?? 0
  const own = new Map<string, number>()
  for (const l of network?.links ?? []) own.set(`${l.from}>${l.to}`, l.latency?.base ?? base)
  const index = new Map(ids.map((id, i) => [id, i]))
  const out: LinkMark[] = []
  for (const [key, latency] of own) {
    const [from, to] = key.split('>')
    const back = own.get(`${to}>${from}`) ?? base
    const f = index.get(from)
    const t = index.get(to)
    if (back !== latency && f !== undefined && t !== undefined)
      out.push({ from: f, to: t, latency })
  }
  return out
}
