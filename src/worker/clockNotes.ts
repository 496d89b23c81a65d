import type { TraceRecord } from '../engine'

/**
 * Moments of a run the clock views keep showing after they have passed: protocol state holds
 * only the latest round, and at a high speed the round that made the point is gone before anyone
 * looks. Gathered from the trace (the protocols' `emit` events), so nothing is added to the engine.
 */
export interface ClockNotes {
  /** the last Berkeley round whose fault-tolerant average left clocks out */
  outliers: { round: number; at: number; nodes: string[] } | null
}

export function createClockNotes(): { notes: ClockNotes; trace(rec: TraceRecord): void } {
  const notes: ClockNotes = { outliers: null }
  return {
    notes,
    trace(rec) {
      // a seek went back: what was noted after that point belongs to the abandoned future
      if (notes.outliers && rec.t < notes.outliers.at) notes.outliers = null
      if (rec.type !== 'emit' || rec.event !== 'berkeleyRound') return
      const d = rec.data as { round: number; outliers: string[] }
      if (d.outliers.length > 0)
        notes.outliers = { round: d.round, at: rec.t, nodes: [...d.outliers] }
    },
  }
}
