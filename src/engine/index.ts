/** The engine's public surface: what worker, cli, bench and tests import. */
import { Simulation, type SimulationOptions } from './sim/simulation'
import { observerDefs, protocolDefs } from './protocols/registry'
import type { Scenario } from './scenario/schema'

export { Simulation } from './sim/simulation'
export { SimulationStalled } from './sim/stall'
export { CLI_LIMITS, UI_LIMITS, estimateWork, overLimits, type WorkEstimate } from './sim/budget'
export { MAX_SCENARIO_BYTES, parseScenarioText } from './scenario/text'
export type { World, NodeStatus, Message, Input } from './sim/world'
export type { LiveInput } from './sim/simulation'
export type { TraceRecord, TraceSink } from './sim/records'
export { runAndSummarize, summarize, type Summary } from './sim/summary'
export { parseScenario, type Scenario, type ScenarioInput } from './scenario/schema'
/** zod, configured for the app's Content-Security-Policy (no eval): the one way to build schemas */
export { z } from './scenario/zod'
export {
  interventionSchema,
  type Intervention,
  type TimedIntervention,
} from './scenario/interventions'
export type { ClientOp } from './protocols/protocol'
export { VECTOR_MAX_NODES, type LogicalStamp } from './logical/nodeClocks'
export { compareVectors, type Causality } from './logical/vector'
export { inspectPaxos, type PaxosNodeView } from './protocols/paxos/inspect'
export type { LogEntry } from './protocols/paxos/entry'
export { asPaxosEvent, type PaxosEvent, type PaxosEvents } from './protocols/paxos/events'
export { consensusVariants, type ConsensusVariant } from './scenario/schema'
export { CONSENSUS_INVARIANTS, type ConsensusInvariant } from './checkers/consensus/state'
export { inspectNtp, type NtpView, type NtpPeerView } from './protocols/ntp/inspect'
export type { NtpState, SystemVars as NtpSystemVars } from './protocols/ntp/ntp'
export type {
  Peer as NtpPeer,
  PeerStatus as NtpPeerStatus,
  Exchange as NtpExchange,
} from './protocols/ntp/peer'
export type {
  ClockState as NtpClockState,
  Discipline as NtpDiscipline,
} from './protocols/ntp/discipline'
export {
  intersect as marzulloIntersect,
  type Interval,
  type Intersection,
} from './protocols/ntp/select'
export type { SntpState } from './protocols/sntp/sntp'
export type { BerkeleyState, BerkeleyRound, BerkeleyEstimate } from './protocols/berkeley/berkeley'
export type { NaiveState } from './protocols/naive/naive'

/** A simulation of `scenario` with every protocol and checker the engine knows. */
export function createSimulation(scenario: Scenario, opts: SimulationOptions = {}): Simulation {
  return new Simulation(scenario, protocolDefs, observerDefs, opts)
}

// What the worker, the CLI and the benchmarks need beyond the simulation itself (they import the
// engine only through this file: ESLint no-restricted-imports).
export { peekLocal, trueTimeOf } from './clock/hardwareClock'
export { linkKey, type DropReason } from './network/network'
export { nodesNamed } from './scenario/interventions'
export { presets, DEFAULT_PRESET, type Preset } from './scenario/presets'
export { defaultServers } from './protocols/servers'
export type { ProtocolDef } from './protocols/protocol'
export type { CristianState } from './protocols/cristian/cristian'
export type { ChronyState } from './protocols/chrony/chrony'
export { consensusCheckState } from './checkers/consensus/state'
export { formatBallot, type Ballot } from './protocols/paxos/ballot'
export type { PaxosConfig } from './protocols/paxos/config'
export type { PaxosState } from './protocols/paxos/state'
/** Probes for tests and benchmarks: a ping protocol and scenario shorthands. */
export { pingProtocol, scenarioOf, simOf } from './testing/probes'
export { encodeShare } from './scenario/shareCodec'
export { asStoreEvent, type StoreEvent, type StoreEvents } from './protocols/store/events'
export { TRANSACTION_INVARIANTS, type TransactionInvariant } from './checkers/transactions/state'
export { keyShard } from './protocols/store/config'
export type { StoreState } from './protocols/store/state'
export type { StoreMessageKind } from './protocols/store/messages'
export { groupOfEvent } from './protocols/paxos/group'
