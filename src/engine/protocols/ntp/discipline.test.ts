import { describe, expect, it } from 'vitest'
import { advanceTo, createClock, peekLocal, setFrequency } from '../../clock/hardwareClock'
import {
  absorb,
  planAdjust,
  createDiscipline,
  gainForSlope,
  localClock,
  rateForGain,
  type DisciplineConfig,
} from './discipline'

const cfg: DisciplineConfig = {
  stepThreshold: 0.128,
  stepout: 300,
  panicThreshold: 1000,
  maxFreq: 500e-6,
  minPoll: 6,
  maxPoll: 10,
  precision: 1e-6,
}

/** Run the adjust process for `seconds`, stretch by stretch, charging what the clock gains. */
function runAdjust(d: ReturnType<typeof createDiscipline>, seconds: number): number {
  let gained = 0
  while (seconds > 0) {
    const plan = planAdjust(d, cfg, seconds)
    absorb(d, plan.phase * plan.seconds)
    gained += plan.phase * plan.seconds
    seconds -= plan.seconds
  }
  return gained
}

/** A discipline already in SYNC with the startup holdoff over. */
function synced() {
  const d = createDiscipline(cfg, 6, 0)
  d.state = 'SYNC'
  d.holdoff = 0
  return d
}

describe('discipline thresholds (ntpd local_clock)', () => {
  it('panics beyond 1000 s and leaves the state alone', () => {
    const d = createDiscipline(cfg, 6, 0)
    expect(localClock(d, 1000.5, 10, cfg)).toBe('panic')
    expect(localClock(d, -2000, 10, cfg)).toBe('panic')
    expect(d.state).toBe('NSET')
  })

  it('NSET: a large first offset is stepped at once, then FREQ', () => {
    const d = createDiscipline(cfg, 6, 0)
    expect(localClock(d, 0.5, 10, cfg)).toBe('step')
    expect(d.state).toBe('FREQ')
    expect(d.offset).toBe(0)
  })

  it('NSET: a small first offset is slewed at the full rate, then FREQ', () => {
    const d = createDiscipline(cfg, 6, 0)
    expect(localClock(d, 0.1, 10, cfg)).toBe('slew')
    expect(d.state).toBe('FREQ')
    expect(d.slew).toBe(0.1)
    // the clock-adjust process absorbs it at 500 µs per second: 200 s, in one stretch
    expect(planAdjust(d, cfg, 1000)).toEqual({ seconds: 200, phase: 500e-6 })
    expect(runAdjust(d, 200)).toBeCloseTo(0.1, 12)
    expect(d.slew).toBeCloseTo(0, 12)
  })

  it('FREQ: ignores updates for the stepout, then sets the frequency directly and goes SYNC', () => {
    const d = createDiscipline(cfg, 6, 0)
    localClock(d, 0.001, 10, cfg)
    runAdjust(d, 10) // the initial slew completes
    expect(localClock(d, -0.01, 200, cfg)).toBe('ignore')
    expect(d.state).toBe('FREQ')
    // 310 s after the first update the clock has gained 31 ms: it runs 100 ppm fast
    expect(localClock(d, -0.031, 320, cfg)).toBe('slew')
    expect(d.state).toBe('SYNC')
    // −100 ppm per local second is a gain of −100/(1 − 100e-6) ppm (gainForSlope)
    expect(d.freq).toBeCloseTo(-100e-6 / (1 - 100e-6), 15)
    expect(d.offset).toBe(-0.031)
  })

  it('SYNC: a large offset is a spike, ignored until it outlasts the stepout, then stepped', () => {
    const d = synced()
    localClock(d, 0.0001, 1000, cfg)
    expect(localClock(d, 0.5, 1064, cfg)).toBe('spike')
    expect(d.state).toBe('SPIK')
    expect(localClock(d, 0.5, 1128, cfg)).toBe('ignore')
    expect(localClock(d, 0.5, 1256, cfg)).toBe('ignore')
    // 300 s after the last good update
    expect(localClock(d, 0.5, 1300, cfg)).toBe('step')
    expect(d.state).toBe('SYNC')
    expect(d.poll).toBe(cfg.minPoll)
  })

  it('SPIK: a good offset before the stepout returns to SYNC without stepping', () => {
    const d = synced()
    localClock(d, 0.0001, 1000, cfg)
    localClock(d, 0.5, 1064, cfg)
    expect(localClock(d, 0.0002, 1128, cfg)).toBe('slew')
    expect(d.state).toBe('SYNC')
  })

  it('the step threshold and stepout come from the configuration; 0 disables stepping', () => {
    const d = synced()
    const tight = { ...cfg, stepThreshold: 0.01, stepout: 60 }
    expect(localClock(d, 0.02, 100, tight)).toBe('spike')
    expect(localClock(d, 0.02, 170, tight)).toBe('step')
    const never = { ...cfg, stepThreshold: 0 }
    expect(localClock(synced(), 5, 100, never)).toBe('slew')
  })

  it('SYNC: the PLL moves the frequency by Θ·μ/(4·16·2^τ)²', () => {
    const d = synced()
    localClock(d, 0, 1000, cfg)
    localClock(d, 0.001, 1064, cfg)
    expect(d.freq).toBeCloseTo((0.001 * 64) / (4 * 16 * 64) ** 2, 15)
  })

  it('SYNC at τ ≥ 11: the FLL adds 0.25·(Θ − residual)/max(2^τ, μ)', () => {
    const d = synced()
    d.poll = 11
    localClock(d, 0, 0, { ...cfg, maxPoll: 12 })
    d.offset = 0
    localClock(d, 0.002, 2048, { ...cfg, maxPoll: 12 })
    const pll = (0.002 * 2048) / (4 * 16 * 2048) ** 2
    expect(d.freq).toBeCloseTo(pll + (0.25 * 0.002) / 2048, 15)
  })

  it('clock jitter averages successive offset differences |Θ − last Θ| (ntpd), not the drift from the residual', () => {
    const d = synced()
    localClock(d, 300e-6, 1000, cfg)
    d.jitter = cfg.precision
    // the amortisation removed 200 µs of it, and a steady frequency error brought it back
    absorb(d, 200e-6)
    localClock(d, 300e-6, 1128, cfg)
    expect(d.jitter).toBe(cfg.precision)
    localClock(d, 380e-6, 1256, cfg)
    expect(d.jitter).toBeCloseTo(Math.sqrt(1e-12 + (80e-6 ** 2 - 1e-12) / 8), 12)
  })

  it('FREQ: a fitted slope over the held samples replaces the two-point frequency', () => {
    const d = createDiscipline(cfg, 6, 0)
    localClock(d, 0.001, 10, cfg)
    runAdjust(d, 10)
    expect(localClock(d, -0.031, 320, cfg, -99.9e-6)).toBe('slew')
    expect(d.freq).toBe(gainForSlope(0, -99.9e-6))
  })

  it('the gain for a measured slope stops the drift exactly, even at large skews and with a gain already held', () => {
    for (const y of [-0.3, -5000e-6, 100e-6, 5000e-6, 0.4]) {
      for (const f0 of [0, 0.01, -0.2]) {
        // a clock at oscillator error y and gain f0 drifts at −(y + f0)/(1 + y) per local second
        const s = -(y + f0) / (1 + y)
        const g = gainForSlope(f0, s)
        expect((1 + y) * (1 + rateForGain(g))).toBeCloseTo(1, 14)
      }
    }
  })

  it('clamps the frequency to ±500 ppm', () => {
    const d = createDiscipline(cfg, 6, 0)
    localClock(d, 0.001, 0, cfg)
    runAdjust(d, 10)
    localClock(d, 0.127, 200, { ...cfg, stepout: 100 })
    expect(d.freq).toBe(500e-6)
  })
})

describe('clock-adjust process (ntpd adj_host_clock)', () => {
  it('amortises Θ/(16·2^τ) per second: a stretch gains exactly the per-second sum', () => {
    const d = synced()
    d.offset = 0.001
    d.freq = 20e-6
    const plan = planAdjust(d, cfg, 1000)
    expect(plan.seconds).toBe(16) // 2^τ/4: the steps are smooth enough to take in one piece
    let r = 0.001
    let sum = 0
    for (let k = 0; k < 16; k++) {
      sum += r / 1024
      r -= r / 1024
    }
    expect(plan.phase * plan.seconds).toBeCloseTo(sum, 15)
  })

  it('stops a stretch at the next poll', () => {
    const d = synced()
    d.offset = 0.001
    expect(planAdjust(d, cfg, 5).seconds).toBe(5)
  })

  it('uses a 32 s time constant during the startup holdoff, one second at a time, counting it down', () => {
    const d = synced()
    d.holdoff = 300
    d.offset = 0.0032
    expect(planAdjust(d, cfg, 1000)).toEqual({ seconds: 1, phase: 0.0001 })
    expect(d.holdoff).toBe(299)
  })

  it('limits the phase so that phase + frequency stays within ±500 ppm', () => {
    const d = synced()
    d.holdoff = 10
    d.offset = 1
    d.freq = 300e-6
    const plan = planAdjust(d, cfg, 1000)
    expect(plan.seconds).toBe(1)
    expect(plan.phase).toBeCloseTo(200e-6, 15)
  })

  it('nothing to correct: one stretch up to the next poll at zero phase', () => {
    const d = createDiscipline(cfg, 6, 0)
    expect(planAdjust(d, cfg, 64)).toEqual({ seconds: 64, phase: 0 })
  })

  it('holding rate u = g/(1 − g) for one local second gains exactly g over the oscillator', () => {
    for (const skewPpm of [0, 100, -300]) {
      const free = createClock({ offset: 0, skewPpm, wanderPpm: 0.01, resolution: 0 }, 7, 1)
      const held = createClock({ offset: 0, skewPpm, wanderPpm: 0.01, resolution: 0 }, 7, 1)
      const gain = 437e-6
      setFrequency(held, 0, rateForGain(gain))
      // find the true time at which `held` has advanced one local second
      let lo = 0
      let hi = 2
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2
        if (peekLocal(held, mid) < 1) lo = mid
        else hi = mid
      }
      advanceTo(free, lo)
      expect(1 - peekLocal(free, lo)).toBeCloseTo(gain, 13)
    }
  })
})
