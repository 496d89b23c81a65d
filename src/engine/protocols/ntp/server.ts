import type { ProtocolContext } from '../protocol'
import { REPLY, type NtpReply, type NtpRequest } from './onWire'

/** What a node tells its clients about its own synchronisation (RFC 5905 system variables). */
export interface ServedClock {
  /** 1 for a reference clock, 16 when not synchronised */
  stratum: number
  rootDelay: number
  /** root dispersion as of now (already grown at PHI since the last clock update) */
  rootDisp: number
  refId: string | null
  precision: number
}

/**
 * Server mode (RFC 5905 §8, mode 4 reply): echo T1, stamp T2 and T3 from `serveTime()` (so a
 * falseticker's lie goes on the wire), and describe our synchronisation so the client can judge
 * us. The engine has no processing delay, so T2 = T3.
 */
export function answerRequest(
  ctx: ProtocolContext,
  from: string,
  body: unknown,
  served: ServedClock,
): void {
  const t = ctx.serveTime()
  const reply: NtpReply = {
    org: (body as NtpRequest).xmt,
    rec: t,
    xmt: t,
    stratum: served.stratum,
    precision: served.precision,
    rootDelay: served.rootDelay,
    rootDisp: served.rootDisp,
    refId: served.refId,
  }
  ctx.send(from, REPLY, reply)
}
