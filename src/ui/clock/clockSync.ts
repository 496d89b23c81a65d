import type { RunMeta } from '../../worker/wire'

/** Protocols that discipline clocks (consensus protocols run on the clocks but leave them alone). */
const CLOCK_SYNC = ['ntp', 'chrony', 'sntp', 'cristian', 'berkeley', 'naive']

/** The run's clock-synchronisation algorithm, or null when none runs. */
export const algorithmOf = (run: RunMeta) =>
  run.protocols.find((p) => CLOCK_SYNC.includes(p)) ?? null
