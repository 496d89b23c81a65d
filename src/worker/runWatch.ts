import { linkKey } from '../engine'
import type { Simulation } from '../engine'
import type { LoggedInput } from './inputLog'
import type { NetworkView, WorkerMessage } from './wire'

/** 2^20: the engine's link key is from × LINK_BASE + to (network.ts `linkKey`). */
const LINK_BASE = linkKey(1, 0)

/** The network state interventions change, in the shape the UI draws. */
function networkView(sim: Simulation): NetworkView {
  const net = sim.network
  const cut = [...net.cut]
    .sort((a, b) => a - b)
    .map((k): [number, number] => [Math.floor(k / LINK_BASE), k % LINK_BASE])
  return {
    loss: net.loss,
    latency: { base: net.latency.base, jitter: net.latency.jitter },
    cut,
    groups: net.groups ? net.groups.slice() : null,
  }
}

/** The run's live inputs as the UI lists them (and as a session or a removal replays them). */
export function loggedInputs(sim: Simulation): LoggedInput[] {
  return sim
    .liveInputs()
    .map((x) => ('fault' in x ? { at: x.at, fault: x.fault } : { at: x.at, client: x.client }))
}

/**
 * Low-rate run state for the UI, posted only when it changed: the network as interventions left
 * it (cuts, partition, loss, latency) and the live input log. Checked at every frame, so it
 * follows scheduled faults, live clicks and anything that replaces the world (a rewind restores
 * a snapshot) alike, at the cost of a few comparisons per frame.
 */
export function createRunWatch() {
  let netKey = ''
  let groups: readonly number[] | null | undefined
  let inputs: unknown = undefined

  return {
    /** Forget what was sent: the next call reports everything (a new run). */
    reset() {
      netKey = ''
      groups = undefined
      inputs = undefined
    },
    messages(sim: Simulation, runId: number): WorkerMessage[] {
      const out: WorkerMessage[] = []
      const net = sim.network
      // the cut set is small and mutated in place; the groups array is replaced by every partition
      const key = `${net.loss}|${net.latency.base}|${net.latency.jitter}|${net.cut.size > 0 ? [...net.cut].join(',') : ''}`
      if (key !== netKey || net.groups !== groups) {
        netKey = key
        groups = net.groups
        out.push({ type: 'network', runId, network: networkView(sim) })
      }
      // `inject` and a rewind both replace the inputs array
      if (sim.inputs !== inputs) {
        inputs = sim.inputs
        out.push({ type: 'interventions', runId, inputs: loggedInputs(sim) })
      }
      return out
    },
  }
}
