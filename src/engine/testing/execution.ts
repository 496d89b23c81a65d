/**
 * An abstract distributed execution for testing clocks against the definition of
 * happened-before (Lamport 1978): the transitive closure of program order and send → receive.
 */
export type Step =
  | { type: 'local'; node: number }
  | { type: 'send'; node: number; to: number }
  /** receive the `msg`-th message still in flight to `node` (modulo their number) */
  | { type: 'receive'; node: number; msg: number }

export interface ExecEvent {
  node: number
  /** index of the matching send event, for a receive */
  from: number | null
}

/** Plays `steps` (receives with nothing in flight are skipped) and returns the events in order. */
export function playExecution(nodes: number, steps: readonly Step[]): ExecEvent[] {
  const events: ExecEvent[] = []
  const inFlight: { to: number; send: number }[] = []
  for (const s of steps) {
    if (s.type === 'local') events.push({ node: s.node, from: null })
    else if (s.type === 'send') {
      inFlight.push({ to: s.to % nodes, send: events.length })
      events.push({ node: s.node, from: null })
    } else {
      const mine = inFlight.filter((m) => m.to === s.node)
      if (mine.length === 0) continue
      const m = mine[s.msg % mine.length]
      inFlight.splice(inFlight.indexOf(m), 1)
      events.push({ node: s.node, from: m.send })
    }
  }
  return events
}

/** hb[i][j]: event i happened before event j (events in the order they occurred). */
export function happenedBeforeMatrix(events: readonly ExecEvent[]): boolean[][] {
  const n = events.length
  const hb = events.map(() => new Array<boolean>(n).fill(false))
  const lastOn = new Map<number, number>()
  for (let j = 0; j < n; j++) {
    const preds: number[] = []
    const prev = lastOn.get(events[j].node)
    if (prev !== undefined) preds.push(prev)
    const from = events[j].from
    if (from !== null) preds.push(from)
    for (const p of preds) {
      hb[p][j] = true
      for (let i = 0; i < p; i++) if (hb[i][p]) hb[i][j] = true
    }
    lastOn.set(events[j].node, j)
  }
  return hb
}
