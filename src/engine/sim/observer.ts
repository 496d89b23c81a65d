import type { Scenario } from '../scenario/schema'

/**
 * Checkers and metrics watch the run from outside the nodes: they see true time and every
 * emitted event, and may report violations. Their state is plain data (snapshot-safe).
 */
export interface ObserverDef<S = unknown> {
  readonly name: string
  configure(scenario: Scenario): S | null
  onEmit?(
    api: ObserverApi,
    state: S,
    node: string,
    event: string,
    data: Record<string, unknown> | undefined,
  ): void
  /** Fields merged into the CLI summary. */
  summarize?(state: S, api: ObserverApi): Record<string, unknown>
}

export interface ObserverApi {
  /** true simulated time */
  readonly t: number
  violation(invariant: string, detail: string, nodes?: string[]): void
  /** local − true time of a node now (seconds) */
  offsetOf(node: string): number
  statusOf(node: string): 'up' | 'crashed' | 'paused'
}
