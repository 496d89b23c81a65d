import type { Frame } from '../../worker/wire'
import { formatSpeed } from '../format/quantities'
import { t } from '../i18n'
import { useRunStore } from '../store/runStore'
import { createRateMeter } from './rateMeter'
import { writeText } from '../domWrites'

/** One meter for the one run strip (the embedded page has the same one control bar). */
const meter = createRateMeter()

/**
 * The `speed-effective` readout, at the readout rate: with quiet periods skipped the slider's
 * number is not the pace, so say what is measured; hidden while nothing is skipped or measured.
 */
export function paintEffectiveSpeed(el: HTMLElement, frame: Frame): void {
  const rate = meter.add(frame.runId, performance.now(), frame.now, frame.running)
  const show = rate !== null && useRunStore.getState().skipQuiet
  el.hidden = !show
  writeText(el, show ? t('controls.speedEffective', { rate: formatSpeed(rate) }) : '')
  if (show) el.dataset.rate = String(rate)
}
