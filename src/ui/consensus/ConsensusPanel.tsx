import { useShallow } from 'zustand/react/shallow'
import { useT, type Translate } from '../i18n'
import { useRunStore, type RunState } from '../store/runStore'
import './consensus.css'
import { entryText, learnedValues, logGrid, type LogCell } from './logGrid'
import { quorumText } from './quorum'
import { roleKey, roleName } from './roles'
import { useConsensusStore, type ConsensusState } from './consensusStore'

/** slot columns shown; the engine reports the last 12 per node */
const MAX_SLOTS = 8

const selectRunId = (s: RunState) => s.run?.runId ?? -2
const selectConsensus = (s: ConsensusState) => ({
  runId: s.runId,
  meta: s.meta,
  nodes: s.nodes,
  leaders: s.leaders,
  chosen: s.chosen,
})

function Cell({ cell, slot, t }: { cell: LogCell; slot: number; t: Translate }) {
  if (!cell.entry) return <td className="log-cell log-empty" />
  const value = entryText(cell.entry, t)
  const title =
    cell.state === 'chosen'
      ? t('consensus.cell.chosen', { slot, value, ballot: cell.ballot ?? t('consensus.none') })
      : t('consensus.cell.voted', { slot, value, ballot: cell.ballot ?? t('consensus.none') })
  return (
    <td
      className={`log-cell log-${cell.state}${cell.entry.kind !== 'value' ? ' log-special' : ''}${cell.differs ? ' log-differs' : ''}${cell.wrong ? ' log-wrong' : ''}`}
      title={cell.differs ? `${title} ${t('consensus.cell.differs')}` : title}
    >
      <span className="log-value">{value}</span>
      {cell.ballot && <span className="log-ballot">{cell.ballot}</span>}
    </td>
  )
}

/**
 * The Paxos panel (docs/architecture.md): per node its role, the ballot it runs, the ballot its acceptor
 * promised, and the log — votes and chosen entries per slot. Rendered at protocol speed (see
 * consensusStore.ts); the leases are their own view (LeaseChart).
 */
export function ConsensusPanel() {
  const t = useT()
  const runId = useRunStore(selectRunId)
  const c = useConsensusStore(useShallow(selectConsensus))
  if (!c.meta || c.runId !== runId) return null
  const { meta, nodes } = c
  const grid = logGrid(nodes, c.chosen, MAX_SLOTS)
  const leader = nodes.find((n) => n.role === 'leader')
  const lastElection = c.leaders.at(-1)

  return (
    <section
      className="consensus-panel"
      data-testid="consensus-panel"
      aria-labelledby="consensus-title"
    >
      <header className="consensus-head">
        <h2 id="consensus-title">{t('consensus.title')}</h2>
        <span className="consensus-summary">
          {t(meta.mode === 'multi' ? 'consensus.summary.multi' : 'consensus.summary.single', {
            n: meta.members.length,
            quorum: meta.quorum,
          })}
        </span>
        {meta.mode === 'multi' && (
          <span
            className="consensus-leader"
            data-testid="consensus-leader"
            data-leader={leader?.node ?? ''}
          >
            {leader
              ? t('consensus.leaderNow', { node: leader.node, ballot: leader.ballot ?? '' })
              : t('consensus.noLeader')}
            {lastElection && (
              <span className="muted">
                {' '}
                {t('consensus.lastElection', {
                  node: lastElection.node,
                  ballot: lastElection.ballot,
                  at: lastElection.at.toFixed(3),
                  n: c.leaders.length,
                })}
              </span>
            )}
          </span>
        )}
      </header>
      <div className="consensus-table-wrap">
        <table className="consensus-table">
          <thead>
            <tr>
              <th scope="col">{t('consensus.col.node')}</th>
              <th scope="col">{t('consensus.col.role')}</th>
              <th scope="col" title={t('consensus.col.ballotHint')}>
                {t('consensus.col.ballot')}
              </th>
              <th scope="col" title={t('consensus.col.promisedHint')}>
                {t('consensus.col.promised')}
              </th>
              {grid.slots.map((slot) => (
                <th scope="col" key={slot} className="log-head">
                  {t('consensus.col.slot', { slot })}
                </th>
              ))}
              {grid.slots.length === 0 && <th scope="col">{t('consensus.col.log')}</th>}
            </tr>
          </thead>
          <tbody>
            {nodes.map((n, i) => {
              const role = roleName(n, meta.mode)
              const progress = quorumText(n.quorum, t)
              return (
                <tr
                  key={n.node}
                  className={`consensus-row role-${role}`}
                  data-testid={`consensus-node-${n.node}`}
                  data-role={role}
                  data-ballot={n.ballot ?? ''}
                  data-promised={n.promised}
                  data-chosen={JSON.stringify(learnedValues(n))}
                  data-applied={n.applied}
                >
                  <th scope="row">{n.node}</th>
                  <td>
                    <span className={`role-chip role-${role}`}>{t(roleKey(role))}</span>
                    {progress && <div className="quorum-progress">{progress}</div>}
                  </td>
                  <td className="num">{n.ballot ?? t('consensus.none')}</td>
                  <td className="num">{n.promised}</td>
                  {grid.rows[i].map((cell, k) => (
                    <Cell key={grid.slots[k]} cell={cell} slot={grid.slots[k]} t={t} />
                  ))}
                  {grid.slots.length === 0 && i === 0 && (
                    <td rowSpan={nodes.length} className="muted log-none">
                      {t('consensus.noSlots')}
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
          {grid.slots.length > 0 && (
            <tfoot>
              <tr className="truth-row" data-testid="consensus-truth">
                <th scope="row" colSpan={4} title={t('consensus.truthHint')}>
                  {t('consensus.truth')}
                </th>
                {grid.truth.map((cell, k) => (
                  <td
                    key={grid.slots[k]}
                    className={`log-cell log-truth${cell.conflict ? ' log-conflict' : ''}`}
                    data-slot={grid.slots[k]}
                    data-conflict={String(cell.conflict)}
                  >
                    {cell.entry && <span className="log-value">{entryText(cell.entry, t)}</span>}
                    {cell.at !== null && (
                      <span className="log-ballot">
                        {t('consensus.truthAt', { at: cell.at.toFixed(3) })}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <p className="consensus-note muted">{t('consensus.logHint')}</p>
      {meta.mode === 'multi' && <p className="consensus-note muted">{t('consensus.marks')}</p>}
    </section>
  )
}
