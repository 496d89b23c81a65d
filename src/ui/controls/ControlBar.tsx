import { useCallback, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Frame } from '../../worker/wire'
import { formatClock, formatSpeed } from '../format/quantities'
import { usePainter } from '../frameLoop'
import { t as tNow, useT } from '../i18n'
import { resetRun } from '../perturb/actions'
import { setSkipQuiet, setSpeed, step, togglePlay } from '../sim/actions'
import { useRunStore, type RunState } from '../store/runStore'
import { paintEffectiveSpeed } from './effectiveSpeed'
import { SLIDER_STEPS, sliderToSpeed, speedToSlider } from './speedScale'
import { ToolButton } from './ToolButton'
import { writeText } from '../domWrites'

const selectControls = (s: RunState) => ({
  playing: s.playing,
  speed: s.speed,
  skipQuiet: s.skipQuiet,
  ready: s.run !== null,
})

const ICONS = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  step: 'M3 2.5v11l7-5.5zM11 3h2.5v10H11z',
  reset: 'M8 3a5 5 0 1 1-4.6 3h1.7A3.4 3.4 0 1 0 8 4.6V7L4.5 3.8 8 .6z',
}

/** Play/pause, step, reset, speed and the simulated-time readout (painted at the readout rate). */
export function ControlBar() {
  const t = useT()
  const { playing, speed, skipQuiet, ready } = useRunStore(useShallow(selectControls))
  const simTime = useRef<HTMLOutputElement>(null)
  const pace = useRef<HTMLSpanElement>(null)
  const limited = useRef<HTMLSpanElement>(null)
  const effective = useRef<HTMLSpanElement>(null)

  // a readout (frameLoop.ts): readable digits, a few changes a second
  const paint = useCallback((frame: Frame) => {
    writeText(simTime.current, formatClock(frame.now))
    if (pace.current) {
      writeText(pace.current, frame.pace === 'skipping' ? tNow('controls.paceSkipping') : '')
      pace.current.dataset.pace = frame.pace
    }
    // The worker simulates at most TICK_BUDGET_MS per tick (worker/pacing.ts): a run whose
    // events outpace the machine goes slower than asked rather than freezing, and says so here.
    if (limited.current) {
      const behind = frame.pace === 'behind'
      limited.current.hidden = !behind
      writeText(
        limited.current,
        behind ? tNow('controls.speedLimited', { rate: formatSpeed(frame.rate) }) : '',
      )
    }
    if (effective.current) paintEffectiveSpeed(effective.current, frame)
  }, [])
  usePainter(paint)

  const speedText = t('controls.speedValue', { speed: formatSpeed(speed) })
  return (
    <div className="control-bar" role="toolbar" aria-label={t('controls.label')}>
      <div className="control-group">
        <ToolButton
          testId="play-pause"
          primary
          pressed={playing}
          label={playing ? t('controls.pause') : t('controls.play')}
          title={playing ? t('controls.pauseHint') : t('controls.playHint')}
          icon={playing ? ICONS.pause : ICONS.play}
          disabled={!ready}
          onClick={togglePlay}
        />
        <ToolButton
          testId="step"
          label={t('controls.step')}
          title={t('controls.stepHint')}
          icon={ICONS.step}
          disabled={!ready}
          onClick={step}
        />
        <ToolButton
          testId="reset"
          label={t('controls.reset')}
          title={t('controls.resetHint')}
          icon={ICONS.reset}
          disabled={!ready}
          onClick={resetRun}
        />
      </div>

      <div className="control-group speed-group">
        <label className="speed-label" htmlFor="speed" title={t('controls.speedHint')}>
          {t('controls.speed')}
        </label>
        <input
          id="speed"
          type="range"
          data-testid="speed"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={speedToSlider(speed)}
          aria-valuetext={t('controls.speedAria', { speed: formatSpeed(speed) })}
          title={t('controls.speedHint')}
          onChange={(e) => setSpeed(sliderToSpeed(Number(e.target.value)))}
        />
        <span className="speed-readout">{speedText}</span>
        <span
          className="speed-effective"
          ref={effective}
          data-testid="speed-effective"
          title={t('controls.speedEffectiveHint')}
          hidden
        />
        <span className="pace-slot">
          <span className="pace" ref={pace} aria-live="off" />
          <span
            className="pace pace-limited"
            ref={limited}
            data-testid="speed-limited"
            title={t('controls.speedLimitedHint')}
            hidden
          />
        </span>
      </div>

      <label className="control-group checkbox" title={t('controls.skipQuietHint')}>
        <input
          type="checkbox"
          checked={skipQuiet}
          onChange={(e) => setSkipQuiet(e.target.checked)}
        />
        <span>{t('controls.skipQuiet')}</span>
      </label>

      <div className="control-group sim-time">
        <span className="sim-time-label">{t('controls.simTime')}</span>
        <output data-testid="sim-time" ref={simTime} className="sim-time-value" />
        <span className="sim-time-unit">{t('unit.s')}</span>
      </div>
    </div>
  )
}
