import { useCallback, useRef } from 'react'
import type { Frame } from '../../../worker/wire'
import { usePainter } from '../../frameLoop'
import { t as tNow, useT, type MessageKey } from '../../i18n'
import { clockQuality } from '../quality'
import { formatDuration, type TimeUnit } from '../format/units'
import { writeText } from '../../domWrites'

/**
 * Precision beside accuracy, painted per frame; the caption says why they differ (or do not)
 * for the running algorithm.
 */
const CAPTIONS: Record<string, MessageKey> = {
  ntp: 'clock.quality.captionNtp',
  sntp: 'clock.quality.captionSntp',
  cristian: 'clock.quality.captionCristian',
  berkeley: 'clock.quality.captionBerkeley',
  naive: 'clock.quality.captionNaive',
}

export function QualityReadout({ algorithm }: { algorithm: string | null }) {
  const t = useT()
  const precision = useRef<HTMLElement>(null)
  const accuracy = useRef<HTMLElement>(null)

  const paint = useCallback((frame: Frame) => {
    const q = clockQuality(frame)
    const unit = (u: TimeUnit) => tNow(u.key)
    for (const [el, v] of [
      [precision.current, q.precision],
      [accuracy.current, q.accuracy],
    ] as const) {
      if (!el) continue
      el.dataset.value = String(v)
      writeText(el, formatDuration(v, unit))
    }
  }, [])
  usePainter(paint)

  return (
    <div className="clock-quality">
      <dl className="quality-figures">
        <div>
          <dt title={t('clock.quality.precisionHint')}>{t('clock.quality.precision')}</dt>
          <dd className="num" data-testid="clock-precision" ref={precision} />
        </div>
        <div>
          <dt title={t('clock.quality.accuracyHint')}>{t('clock.quality.accuracy')}</dt>
          <dd className="num" data-testid="clock-accuracy" ref={accuracy} />
        </div>
      </dl>
      <p className="quality-caption">
        {t('clock.quality.definition')}{' '}
        {t(CAPTIONS[algorithm ?? ''] ?? 'clock.quality.captionFree')}
      </p>
    </div>
  )
}
