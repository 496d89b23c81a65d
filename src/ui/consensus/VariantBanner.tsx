import { useShallow } from 'zustand/react/shallow'
import { presetText, useLangStore, useT } from '../i18n'
import { useRunStore, type RunState } from '../store/runStore'
import { useConsensusStore, type ConsensusState } from './consensusStore'
import './consensus.css'

const selectRun = (s: RunState) => ({ runId: s.run?.runId ?? -2, source: s.run?.source ?? null })
const selectVariant = (s: ConsensusState) => ({ runId: s.runId, variant: s.meta?.variant })

/**
 * A deliberately broken teaching variant (docs/scenario-format.md `consensus.variant`) is never shown
 * without saying so: what is broken, what goes wrong because of it, and — for a built-in
 * scenario — what to try.
 */
export function VariantBanner() {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const run = useRunStore(useShallow(selectRun))
  const c = useConsensusStore(useShallow(selectVariant))
  if (c.runId !== run.runId || !c.variant || c.variant === 'correct') return null
  const tryThis = run.source?.kind === 'preset' ? presetText(lang, run.source.id, '').blurb : ''
  return (
    <div
      className="banner banner-broken"
      role="note"
      data-testid="variant-banner"
      data-variant={c.variant}
    >
      <div className="banner-body">
        <strong>
          <span className="broken-tag">{t('variant.broken')}</span>
          {t(`variant.${c.variant}.title`)}
        </strong>
        <span>{t(`variant.${c.variant}.body`)}</span>
        {tryThis && <span className="banner-note">{tryThis}</span>}
      </div>
    </div>
  )
}
