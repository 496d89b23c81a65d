/**
 * The NTP on-wire arithmetic as the exchange diagram shows it (RFC 5905 §8), term by term, from
 * the four timestamps of one exchange: T1 client sends, T2 server receives, T3 server replies,
 * T4 client receives. T1 and T4 are read on the client's clock, T2 and T3 on the server's.
 */
export interface ExchangeTerms {
  /** T2 − T1: request leg, as the two clocks see it (true delay plus the server's lead) */
  up: number
  /** T3 − T4: reply leg, negated (the server's lead minus the true delay) */
  down: number
  /** θ = ((T2 − T1) + (T3 − T4)) / 2: server minus client, what the client adds to its clock */
  theta: number
  /** T4 − T1: the whole round trip on the client's clock */
  roundTrip: number
  /** T3 − T2: the server's turnaround on its own clock */
  turnaround: number
  /** δ = (T4 − T1) − (T3 − T2): the time spent on the wire */
  delay: number
  /** |θ error| ≤ δ/2: the most path asymmetry can hide */
  errorBound: number
}

export function exchangeTerms(ts: {
  t1: number
  t2: number
  t3: number
  t4: number
}): ExchangeTerms {
  const up = ts.t2 - ts.t1
  const down = ts.t3 - ts.t4
  const roundTrip = ts.t4 - ts.t1
  const turnaround = ts.t3 - ts.t2
  // same operation order as the engine (onWire.ts), so θ here is bit-identical to the client's
  const theta = (ts.t2 - ts.t1 + (ts.t3 - ts.t4)) / 2
  const delay = ts.t4 - ts.t1 - (ts.t3 - ts.t2)
  return { up, down, theta, roundTrip, turnaround, delay, errorBound: Math.abs(delay) / 2 }
}
