import type { BerkeleyState } from '../../../engine/protocols/berkeley/berkeley'
import type { CristianState } from '../../../engine/protocols/cristian/cristian'
import type { NaiveState } from '../../../engine/protocols/naive/naive'
import type { NtpState } from '../../../engine/protocols/ntp/ntp'
import type { SntpState } from '../../../engine/protocols/sntp/sntp'
import type { RunMeta } from '../../../worker/wire'
import { useT } from '../../i18n'
import { selectNode, useClockSelectionStore } from '../clockSelectionStore'
import { BerkeleyDetail } from './BerkeleyDetail'
import { CristianDetail } from './CristianDetail'
import { NaiveDetail } from './NaiveDetail'
import { NtpDetail } from './NtpDetail'
import { Perturb } from './Perturb'
import { SntpDetail } from './SntpDetail'
import { useInspection } from './useInspection'
import { LogicalDetail } from '../../logical/LogicalDetail'

/**
 * The node inspector: pick a node (list, table row or legend: clicking a node in the topology
 * crashes it), perturb its clock, and read its clock-sync algorithm's state, fetched with
 * `inspect` a few times a second.
 */
export function NodeInspector({ run, algorithm }: { run: RunMeta; algorithm: string | null }) {
  const t = useT()
  const node = useClockSelectionStore((s) => s.node)
  const server = useClockSelectionStore((s) => s.server)
  const inspection = useInspection(node)
  const index = run.nodes.findIndex((n) => n.id === node)
  const meta = run.nodes[index]
  const state = algorithm ? (inspection?.protocols[algorithm]?.state ?? null) : null

  return (
    <section
      className="panel node-inspector"
      data-testid="node-inspector"
      aria-labelledby="inspector-title"
    >
      <div className="inspector-head">
        <h3 id="inspector-title">{t('clock.inspector.title')}</h3>
        <label className="picker">
          <span className="picker-label">{t('clock.inspector.node')}</span>
          <select
            data-testid="inspect-node"
            value={node ?? ''}
            onChange={(e) => selectNode(e.target.value)}
          >
            {run.nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.reference ? `${n.id} (${t('clock.referenceMark')})` : n.id}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="inspector-hint">{t('clock.inspector.hint')}</p>
      {meta && node && (
        <>
          <p
            className="inspector-status"
            data-testid="inspector-status"
            data-status={inspection?.status ?? ''}
          >
            {meta.reference && <span className="ref-mark">{t('clock.referenceMark')}</span>}{' '}
            {t('clock.inspector.status', {
              status: inspection ? t(`status.${inspection.status}`) : '…',
            })}
          </p>
          <Perturb key={node} node={node} index={index} />
          {inspection?.status === 'crashed' && (
            <p className="inspector-note">{t('clock.inspector.crashed')}</p>
          )}
          {state !== null && algorithm === 'ntp' && (
            <NtpDetail node={node} state={state as NtpState} server={server} />
          )}
          {state !== null && algorithm === 'cristian' && (
            <CristianDetail state={state as CristianState} />
          )}
          {state !== null && algorithm === 'sntp' && (
            <SntpDetail node={node} state={state as SntpState} />
          )}
          {state !== null && algorithm === 'berkeley' && (
            <BerkeleyDetail state={state as BerkeleyState} />
          )}
          {state !== null && algorithm === 'naive' && <NaiveDetail state={state as NaiveState} />}
          {!algorithm && <p className="inspector-note">{t('clock.inspector.noSync')}</p>}
          {inspection && (
            <LogicalDetail inspection={inspection} nodes={run.nodes.map((n) => n.id)} />
          )}
        </>
      )}
    </section>
  )
}
