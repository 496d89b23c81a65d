import { describe, expect, it } from 'vitest'
import { adaptPoll, afterSend, beginPoll, type PollSchedule } from './poll'

const range = { minPoll: 6, maxPoll: 10 }

describe('poll adaptation (ntpd local_clock)', () => {
  it('climbs by τ while |Θ| < 4·jitter and doubles the poll past 30', () => {
    const d = { poll: 6, pollCounter: 0, offset: 1e-5, jitter: 1e-4, holdoff: 0 }
    const seen: number[] = []
    for (let i = 0; i < 12; i++) {
      adaptPoll(d, range)
      seen.push(d.poll)
    }
    expect(seen.slice(0, 6)).toEqual([6, 6, 6, 6, 6, 7])
    expect(Math.max(...seen)).toBeLessThanOrEqual(10)
  })

  it('falls by 2τ on large offsets and halves the poll past −30, never below minPoll', () => {
    const d = { poll: 7, pollCounter: 0, offset: 1e-2, jitter: 1e-4, holdoff: 0 }
    adaptPoll(d, range)
    adaptPoll(d, range)
    expect(d.poll).toBe(7)
    adaptPoll(d, range)
    expect(d.poll).toBe(6)
    for (let i = 0; i < 10; i++) adaptPoll(d, range)
    expect(d.poll).toBe(6)
  })

  it('is frozen during the startup holdoff', () => {
    const d = { poll: 6, pollCounter: 20, offset: 0, jitter: 1e-4, holdoff: 100 }
    adaptPoll(d, range)
    expect(d).toMatchObject({ poll: 6, pollCounter: 0 })
  })
})

describe('transmit schedule: reach register, iburst, burst', () => {
  const fresh = (): PollSchedule => ({
    reach: 0,
    nextPoll: 1,
    pollStart: 1,
    burstLeft: 0,
  })

  it('iburst: eight packets two seconds apart while unreachable, then one per poll', () => {
    const p = fresh()
    const sent: number[] = []
    for (let tick = 1; tick < 200; tick++) {
      if (p.nextPoll > tick) continue
      if (p.burstLeft === 0) beginPoll(p, tick, { iburst: true, burst: 1 })
      sent.push(tick)
      p.reach |= 1 // the server answers
      afterSend(p, tick, 64)
    }
    expect(sent).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 65, 129, 193])
  })

  it('reach shifts left each poll and keeps 8 bits; a reply sets bit 0', () => {
    const p = fresh()
    for (let i = 0; i < 10; i++) {
      beginPoll(p, i, { iburst: true, burst: 1 })
      p.reach |= 1
    }
    expect(p.reach).toBe(0xff)
    beginPoll(p, 10, { iburst: true, burst: 1 })
    expect(p.reach).toBe(0xfe)
  })

  it('reports three silent polls, and sends an iburst once the server is unreachable', () => {
    const p = fresh()
    p.reach = 1
    const silent = [1, 2, 3, 4].map((t) => beginPoll(p, t, { iburst: true, burst: 1 }).silent)
    expect(silent).toEqual([false, false, true, true])
    for (let t = 5; t < 8; t++) beginPoll(p, t, { iburst: true, burst: 1 })
    expect(p.burstLeft).toBe(1)
    beginPoll(p, 8, { iburst: true, burst: 1 })
    expect(p.reach).toBe(0)
    expect(p.burstLeft).toBe(8) // the poll that finds it unreachable sends an iburst
  })

  it('burst: several packets per poll while the server answers', () => {
    const p = fresh()
    p.reach = 1
    beginPoll(p, 1, { iburst: true, burst: 8 })
    expect(p.burstLeft).toBe(8)
  })
})
