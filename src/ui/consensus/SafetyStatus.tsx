import { useShallow } from 'zustand/react/shallow'
import { CONSENSUS_INVARIANTS } from '../../engine/checkers/consensus/state'
import { TRANSACTION_INVARIANTS } from '../../engine/checkers/transactions/state'
import type { Violation } from '../../worker/consensusWire'
import { formatClock } from '../format/quantities'
import { useT, type MessageKey, type Translate } from '../i18n'
import { useRunStore, type RunState } from '../store/runStore'
import { useConsensusStore, type ConsensusState } from './consensusStore'
import { violationFacts } from './violationFacts'
import './consensus.css'

/** the newest violations are listed; older ones are counted */
const MAX_LISTED = 20

const selectRun = (s: RunState) => ({
  runId: s.run?.runId ?? -2,
  consensus: s.run?.protocols.includes('paxos') ?? false,
})
const selectViolations = (s: ConsensusState) => ({
  runId: s.violationsRunId,
  violations: s.violations,
})

export const invariantName = (invariant: string, t: Translate): string =>
  [...CONSENSUS_INVARIANTS, ...TRANSACTION_INVARIANTS].includes(invariant as never)
    ? t(`invariant.${invariant}` as MessageKey)
    : invariant

/** One violation: which invariant, where (slot, nodes, values), when — then the checker's words. */
function ViolationItem({ n, v, t }: { n: number; v: Violation; t: Translate }) {
  const f = violationFacts(v)
  const where = [
    f.slot !== null && t('safety.where.slot', { slot: f.slot }),
    f.nodes.length > 0 && t('safety.where.nodes', { nodes: f.nodes.join(', ') }),
    f.values.length > 0 &&
      t('safety.where.values', { values: f.values.map((x) => JSON.stringify(x)).join(', ') }),
  ].filter(Boolean)
  return (
    <li
      value={n}
      className="violation"
      data-testid="violation"
      data-invariant={v.invariant}
      data-slot={f.slot ?? ''}
      data-at={v.at}
    >
      <div className="violation-head">
        <strong>{t('safety.broke', { invariant: invariantName(v.invariant, t) })}</strong>
        <span className="num">{t('safety.when', { at: formatClock(v.at) })}</span>
      </div>
      {f.invariant && <div className="violation-rule">{t(`invariant.${f.invariant}.rule`)}</div>}
      {where.length > 0 && <div className="violation-where">{where.join(' · ')}</div>}
      <details className="violation-detail">
        <summary>{t('safety.detail')}</summary>
        <code lang="en">{v.detail}</code>
      </details>
    </li>
  )
}

/**
 * The live invariant checker (`safety-status`, docs/ui-contract.md): green while every invariant
 * holds, red from the first violation on, naming it; below, every violation of the run.
 */
export function SafetyStatus() {
  const t = useT()
  const run = useRunStore(useShallow(selectRun))
  const state = useConsensusStore(useShallow(selectViolations))
  const violations = state.runId === run.runId ? state.violations : []
  const ok = violations.length === 0
  const latest = violations.at(-1)
  return (
    <section
      className={`panel safety ${ok ? 'safety-ok' : 'safety-bad'}`}
      data-testid="safety-status"
      data-ok={String(ok)}
      data-count={violations.length}
      aria-labelledby="safety-title"
    >
      <h2 id="safety-title">{t('safety.title')}</h2>
      <p className="safety-verdict" role="status">
        <svg viewBox="0 0 16 16" className="icon" aria-hidden="true">
          <path
            d={ok ? 'M6.2 11.4 2.8 8l1.1-1.1 2.3 2.3 5.9-5.9 1.1 1.1z' : 'M7 3h2v6H7zM7 11h2v2H7z'}
          />
        </svg>
        {ok
          ? t('safety.ok')
          : t('safety.bad', {
              n: violations.length,
              invariant: invariantName(latest!.invariant, t),
            })}
      </p>
      {run.consensus && ok && (
        <p className="safety-watching">
          {t('safety.watching', {
            list: CONSENSUS_INVARIANTS.map((i) => invariantName(i, t)).join(t('list.separator')),
          })}
        </p>
      )}
      {!ok && (
        <ol className="violations" data-testid="violations-list">
          {violations
            .slice(-MAX_LISTED)
            .reverse()
            .map((v, i) => (
              <ViolationItem key={violations.length - i} n={violations.length - i} v={v} t={t} />
            ))}
        </ol>
      )}
      {violations.length > MAX_LISTED && (
        <p className="safety-watching">
          {t('safety.earlier', { n: violations.length - MAX_LISTED })}
        </p>
      )}
    </section>
  )
}
