/**
 * Physical bounds on the scenario's numbers (docs/scenario-format.md, "Bounds"). They are wide
 * enough for every demonstration (a clock off by decades, a 50 % frequency error, a one-hour
 * network delay) and narrow enough that a run stays computable: a clock reading keeps a float
 * resolution (ulp ≈ 1.2e-7 s at 1e9 s) far finer than the shortest timer (MIN_INTERVAL), where
 * values such as 5.6e14 s made a 0.05 s heartbeat stop advancing the clock.
 */

/** |clock offset|, |clockStep by|, |falseticker lie| (s): about 31 years. */
export const MAX_CLOCK_ERROR_S = 1e9
/** |skewPpm| and |setSkew ppm|: a clock running at half or one and a half times the true rate. */
export const MAX_SKEW_PPM = 500_000
/** wanderPpm: far beyond any oscillator, still a finite random walk. */
export const MAX_WANDER_PPM = 1000
/** Network latency base and jitter (s): an hour, beyond any terrestrial or Earth–Mars link. */
export const MAX_LATENCY_S = 3600
/** A scenario's duration and every `at` (s): about 116 days of simulated time. */
export const MAX_DURATION_S = 1e7
/** The shortest protocol interval (s): heartbeats, election timeouts, leases, polls. */
export const MIN_INTERVAL_S = 0.001
/** The longest consensus interval (s): heartbeats, election timeouts, lease durations. */
export const MAX_CONSENSUS_INTERVAL_S = 3600

// The transactional store (docs/transactions.md): a store for teaching, not a database.
/**
 * TrueTime's assumed clock error ε (s). Spanner's is 1–7 ms; 10 s already makes every commit
 * wait about 20 s, past what a lesson can watch.
 */
export const MAX_EPSILON_S = 10
/** Shards of the store: each is a Multi-Paxos group a view still tells apart. */
export const MAX_SHARDS = 16
/** Replicas of one shard: 15 survive 7 failures; every message of a round goes to all of them. */
export const MAX_SHARD_REPLICAS = 15
/** Keys a transaction reads, writes or snapshot-reads (each list): one lock and one vote each. */
export const MAX_TXN_KEYS = 64
