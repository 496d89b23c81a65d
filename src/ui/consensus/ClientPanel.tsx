import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ClientRequest, ConsensusMeta } from '../../worker/consensusWire'
import { useT, type Translate } from '../i18n'
import { act } from '../perturb/actions'
import { useRunStore, type RunState } from '../store/runStore'
import { checkValue, MAX_VALUE_LENGTH, targetRefusal } from './clientInput'
import { newestFirst, requestOutcome } from './requests'
import { useConsensusStore, type ConsensusState, type NodeStructure } from './consensusStore'
import './consensus.css'

const selectRun = (s: RunState) => ({ run: s.run, statuses: s.statuses })
const selectConsensus = (s: ConsensusState) => ({
  runId: s.runId,
  meta: s.meta,
  requests: s.requests,
  nodes: s.nodes,
})

/** Shown values are short (≤ MAX_VALUE_LENGTH) but quoted, so "" and " " read as values. */
const quote = (v: string | null, t: Translate) =>
  v === null ? t('client.nothing') : JSON.stringify(v)
const at3 = (x: number) => x.toFixed(3)

/** Single decree: the value slot 0 holds, as soon as any node has learned it. */
function decidedOf(nodes: readonly NodeStructure[]): { value: string | null } | null {
  for (const n of nodes) {
    const c = n.chosen.find((x) => x.slot === 0)
    if (c) return { value: c.entry.kind === 'value' ? c.entry.value : null }
  }
  return null
}

function RequestItem({
  r,
  mode,
  decided,
  t,
}: {
  r: ClientRequest
  mode: ConsensusMeta['mode']
  decided: { value: string | null } | null
  t: Translate
}) {
  const o = requestOutcome(r, mode, decided)
  let outcome: string
  switch (o.kind) {
    case 'pending':
      outcome = t('client.pending')
      break
    case 'chosen':
      outcome = t('client.chosen', { slot: o.slot, at: at3(o.at) })
      break
    case 'lost':
      outcome = t('client.lost', { winner: quote(o.winner, t) })
      break
    case 'answered':
      outcome = t(`client.answer.${o.via}`, { value: quote(o.value, t), by: o.by, at: at3(o.at) })
  }
  return (
    <li
      className={`request request-${o.kind}`}
      data-testid="client-request"
      data-id={r.id}
      data-op={r.op}
      data-node={r.node}
      data-value={r.value ?? ''}
      data-outcome={o.kind}
      data-result={o.kind === 'answered' ? (o.value ?? '') : ''}
      data-via={o.kind === 'answered' ? o.via : ''}
    >
      <span className="request-what">
        <strong>{r.node}</strong>{' '}
        {r.op === 'propose'
          ? t('client.item.propose', { value: quote(r.value ?? '', t) })
          : t('client.item.read')}
        <span className="request-at num">{t('client.at', { at: at3(r.at) })}</span>
      </span>
      <span className="request-outcome">{outcome}</span>
    </li>
  )
}

/**
 * A client of the replicated register: propose a value at a node, or read at a node. Both go
 * through the existing `inject` command (`{client: {node, op}}`), so they are recorded like
 * every live input and replay exactly. Below, every request of the run and what came of it.
 */
export function ClientPanel() {
  const t = useT()
  const { run, statuses } = useRunStore(useShallow(selectRun))
  const c = useConsensusStore(useShallow(selectConsensus))
  const [node, setNode] = useState('')
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  if (!run || !c.meta || c.runId !== run.runId) return null
  const members = c.meta.members
  const target = members.includes(node) ? node : members[0]
  const statusOf = (id: string) => statuses[run.nodes.findIndex((n) => n.id === id)]

  const send = (op: 'propose' | 'read') => {
    if (targetRefusal(statusOf(target))) {
      setError(t('client.error.crashed', { node: target }))
      return
    }
    if (op === 'read') {
      setError(null)
      return act({ client: { node: target, op: { op: 'read' } } })
    }
    const check = checkValue(value)
    if (!check.ok) {
      setError(
        check.reason === 'tooLong'
          ? t('client.error.tooLong', { max: MAX_VALUE_LENGTH, n: check.length })
          : t(`client.error.${check.reason}`),
      )
      return
    }
    setError(null)
    setValue('')
    act({ client: { node: target, op: { op: 'propose', value: check.value } } })
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    send('propose')
  }
  const decided = c.meta.mode === 'single' ? decidedOf(c.nodes) : null
  const requests = newestFirst(c.requests)

  return (
    <section className="panel client-panel" aria-labelledby="client-title">
      <h2 id="client-title">{t('client.title')}</h2>
      <form className="client-form" onSubmit={onSubmit} noValidate>
        <label className="client-field">
          <span>{t('client.node')}</span>
          <select
            data-testid="client-node"
            value={target}
            onChange={(e) => setNode(e.target.value)}
          >
            {members.map((id) => (
              <option key={id} value={id}>
                {statusOf(id) === 'crashed' ? t('client.crashedOption', { node: id }) : id}
              </option>
            ))}
          </select>
        </label>
        <label className="client-field client-value">
          <span>{t('client.value')}</span>
          <input
            data-testid="client-value"
            value={value}
            placeholder={t('client.valuePlaceholder')}
            aria-invalid={error !== null}
            aria-describedby={error ? 'client-error' : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <div className="client-buttons">
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="client-propose"
            title={t('client.proposeHint')}
          >
            {t('client.propose')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="client-read"
            title={t('client.readHint')}
            onClick={() => send('read')}
          >
            {t('client.read')}
          </button>
        </div>
        {error && (
          <p className="client-error" id="client-error" role="alert" data-testid="client-error">
            {error}
          </p>
        )}
      </form>
      <h3 className="client-subtitle">{t('client.requests')}</h3>
      {requests.length === 0 ? (
        <p className="muted">{t('client.none')}</p>
      ) : (
        <ul className="requests" data-testid="client-requests">
          {requests.map((r) => (
            <RequestItem key={r.id} r={r} mode={c.meta!.mode} decided={decided} t={t} />
          ))}
        </ul>
      )}
    </section>
  )
}
