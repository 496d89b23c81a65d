import type { StepEvent } from '../../worker/stepEvents'
import { formatOffset } from '../format/quantities'
import type { Translate } from '../i18n'
import { kindLabel } from '../legend/kindNames'
import { describeFault, formatDelay } from '../perturb/describe'

/**
 * What Step did, said in one line and shown on the map and the space-time diagram (issue 8 §2).
 * Of the records of the instant Step ran, the one a learner would name is the headline: a
 * receipt first (it is what protocols react to), then an intervention, a loss, a send, a timer;
 * what the receiving node made of it (θ and δ of an NTP exchange, a clock step, an election) is
 * added in brackets. Pure; stepStore.ts feeds it.
 */
export interface StepSummary {
  caption: string
  /** node ids and [from, to] links the map rings */
  nodes: string[]
  links: [string, string][]
  /** the message the diagram highlights, if the headline is one */
  message: number | null
}

const RANK: Record<StepEvent['type'], number> = {
  deliver: 0,
  fault: 1,
  drop: 2,
  send: 3,
  timer: 4,
  emit: 5,
  violation: 6,
}

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN)

/** An emit's meaning in words, or null for the ones too technical for a caption. */
function emitDetail(e: Extract<StepEvent, { type: 'emit' }>, t: Translate): string | null {
  const d = e.data ?? {}
  switch (e.event) {
    case 'exchange':
      return t('step.theta', {
        offset: formatOffset(num(d.offset), t),
        delay: formatDelay(num(d.delay), t),
      })
    case 'clockStep':
      return t('step.clockStep', { by: formatOffset(num(d.by), t) })
    case 'slew':
      return t('step.slew', { by: formatOffset(num(d.by), t) })
    case 'elected':
      return t('step.elected')
    case 'learned':
      return t('step.learned', { slot: num(d.slot) })
    default:
      return null
  }
}

const nodeOf = (e: StepEvent): string | null => {
  switch (e.type) {
    case 'deliver':
      return e.to
    case 'send':
    case 'drop':
      return e.from
    case 'timer':
    case 'emit':
      return e.node
    case 'fault':
      return 'node' in e.fault ? e.fault.node : null
    case 'violation':
      return e.nodes?.[0] ?? null
  }
}

export function summarizeStep(
  events: readonly StepEvent[],
  more: number,
  t: Translate,
): StepSummary {
  if (events.length === 0)
    return { caption: t('step.nothing'), nodes: [], links: [], message: null }
  const head = events.reduce((best, e) => (RANK[e.type] < RANK[best.type] ? e : best))
  const node = nodeOf(head)
  let main: string
  let links: [string, string][] = []
  let message: number | null = null
  switch (head.type) {
    case 'deliver':
    case 'send':
    case 'drop': {
      const params = { from: head.from, to: head.to, kind: kindLabel(head.kind, t) }
      main =
        head.type === 'drop'
          ? t('step.drop', { ...params, reason: t(`spacetime.drop.${head.reason}`) })
          : t(head.type === 'deliver' ? 'step.deliver' : 'step.send', params)
      links = [[head.from, head.to]]
      message = head.id
      break
    }
    case 'fault':
      main = t('step.fault', { what: describeFault(head.fault, t) })
      break
    case 'timer':
      main = t('step.timer', { node: head.node, key: head.key })
      break
    case 'emit':
      main = t('step.emit', { node: head.node, event: emitDetail(head, t) ?? head.event })
      break
    case 'violation':
      main = t('step.violation', { invariant: head.invariant })
      break
  }
  // what the headline's node made of it, and any invariant the instant broke
  const details: string[] = []
  let told = 1
  for (const e of events) {
    if (e === head) continue
    // the timer that made the headline's node send is its cause: said by the send itself
    if (e.type === 'timer' && head.type === 'send' && e.node === node) {
      told++
      continue
    }
    const detail =
      e.type === 'emit' && e.node === node
        ? emitDetail(e, t)
        : e.type === 'send' && head.type === 'deliver' && e.from === node
          ? t('step.andSent', { kind: kindLabel(e.kind, t), to: e.to })
          : e.type === 'violation'
            ? t('step.violation', { invariant: e.invariant })
            : null
    if (detail === null || details.includes(detail)) continue
    details.push(detail)
    told++
  }
  const rest = events.length + more - told
  // brackets and separators from the catalogue: Chinese uses full-width ones
  const said =
    details.length > 0
      ? t('step.details', { main, details: details.join(t('step.detailSep')) })
      : main
  const caption = rest > 0 ? t('step.more', { caption: said, n: rest }) : said
  return { caption, nodes: node ? [node] : [], links, message }
}
