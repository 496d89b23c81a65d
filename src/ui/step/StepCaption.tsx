import { useStepStore } from './stepStore'
import './step.css'

/**
 * What the last Step did, in one line over the foot of the map: a polite live region, always in
 * the page (a region that appears with its text is not announced), empty when there is nothing.
 */
export function StepCaption() {
  const caption = useStepStore((s) => s.summary?.caption ?? '')
  return (
    <p className="step-caption" data-testid="step-caption" aria-live="polite">
      {caption}
    </p>
  )
}
