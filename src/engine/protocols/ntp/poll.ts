import { BURST_PACKETS, BURST_SPACING, LIMIT, PGATE } from './constants'

/**
 * Poll process (RFC 5905 §13; ntpd `poll_update`, `transmit` and the tail of `local_clock`).
 */

/**
 * Poll-interval adaptation (ntpd `local_clock`): while the residual offset stays within PGATE
 * clock jitters the loop is quiet, so a counter climbs by τ and past LIMIT the poll interval
 * doubles; a larger offset pulls the counter down by 2τ and past −LIMIT halves it. The startup
 * holdoff freezes the counter. τ stays within [minPoll, maxPoll].
 */
export function adaptPoll(
  d: { poll: number; pollCounter: number; offset: number; jitter: number; holdoff: number },
  range: { minPoll: number; maxPoll: number },
): void {
  if (d.holdoff > 0) {
    d.pollCounter = 0
  } else if (Math.abs(d.offset) < PGATE * d.jitter) {
    d.pollCounter += d.poll
    if (d.pollCounter > LIMIT) {
      d.pollCounter = LIMIT
      if (d.poll < range.maxPoll) {
        d.pollCounter = 0
        d.poll++
      }
    }
  } else {
    d.pollCounter -= 2 * d.poll
    if (d.pollCounter < -LIMIT) {
      d.pollCounter = -LIMIT
      if (d.poll > range.minPoll) {
        d.pollCounter = 0
        d.poll--
      }
    }
  }
}

/** One server's transmit schedule, in process seconds (whole ticks of the node's 1 s timer). */
export interface PollSchedule {
  /** reach register: bit 0 set by a valid reply, shifted left at every poll (8 bits) */
  reach: number
  /** tick of the next packet */
  nextPoll: number
  /** tick the current poll began */
  pollStart: number
  /** packets of the current burst still to send */
  burstLeft: number
}

export interface BurstOptions {
  iburst: boolean
  /** packets per poll while reachable (1 = no burst; ntpd `burst` = 8) */
  burst: number
}

/**
 * Start a poll: shift the reach register and decide how many packets this poll sends.
 * RFC 5905 §13: with iburst, a poll that finds the server unreachable (at start, after a reset,
 * while it is down or unsynchronised) sends eight packets 2 s apart instead of one, so the
 * filter fills within seconds once it answers; `burst` does the same at every poll while the
 * server answers. Returns whether the server has missed the last three polls (the caller then
 * stuffs its filter with a dummy sample, RFC 5905 A.5.6).
 */
export function beginPoll(p: PollSchedule, tick: number, opts: BurstOptions): { silent: boolean } {
  const wasReachable = p.reach !== 0
  p.reach = (p.reach << 1) & 0xff
  let packets = opts.burst
  if (p.reach === 0) packets = opts.iburst ? BURST_PACKETS : 1
  p.pollStart = tick
  p.burstLeft = packets
  return { silent: wasReachable && (p.reach & 0x07) === 0 }
}

/** After sending one packet: the next of the burst 2 s on, or the next poll 2^τ after this one began. */
export function afterSend(p: PollSchedule, tick: number, pollSeconds: number): void {
  p.burstLeft--
  p.nextPoll =
    p.burstLeft > 0 ? tick + BURST_SPACING : Math.max(tick + 1, p.pollStart + pollSeconds)
}

/** The system poll interval changed: bring a later scheduled poll forward to the new interval. */
export function rescheduleForPoll(p: PollSchedule, tick: number, pollSeconds: number): void {
  if (p.burstLeft === 0)
    p.nextPoll = Math.max(tick + 1, Math.min(p.nextPoll, p.pollStart + pollSeconds))
}
