import type { NtpState } from '../../../engine/protocols/ntp/ntp'
import { inspectNtp, type NtpPeerView, type NtpView } from '../../../engine/protocols/ntp/inspect'
import type { PeerStatus } from '../../../engine/protocols/ntp/peer'
import { useT, type MessageKey } from '../../i18n'
import { columnUnit, formatDuration, formatPpm, numberIn, type TimeUnit } from '../format/units'
import { selectServer } from '../clockSelectionStore'
import { ExchangeDiagram } from './ExchangeDiagram'

const STATUS_KEY: Record<PeerStatus, MessageKey> = {
  selected: 'clock.peer.selected',
  candidate: 'clock.peer.candidate',
  truechimer: 'clock.peer.truechimer',
  falseticker: 'clock.peer.falseticker',
  unfit: 'clock.peer.unfit',
}

const STATE_KEY: Record<NtpView['discipline']['state'], MessageKey> = {
  NSET: 'clock.ntp.stateNSET',
  FREQ: 'clock.ntp.stateFREQ',
  SYNC: 'clock.ntp.stateSYNC',
  SPIK: 'clock.ntp.stateSPIK',
}

/** Dummy stages and peers never heard from carry MAXDISP (16 s): shown as a dash. */
const UNUSABLE = 16

/**
 * NTP's inside for one node: the discipline (state, frequency, poll), the system process's
 * choice, every association (RFC 5905 peer variables and the select/cluster verdict), the
 * chosen server's 8-stage clock filter, and its last on-wire exchange.
 */
export function NtpDetail({
  node,
  state,
  server,
}: {
  node: string
  state: NtpState
  server: string | null
}) {
  const t = useT()
  const unit = (u: TimeUnit) => t(u.key)
  const dur = (x: number, sign = false) =>
    Math.abs(x) >= UNUSABLE ? '—' : formatDuration(x, unit, sign)
  // the engine's own display view of the state (src/engine/protocols/ntp/inspect.ts)
  const view = inspectNtp(state)
  if (view.reference) return <p className="inspector-note">{t('clock.ntp.reference')}</p>
  const d = view.discipline
  const shown =
    view.peers.find((p) => p.id === server) ??
    view.peers.find((p) => p.id === view.systemPeer) ??
    view.peers[0]
  const exchange = shown?.last ?? null

  return (
    <div className="ntp-detail">
      <dl
        className="facts compact"
        data-testid="ntp-discipline"
        data-state={d.state}
        data-poll={d.poll}
      >
        <dt>{t('clock.ntp.state')}</dt>
        <dd title={t(STATE_KEY[d.state])}>
          {t(`ntp.state.${d.state}`)} <span className="dim">{t(STATE_KEY[d.state])}</span>
        </dd>
        <dt>{t('clock.ntp.poll')}</dt>
        <dd className="num">
          {t('clock.ntp.pollValue', { tau: d.poll, seconds: d.pollInterval })}
        </dd>
        <dt>{t('clock.ntp.freq')}</dt>
        <dd className="num">
          {formatPpm(d.frequencyPpm)} {t('clock.ppm')}
        </dd>
        <dt>{t('clock.ntp.residual')}</dt>
        <dd className="num">{dur(d.residual, true)}</dd>
        <dt>{t('clock.ntp.jitter')}</dt>
        <dd className="num">{dur(d.jitter)}</dd>
        <dt>{t('clock.ntp.systemPeer')}</dt>
        <dd>
          {view.systemPeer ?? '—'}
          {view.systemPeer && ` · ${t('clock.sync.stratum', { n: view.stratum })}`}
          {view.noMajority && <strong className="bad"> · {t('clock.sync.noMajority')}</strong>}
        </dd>
        {view.agreed && (
          <>
            <dt>{t('clock.ntp.agreed')}</dt>
            <dd className="num">
              [{dur(view.agreed.lo, true)}, {dur(view.agreed.hi, true)}] ·{' '}
              {t('clock.ntp.agreedBy', { n: view.agreed.agreed })}
            </dd>
          </>
        )}
      </dl>

      <h4>{t('clock.ntp.peersTitle')}</h4>
      <PeersTable peers={view.peers} shown={shown} />

      {shown && <FilterRegister peer={shown} />}
      {exchange ? (
        <ExchangeDiagram exchange={exchange} client={node} />
      ) : (
        <p className="inspector-note">{t('clock.exchange.none')}</p>
      )}
    </div>
  )
}

/** A column of durations: values in one unit, named in the header. */
interface Column {
  key: string
  symbol: string
  hint: MessageKey
  value: (p: NtpPeerView) => number
  sign?: boolean
}

const PEER_COLUMNS: Column[] = [
  // before the first reply the estimate holds nothing but the dummies' zero offset
  {
    key: 'offset',
    symbol: 'θ',
    hint: 'clock.peer.offsetHint',
    value: (p) => (unheard(p) ? NaN : p.offset),
    sign: true,
  },
  { key: 'delay', symbol: 'δ', hint: 'clock.peer.delayHint', value: (p) => usable(p.delay) },
  { key: 'disp', symbol: 'ε', hint: 'clock.peer.dispHint', value: (p) => usable(p.dispersion) },
  {
    key: 'jitter',
    symbol: 'ψ',
    hint: 'clock.peer.jitterHint',
    value: (p) => (unheard(p) ? NaN : p.jitter),
  },
  {
    key: 'distance',
    symbol: 'λ',
    hint: 'clock.peer.distanceHint',
    value: (p) => usable(p.distance),
  },
]

const usable = (x: number) => (Math.abs(x) >= UNUSABLE ? NaN : x)
/** no reply in the last eight polls: the estimate is only the dummies' zero */
const unheard = (p: NtpPeerView) => !p.reach.includes('1')

function PeersTable({ peers, shown }: { peers: NtpPeerView[]; shown: NtpPeerView | undefined }) {
  const t = useT()
  const units = PEER_COLUMNS.map((c) => columnUnit(peers.map(c.value)))
  return (
    <div className="table-scroll">
      <table className="peers-table" data-testid="ntp-peers">
        <thead>
          <tr>
            <th scope="col">{t('clock.peer.server')}</th>
            <th scope="col">{t('clock.peer.status')}</th>
            {PEER_COLUMNS.map((c, i) => (
              <th key={c.key} scope="col" className="num" title={t(c.hint)}>
                {c.symbol} <span className="dim">{t(units[i].key)}</span>
              </th>
            ))}
            <th scope="col" title={t('clock.peer.reachHint')}>
              {t('clock.peer.reach')}
            </th>
          </tr>
        </thead>
        <tbody>
          {peers.map((p) => (
            <tr
              key={p.id}
              data-testid={`peer-${p.id}`}
              data-status={p.status}
              className={p === shown ? 'shown' : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={p === shown}
                  title={t('clock.peer.showHint', { id: p.id })}
                  onClick={() => selectServer(p.id)}
                >
                  {p.id}
                </button>
              </th>
              <td className={`peer-status status-${p.status}`}>
                <code aria-hidden="true">{p.tally}</code> {t(STATUS_KEY[p.status])}
                {p.status === 'unfit' && p.unfit && ` (${t(`clock.unfit.${p.unfit}`)})`}
              </td>
              {PEER_COLUMNS.map((c, i) => (
                <td key={c.key} className="num">
                  {numberIn(c.value(p), units[i], c.sign)}
                </td>
              ))}
              <td className="num">{p.reach}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function FilterRegister({ peer }: { peer: NtpPeerView }) {
  const t = useT()
  const stages = peer.filter
  const live = stages.filter((s) => s.disp < UNUSABLE)
  const [uo, ud, ue] = [
    columnUnit(live.map((s) => s.offset)),
    columnUnit(live.map((s) => s.delay)),
    columnUnit(live.map((s) => s.disp)),
  ]
  return (
    <>
      <h4>{t('clock.filter.title', { id: peer.id })}</h4>
      <div className="table-scroll">
        <table className="filter-table" data-testid="ntp-filter">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col" className="num">
                θ <span className="dim">{t(uo.key)}</span>
              </th>
              <th scope="col" className="num">
                δ <span className="dim">{t(ud.key)}</span>
              </th>
              <th scope="col" className="num">
                ε <span className="dim">{t(ue.key)}</span>
              </th>
              <th scope="col" className="num">
                {t('clock.filter.taken')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s, i) => {
              const empty = s.disp >= UNUSABLE
              // the sample the peer's estimate came from (least delay when the filter last ran)
              const used = !empty && s.delay === peer.delay && s.offset === peer.offset
              return (
                <tr
                  key={i}
                  className={used ? 'used' : empty ? 'empty' : undefined}
                  data-used={used}
                >
                  <td className="num">{i}</td>
                  <td className="num">{empty ? '—' : numberIn(s.offset, uo, true)}</td>
                  <td className="num">{empty ? '—' : numberIn(s.delay, ud)}</td>
                  <td className="num">{empty ? '—' : numberIn(s.disp, ue)}</td>
                  <td className="num">
                    {empty ? t('clock.filter.empty') : t('clock.filter.at', { t: s.t.toFixed(0) })}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="table-note">{t('clock.filter.note')}</p>
    </>
  )
}
