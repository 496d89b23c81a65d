import { useState } from 'react'
import type { TransactionsMeta } from '../../worker/transactionsWire'
import { formatOffset } from '../format/quantities'
import { useT } from '../i18n'
import { usePerturbStore, type PerturbState } from '../perturb/perturbStore'
import { requestScenario } from '../share/scenarioRequest'
import { sendCommand } from '../sim/actions'
import { commitWaitLoad, DEFAULT_EPSILON } from './commitWait'

const selectCount = (s: PerturbState) => s.inputs.length

/**
 * `txn-commitwait-toggle`: restarts the run with `transactions.commitWait` flipped (TrueTime
 * timestamps if it had others), the live interventions replayed up to the present moment. The
 * changed scenario is the run's scenario from then on, so export and share links carry it.
 */
export function CommitWaitToggle({ meta }: { meta: TransactionsMeta }) {
  const t = useT()
  const count = usePerturbStore(selectCount)
  const [busy, setBusy] = useState(false)
  const on = meta.commitWait
  const epsilon =
    meta.timestamps === 'truetime'
      ? meta.epsilon === 'auto' || meta.epsilon === null
        ? t('txn.epsilonAuto')
        : formatOffset(meta.epsilon, t).slice(1)
      : formatOffset(DEFAULT_EPSILON, t).slice(1)
  const hint = t('txn.commitWait.hint', {
    state: t(on ? 'txn.commitWait.stateOff' : 'txn.commitWait.stateOn'),
    epsilon,
    count,
  })
  const flip = async () => {
    setBusy(true)
    try {
      sendCommand(commitWaitLoad(await requestScenario(), !on))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="txn-commitwait">
      <button
        type="button"
        className="btn"
        data-testid="txn-commitwait-toggle"
        aria-pressed={on}
        disabled={busy}
        title={hint}
        onClick={() => void flip()}
      >
        {t(on ? 'txn.commitWait.on' : 'txn.commitWait.off')}
      </button>
      <span className="txn-commitwait-hint">{hint}</span>
    </div>
  )
}
