import type { ProtocolContext } from '../protocol'
import { PHI } from './constants'
import type { Exchange } from './peer'

/**
 * The on-wire protocol (RFC 5905 §8): a client request carries its transmit time T1; the server
 * answers with T1 echoed (`org`), its receive time T2 and its transmit time T3, read on the
 * server's clock; the client notes T4 on arrival. SNTP (RFC 4330) uses the same packets.
 */
export interface NtpRequest {
  /** T1, the client's clock when it sent the request */
  xmt: number
}

export interface NtpReply {
  /** T1 echoed back: proves the reply answers the request we sent */
  org: number
  /** T2, server clock at receipt */
  rec: number
  /** T3, server clock at transmission; also the reply's identity for the duplicate check */
  xmt: number
  /** 1 for a reference clock, the server's own stratum + 1 otherwise, 16 = not synchronised */
  stratum: number
  /** the server's clock resolution (s) */
  precision: number
  /** round-trip delay and dispersion from the server up to its stratum-1 source */
  rootDelay: number
  rootDisp: number
  /** the server's own system peer (loop detection), null for a reference clock */
  refId: string | null
}

export const REQUEST = 'ntpRequest'
export const REPLY = 'ntpReply'

export interface Timestamps {
  t1: number
  t2: number
  t3: number
  t4: number
}

export interface OnWireSample {
  /** θ: server minus client, what the client adds to its clock */
  offset: number
  /** δ: round-trip delay without the server's turnaround */
  delay: number
  /** ε₀: how uncertain the sample is when taken */
  disp: number
}

/**
 * RFC 5905 §8: θ = ((T2 − T1) + (T3 − T4)) / 2 and δ = (T4 − T1) − (T3 − T2), δ floored at the
 * client's precision (a zero or negative delay only ever comes from clock resolution).
 * With one-way delays d↑ and d↓ the measured θ is off by (d↑ − d↓)/2, at most δ/2.
 * RFC 5905 §9.2: ε₀ = ρ_r + ρ_s + PHI·(T4 − T1), both clocks' precision plus the tolerance
 * of our own clock over the round trip.
 */
export function onWireSample(
  ts: Timestamps,
  precision: number,
  serverPrecision: number,
): OnWireSample {
  const offset = (ts.t2 - ts.t1 + (ts.t3 - ts.t4)) / 2
  const delay = Math.max(ts.t4 - ts.t1 - (ts.t3 - ts.t2), precision)
  const disp = serverPrecision + precision + PHI * Math.max(0, ts.t4 - ts.t1)
  return { offset, delay, disp }
}

export type ReplyVerdict = 'ok' | 'duplicate' | 'bogus'

/**
 * RFC 5905 §8 packet checks: a reply whose T3 equals the last one seen is a duplicate (the
 * network delivered it twice); one whose echoed T1 is not the request outstanding is bogus
 * (stale, or not an answer to us at all).
 */
export function checkReply(
  outstanding: number | null,
  lastServerXmt: number | null,
  reply: NtpReply,
): ReplyVerdict {
  if (lastServerXmt !== null && reply.xmt === lastServerXmt) return 'duplicate'
  if (outstanding === null || reply.org !== outstanding) return 'bogus'
  return 'ok'
}

/**
 * A valid reply completes an exchange: its T1–T4 with θ and δ, emitted for the views (the
 * exchange the inspector works out), and the sample the client's algorithm takes from it.
 */
export function completeExchange(
  ctx: ProtocolContext,
  server: string,
  reply: NtpReply,
  t4: number,
  precision: number,
): { exchange: Exchange; sample: OnWireSample } {
  const ts = { t1: reply.org, t2: reply.rec, t3: reply.xmt, t4 }
  const sample = onWireSample(ts, precision, reply.precision)
  const exchange = { server, ...ts, offset: sample.offset, delay: sample.delay }
  ctx.emit('exchange', { ...exchange })
  return { exchange, sample }
}
