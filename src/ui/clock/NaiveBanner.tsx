import { useT } from '../i18n'

/**
 * The seed tutorial's update rule, run on purpose and labelled as wrong (docs/algorithms.md §0): with
 * Δt = t − t_ref it sets t ← t + Δt, which doubles the error every round instead of removing it.
 */
export function NaiveBanner() {
  const t = useT()
  return (
    <div className="naive-banner" role="note" data-testid="naive-banner">
      <strong>{t('clock.naive.title')}</strong>
      <p>{t('clock.naive.rule')}</p>
      <p>{t('clock.naive.example')}</p>
      <p>{t('clock.naive.fix')}</p>
    </div>
  )
}
