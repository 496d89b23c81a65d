import { useT } from '../i18n'
import { GROUP_COLOURS } from '../palette'
import { applyPartition, cancelPartition, setBrush } from '../perturb/actions'
import { GROUP_COUNT, groupName, type PartitionDraft as Draft } from '../perturb/partition'

/**
 * The partition tool's options: the group a clicked node goes to (the brush), apply and
 * cancel. The groups are drawn on the map itself (perturb/GroupHalos.tsx).
 */
export function PartitionDraft({ draft }: { draft: Draft }) {
  const t = useT()
  return (
    <div className="tool-options partition-draft" data-testid="partition-draft">
      <div className="brush-row" role="radiogroup" aria-label={t('perturb.brush')}>
        <span className="brush-label">{t('perturb.brush')}</span>
        {Array.from({ length: GROUP_COUNT }, (_, g) => (
          <button
            key={g}
            type="button"
            role="radio"
            aria-checked={draft.brush === g}
            aria-label={t('perturb.group', { name: groupName(g) })}
            data-testid={`partition-brush-${groupName(g)}`}
            className={`brush${draft.brush === g ? ' active' : ''}`}
            style={{ ['--group' as string]: GROUP_COLOURS[g] }}
            onClick={() => setBrush(g)}
          >
            {groupName(g)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="partition-apply"
        onClick={applyPartition}
      >
        {t('perturb.apply')}
      </button>
      <button type="button" className="btn" onClick={cancelPartition}>
        {t('perturb.cancel')}
      </button>
    </div>
  )
}
