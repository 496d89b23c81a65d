import { useEffect, useState } from 'react'
import type { RunMeta } from '../../worker/wire'
import {
  ARROW_STRIDE,
  A_END,
  A_FROM,
  A_ID,
  A_KIND,
  A_LOCAL_END,
  A_LOCAL_SENT,
  A_OUTCOME,
  A_SENT,
  A_TO,
  DROP_REASONS,
  type MessageDetail,
  type SpacetimeMark,
} from '../../worker/timelineWire'
import { formatClock, formatOffset } from '../format/quantities'
import { useT, type Translate } from '../i18n'
import { kindLabel } from '../legend/kindNames'
import { onWorkerMessage, sendCommand } from '../sim/actions'
import type { HoverTarget } from './hover'
import type { SpacetimeWindow } from './spacetimeData'

let lastRequest = 0

/** The payload of message `id` from the worker (null once it left the window; undefined while asked). */
function usePayload(id: number | null): string | null | undefined {
  const [reply, setReply] = useState<{ id: number; detail: MessageDetail | null } | null>(null)
  useEffect(() => {
    if (id === null) return
    const requestId = ++lastRequest
    const stop = onWorkerMessage((msg) => {
      if (msg.type === 'messageDetail' && msg.requestId === requestId)
        setReply({ id, detail: msg.detail })
    })
    sendCommand({ type: 'describeMessage', requestId, id })
    return stop
  }, [id])
  if (id === null || reply?.id !== id) return undefined
  return reply.detail ? reply.detail.payload : null
}

function markText(m: SpacetimeMark, run: RunMeta, t: Translate): string {
  const node = m.node !== undefined ? run.nodes[m.node]?.id : ''
  const nodeOf = (i: number) => run.nodes[i]?.id ?? String(i)
  const withStatus = (text: string) =>
    m.status === undefined ? t('spacetime.mark.noChange', { what: text }) : text
  switch (m.kind) {
    case 'crash':
    case 'restart':
    case 'pause':
    case 'resume':
      return withStatus(t(`spacetime.mark.${m.kind}`, { node }))
    case 'clockStep':
      return t(m.protocol ? 'spacetime.mark.clockStepProtocol' : 'spacetime.mark.clockStep', {
        node,
        by: formatOffset(m.value ?? 0, t),
      })
    case 'setSkew':
      return t('spacetime.mark.setSkew', { node, ppm: m.value ?? 0 })
    case 'falseticker':
      return m.value
        ? t('spacetime.mark.falseticker', { node, lie: formatOffset(m.value, t) })
        : t('spacetime.mark.honest', { node })
    case 'partition':
      return t('spacetime.mark.partition', {
        groups: (m.groups ?? []).map((g) => `{${g.map(nodeOf).join(', ')}}`).join(' | '),
      })
    case 'heal':
      return t('spacetime.mark.heal')
    case 'cutLink':
    case 'healLink':
      return t(`spacetime.mark.${m.kind}`, { from: node, to: nodeOf(m.to ?? 0) })
    case 'setLoss':
    case 'setDuplicate':
      return t(`spacetime.mark.${m.kind}`, { p: m.value ?? 0 })
    case 'setLatency':
      return t('spacetime.mark.setLatency', {
        base: formatOffset(m.value ?? 0, t),
        jitter: formatOffset(m.value2 ?? 0, t),
      })
    case 'elected':
    case 'stepDown':
      return t(`spacetime.mark.${m.kind}`, { node })
    case 'violation':
      return t('spacetime.mark.violation', { invariant: m.label ?? '' })
  }
}

/**
 * What the pointer is over. A message shows its kind, route, payload, and both ends as true time
 * and as the local clock of the node at that end: the two nodes' own timestamps, which is all
 * either of them could ever know.
 */
export function HoverCard({
  target,
  data,
  run,
  left,
  top,
}: {
  target: HoverTarget
  data: SpacetimeWindow
  run: RunMeta
  left: number
  top: number
}) {
  const t = useT()
  const o = target.kind === 'arrow' ? target.index * ARROW_STRIDE : -1
  const a = data.arrows
  const payload = usePayload(target.kind === 'arrow' ? a[o + A_ID] : null)
  const style = { left, top }
  if (target.kind === 'mark') {
    const m = target.mark
    return (
      <div className="spacetime-card" style={style} role="tooltip" data-testid="spacetime-card">
        <div className="card-title">{markText(m, run, t)}</div>
        {m.detail && <div className="card-detail">{m.detail}</div>}
        <div className="card-row">{t('spacetime.card.at', { t: formatClock(m.t) })}</div>
      </div>
    )
  }
  const from = run.nodes[a[o + A_FROM]]?.id
  const to = run.nodes[a[o + A_TO]]?.id
  const outcome = a[o + A_OUTCOME]
  const sent = a[o + A_SENT]
  const end = a[o + A_END]
  const droppedAtSend = outcome !== 0 && end === sent
  return (
    <div className="spacetime-card" style={style} role="tooltip" data-testid="spacetime-card">
      <div className="card-title">
        <span title={data.kinds[a[o + A_KIND]]}>{kindLabel(data.kinds[a[o + A_KIND]], t)}</span>{' '}
        {from} → {to}
      </div>
      <div className="card-row">
        <strong>{t('spacetime.card.sent')}</strong>{' '}
        {t('spacetime.card.local', { node: from, t: formatClock(a[o + A_LOCAL_SENT]) })} ·{' '}
        {t('spacetime.card.true', { t: formatClock(sent) })}
      </div>
      {outcome === 0 ? (
        <div className="card-row">
          <strong>{t('spacetime.card.received')}</strong>{' '}
          {t('spacetime.card.local', { node: to, t: formatClock(a[o + A_LOCAL_END]) })} ·{' '}
          {t('spacetime.card.true', { t: formatClock(end) })}
        </div>
      ) : (
        <div className="card-row card-drop">
          <strong>{t('spacetime.card.dropped')}</strong>{' '}
          {t(`spacetime.drop.${DROP_REASONS[outcome - 1]}`)}
          {!droppedAtSend && ` · ${t('spacetime.card.true', { t: formatClock(end) })}`}
        </div>
      )}
      {!droppedAtSend && (
        <div className="card-row">
          {t('spacetime.card.transit', { d: formatOffset(end - sent, t) })}
        </div>
      )}
      <div className="card-row">
        <strong>{t('spacetime.card.payload')}</strong>{' '}
        <code className="card-payload">
          {payload === undefined
            ? t('spacetime.card.loading')
            : payload === null
              ? t('spacetime.card.gone')
              : payload}
        </code>
      </div>
    </div>
  )
}
