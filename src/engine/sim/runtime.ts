import type { AimLimit } from '../clock/hardwareClock'
import type { Scenario } from '../scenario/schema'
import type { ProtocolContext, ProtocolDef } from '../protocols/protocol'
import type { ObserverDef } from './observer'
import type { TraceSink } from './records'
import type { ProgressGuard } from './stall'
import type { World } from './world'

/** One protocol configured for this run: its definition, configuration and member nodes. */
export interface ConfiguredProtocol {
  def: ProtocolDef
  config: unknown
  members: boolean[]
}

/**
 * What the simulator's parts share: the fixed setup of a run and its current world. `world` is
 * replaced wholesale on restore, so the parts read it through this object every time.
 */
export interface Runtime {
  readonly scenario: Scenario
  readonly nodeIds: readonly string[]
  readonly protocols: readonly ConfiguredProtocol[]
  readonly observerDefs: readonly ObserverDef[]
  world: World
  trace: TraceSink | undefined
  /** [node][protocol]: what each protocol instance sees of its node */
  ctxs: ProtocolContext[][]
  /** scratch for timer aiming (reports whether the aim stopped at a waypoint) */
  readonly aimLimit: AimLimit
  /** the zero-progress guard (stall.ts) */
  readonly guard: ProgressGuard
  indexOf(id: string): number
}
