import type { Exchange } from '../../../engine/protocols/ntp/peer'
import { formatClock } from '../../format/quantities'
import { useT } from '../../i18n'
import { formatIn, timeUnitFor, type TimeUnit } from '../format/units'
import { exchangeTerms } from './exchangeMath'

const W = 440
const H = 150
const CLIENT_Y = 40
const SERVER_Y = 112
const X = { t1: 96, t2: 196, t3: 276, t4: 376 }

/**
 * One NTP exchange drawn the way RFC 5905 §8 describes it: the client's and the server's
 * timelines, the request and the reply, T1–T4 with their values (each read on its own clock),
 * and θ and δ worked out on screen from exactly those values.
 */
export function ExchangeDiagram({ exchange, client }: { exchange: Exchange; client: string }) {
  const t = useT()
  const label = (u: TimeUnit) => t(u.key)
  const e = exchangeTerms(exchange)
  // every term of a formula in one unit, so the arithmetic can be followed digit by digit
  const thetaUnit = timeUnitFor(Math.max(Math.abs(e.up), Math.abs(e.down), Math.abs(e.theta)))
  const deltaUnit = timeUnitFor(Math.max(e.roundTrip, Math.abs(e.delay)))
  const th = (x: number) => formatIn(x, thetaUnit, label, true)
  const de = (x: number) => formatIn(x, deltaUnit, label)
  const stamps = [
    { id: 't1', label: 'T1', x: X.t1, y: CLIENT_Y, value: exchange.t1, above: true },
    { id: 't2', label: 'T2', x: X.t2, y: SERVER_Y, value: exchange.t2, above: false },
    { id: 't3', label: 'T3', x: X.t3, y: SERVER_Y, value: exchange.t3, above: false },
    { id: 't4', label: 'T4', x: X.t4, y: CLIENT_Y, value: exchange.t4, above: true },
  ]
  return (
    <figure
      className="ntp-exchange"
      data-testid="ntp-exchange"
      data-theta={e.theta}
      data-delay={e.delay}
      data-server={exchange.server}
    >
      <figcaption>{t('clock.exchange.title', { client, server: exchange.server })}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('clock.exchange.diagramLabel')}>
        <defs>
          <marker
            id="xarrow"
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0.5 L8,4 L0,7.5 z" className="xarrow-head" />
          </marker>
        </defs>
        <line className="timeline" x1={64} x2={W - 12} y1={CLIENT_Y} y2={CLIENT_Y} />
        <line className="timeline" x1={64} x2={W - 12} y1={SERVER_Y} y2={SERVER_Y} />
        <text className="timeline-label" x={4} y={CLIENT_Y + 4}>
          {client}
        </text>
        <text className="timeline-label" x={4} y={SERVER_Y + 4}>
          {exchange.server}
        </text>
        <line
          className="packet request"
          x1={X.t1}
          y1={CLIENT_Y}
          x2={X.t2}
          y2={SERVER_Y}
          markerEnd="url(#xarrow)"
        />
        <line
          className="packet reply"
          x1={X.t3}
          y1={SERVER_Y}
          x2={X.t4}
          y2={CLIENT_Y}
          markerEnd="url(#xarrow)"
        />
        {stamps.map((s) => (
          <g key={s.id} data-testid={`exchange-${s.id}`} data-value={s.value}>
            <circle className="stamp" cx={s.x} cy={s.y} r={3.5} />
            <text
              className="stamp-label"
              x={s.x}
              y={s.above ? s.y - 22 : s.y + 18}
              textAnchor="middle"
            >
              {s.label}
            </text>
            <text
              className="stamp-value num"
              x={s.x}
              y={s.above ? s.y - 9 : s.y + 31}
              textAnchor="middle"
            >
              {formatClock(s.value)}
            </text>
          </g>
        ))}
        <text className="axis-note" x={4} y={CLIENT_Y + 18}>
          {t('clock.exchange.clientClock')}
        </text>
        <text className="axis-note" x={4} y={SERVER_Y + 18}>
          {t('clock.exchange.serverClock')}
        </text>
      </svg>
      <div className="formulas">
        <p className="formula" data-testid="exchange-theta" data-value={e.theta}>
          <span className="f-name">θ</span> = ((T2 − T1) + (T3 − T4)) / 2
          <br />= (({th(e.up)}) + ({th(e.down)})) / 2
          <br />= <strong>{th(e.theta)}</strong>
          <span className="f-note">{t('clock.exchange.thetaNote')}</span>
        </p>
        <p className="formula" data-testid="exchange-delta" data-value={e.delay}>
          <span className="f-name">δ</span> = (T4 − T1) − (T3 − T2)
          <br />= ({de(e.roundTrip)}) − ({de(e.turnaround)})
          <br />= <strong>{de(e.delay)}</strong>
          <span className="f-note">
            {t('clock.exchange.deltaNote', { bound: de(e.errorBound) })}
          </span>
        </p>
      </div>
    </figure>
  )
}
