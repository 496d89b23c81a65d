import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  parseScenario,
  runAndSummarize,
  type ScenarioInput,
  type Simulation,
  type TraceRecord,
} from '../index'
import { consensusCheckState } from '../checkers/consensus/state'
import type { PaxosState } from '../protocols/paxos/state'

/**
 * Pinned, deterministic scenarios: each broken teaching variant caught on a schedule a lesson
 * can replay, the correct algorithm passing the same schedule, leases breaking exactly when a
 * clock leaves its drift bound, and the message cost of Multi-Paxos.
 */

type Faults = NonNullable<ScenarioInput['faults']>

function simOf(
  input: Omit<ScenarioInput, 'version'>,
  trace?: (r: TraceRecord) => void,
): Simulation {
  const parsed = parseScenario({ version: 1, ...input })
  if (!parsed.ok) throw new Error(parsed.error)
  return createSimulation(parsed.scenario, { trace })
}

const consensusOf = (algorithm: 'paxos' | 'multi-paxos', variant?: string) =>
  ({ algorithm, ...(variant ? { variant } : {}) }) as ScenarioInput['consensus']
const three = [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }]
const invariants = (sim: Simulation) => [...new Set(sim.world.violations.map((v) => v.invariant))]
const chosenValues = (sim: Simulation) => {
  const st = consensusCheckState(sim)!
  return Object.keys(st.chosen).map((slot) => {
    const e = st.chosen[Number(slot)].entry
    return e.kind === 'value' ? e.value : e.kind
  })
}
const roleOf = (sim: Simulation, i: number) => sim.protocolState<PaxosState>(i, 'paxos')?.role

describe('no-durable-acceptor (labelled broken): a forgotten promise breaks agreement', () => {
  const xThenY: ScenarioInput['workload'] = [
    { at: 1, node: 'n1', op: 'propose', value: 'x' },
    { at: 3, node: 'n3', op: 'propose', value: 'y' },
  ]
  // n1 and n2 choose "x" while n3 is partitioned away. n2 crashes and restarts; then n1 is the
  // one cut off, and n3 proposes "y". A durable acceptor n2 reports its vote for "x" to n3's
  // phase 1; a forgetful one reports nothing, and n2 and n3 choose "y" — a second value.
  const single = (variant?: string) =>
    simOf({
      seed: 1,
      duration: 6,
      nodes: three,
      consensus: consensusOf('paxos', variant),
      workload: xThenY,
      faults: [
        { at: 0.5, type: 'partition', groups: [['n1', 'n2'], ['n3']] },
        { at: 2, type: 'crash', node: 'n2' },
        { at: 2.1, type: 'restart', node: 'n2' },
        { at: 2.5, type: 'partition', groups: [['n2', 'n3'], ['n1']] },
      ],
    })

  it('single decree: caught as agreement and integrity violations', () => {
    const sim = single('no-durable-acceptor')
    sim.runUntil(6)
    expect(invariants(sim)).toEqual(['agreement', 'integrity'])
    expect(sim.world.violations[0].detail).toBe(
      'slot 0: "x" (ballot 1.n1, by n1, n2) vs "y" (ballot 1.n3, by n3, n2)',
    )
  })

  it('single decree, durable acceptors, same schedule: n3 adopts "x"', () => {
    const sim = single()
    sim.runUntil(6)
    expect(sim.world.violations).toEqual([])
    expect(chosenValues(sim)).toEqual(['x'])
    expect(sim.protocolState<PaxosState>(2, 'paxos')!.learner.log[0]).toMatchObject({ value: 'x' })
  })

  // Multi-Paxos: n3 is down while n1 and n2 choose "x" in slot 0; then both crash and come back.
  const multi = (variant?: string) =>
    simOf({
      seed: 1,
      duration: 6,
      nodes: three,
      consensus: consensusOf('multi-paxos', variant),
      workload: xThenY,
      faults: [
        { at: 0, type: 'crash', node: 'n3' },
        { at: 2, type: 'crash', node: 'n1' },
        { at: 2, type: 'crash', node: 'n2' },
        ...(['n1', 'n2', 'n3'] as const).map((node) => ({
          at: 2.1,
          type: 'restart' as const,
          node,
        })),
      ],
    })

  it('Multi-Paxos: the new leader reuses slot 0 for "y"; durable acceptors keep "x" there', () => {
    const broken = multi('no-durable-acceptor')
    broken.runUntil(6)
    expect(invariants(broken)).toEqual(['agreement', 'integrity'])
    const correct = multi()
    correct.runUntil(6)
    expect(correct.world.violations).toEqual([])
    expect(chosenValues(correct)).toEqual(['x', 'y'])
  })
})

describe('dueling-proposers (labelled broken): livelock without randomised backoff', () => {
  // Two proposers 4 ms apart on a jitter-free network: each one's prepare lands between the
  // other's promises and its accept, for ever.
  const duel = (algorithm: 'paxos' | 'multi-paxos', variant?: string) =>
    simOf({
      seed: 5,
      duration: 10,
      nodes: three,
      network: { latency: { base: 0.005, jitter: 0 } },
      consensus: consensusOf(algorithm, variant),
      workload: [
        { at: 1, node: 'n1', op: 'propose', value: 'x' },
        { at: 1.004, node: 'n3', op: 'propose', value: 'y' },
      ],
    })

  it.each(['paxos', 'multi-paxos'] as const)(
    '%s: nothing is ever chosen, ballots climb',
    (algorithm) => {
      const sim = duel(algorithm, 'dueling-proposers')
      const s = runAndSummarize(sim, 10)
      const c = s.consensus as { chosen: unknown[]; ballots: number }
      expect(c.chosen).toEqual([])
      expect(c.ballots).toBeGreaterThan(1000)
      expect(sim.world.violations).toEqual([]) // unsafe? no — just never decides
    },
  )

  it.each(['paxos', 'multi-paxos'] as const)(
    '%s, correct: decided within a few ballots',
    (algorithm) => {
      const sim = duel(algorithm)
      const s = runAndSummarize(sim, 10)
      const c = s.consensus as { chosen: { at: number }[]; ballots: number }
      expect(c.chosen.length).toBe(algorithm === 'paxos' ? 1 : 2)
      expect(c.chosen[0].at).toBeLessThan(1.2)
      expect(c.ballots).toBeLessThanOrEqual(3)
    },
  )
})

describe('leader leases and clock drift', () => {
  // Seed 1 elects n1. At t = 1 n1's clock is slowed (setSkew); at t = 3 n1 is cut off. Its
  // followers' grants run out by their (correct) clocks about 1 s later and n2 takes over; "b"
  // is chosen on n2's side; at t = 4.7 a client reads at n1.
  const leaseRun = (skewPpm: number) =>
    simOf({
      seed: 1,
      duration: 7,
      nodes: three,
      consensus: { algorithm: 'multi-paxos', lease: { duration: 1, driftBoundPpm: 200 } },
      workload: [
        { at: 1.5, node: 'n1', op: 'propose', value: 'a' },
        { at: 2, node: 'n1', op: 'read' },
        { at: 4.5, node: 'n2', op: 'propose', value: 'b' },
        { at: 4.7, node: 'n1', op: 'read' },
        { at: 6.5, node: 'n2', op: 'read' },
      ],
      faults: [
        { at: 1, type: 'setSkew', node: 'n1', ppm: skewPpm },
        { at: 3, type: 'partition', groups: [['n1'], ['n2', 'n3']] },
      ] as Faults,
    })

  function readsOf(sim: Simulation): { node: string; lease: boolean; value: unknown }[] {
    const out: { node: string; lease: boolean; value: unknown }[] = []
    sim.trace = (r) => {
      if (r.type === 'emit' && r.event === 'read')
        out.push({ node: r.node, lease: Boolean(r.data?.lease), value: r.data?.value })
    }
    return out
  }

  it('n1 leads this schedule', () => {
    const sim = leaseRun(0)
    sim.runUntil(1)
    expect([0, 1, 2].map((i) => roleOf(sim, i))).toEqual(['leader', 'follower', 'follower'])
  })

  it('n1 running at half speed (far beyond the 200 ppm bound): overlapping leases and a stale read', () => {
    const sim = leaseRun(-500_000)
    const reads = readsOf(sim)
    const s = runAndSummarize(sim, 7)
    expect(invariants(sim)).toEqual(['lease-exclusivity', 'stale-read'])
    expect((s.consensus as { staleReads: number }).staleReads).toBe(1)
    // at 4.7 n1 still believes its lease and answers "a", although "b" was chosen at 4.5
    expect(reads).toEqual([
      { node: 'n1', lease: true, value: 'a' },
      { node: 'n1', lease: true, value: 'a' },
      expect.objectContaining({ value: 'b' }),
    ])
  })

  it('n1 drifting within the bound (−150 ppm): its lease ends first; its read waits for the log', () => {
    const sim = leaseRun(-150)
    const reads = readsOf(sim)
    runAndSummarize(sim, 7)
    expect(sim.world.violations).toEqual([])
    expect(reads).toEqual([
      { node: 'n1', lease: true, value: 'a' },
      expect.objectContaining({ lease: true, value: 'b' }),
    ])
  })
})

describe('Multi-Paxos steady state', () => {
  it('phase 1 once, then 2(n − 1) messages per command', () => {
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5']
    const kinds: Record<string, number> = {}
    const sim = simOf(
      {
        seed: 2,
        duration: 10,
        nodes: ids.map((id) => ({ id })),
        consensus: { algorithm: 'multi-paxos' },
      },
      (r) => {
        if (r.type === 'send' && r.from !== r.to && sim.now > 1)
          kinds[r.kind] = (kinds[r.kind] ?? 0) + 1
      },
    )
    sim.runUntil(1)
    const leader = ids.find((_, i) => roleOf(sim, i) === 'leader')!
    const commands = 50
    for (let k = 0; k < commands; k++) {
      sim.runUntil(1.001 + k * 0.01)
      sim.inject({ client: { node: leader, op: { op: 'propose', value: `v${k}` } } })
    }
    sim.runUntil(2)
    expect(chosenValues(sim)).toHaveLength(commands)
    expect(kinds.prepare).toBeUndefined()
    expect(kinds.accept).toBe(commands * (ids.length - 1))
    expect(kinds.accepted).toBe(commands * (ids.length - 1))
  })

  it('heartbeats and timeouts run on local clocks: a leader at half speed beats half as often', () => {
    const heartbeatsOfLeader = (skewPpm: number) => {
      const sends: { t: number; from: string }[] = []
      const sim = simOf(
        {
          seed: 3,
          duration: 5,
          nodes: three,
          consensus: { algorithm: 'multi-paxos', heartbeatInterval: 0.05 },
        },
        (r) => {
          if (r.type === 'send' && r.kind === 'heartbeat') sends.push({ t: r.t, from: r.from })
        },
      )
      sim.runUntil(1)
      const leader = sim.nodeIds.find((_, i) => roleOf(sim, i) === 'leader')!
      sim.inject({ fault: { type: 'setSkew', node: leader, ppm: skewPpm } })
      sends.length = 0
      sim.runUntil(2)
      const at = [...new Set(sends.filter((s) => s.from === leader).map((s) => s.t))]
      return (at[at.length - 1] - at[0]) / (at.length - 1)
    }
    expect(heartbeatsOfLeader(0)).toBeCloseTo(0.05, 9)
    expect(heartbeatsOfLeader(-500_000)).toBeCloseTo(0.1, 9)
  })

  it('a follower holding an old vote below the commit index learns the chosen entry, not its vote', () => {
    // Found by mutation testing: n1 leads a minority side where "Y" gets one vote besides its own;
    // the majority side fills that slot with "X"; after the heal the follower must not learn "Y".
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5']
    const sim = simOf({
      seed: 1,
      duration: 10,
      nodes: ids.map((id) => ({ id })),
      consensus: { algorithm: 'multi-paxos' },
    })
    sim.runUntil(1)
    const old = ids.find((_, i) => roleOf(sim, i) === 'leader')!
    const rest = ids.filter((id) => id !== old)
    sim.inject({ fault: { type: 'partition', groups: [[old, rest[0]], rest.slice(1)] } })
    sim.inject({ client: { node: old, op: { op: 'propose', value: 'Y' } } })
    sim.runUntil(2)
    sim.inject({ client: { node: rest[1], op: { op: 'propose', value: 'X' } } })
    sim.runUntil(3)
    sim.inject({ fault: { type: 'heal' } })
    sim.runUntil(6)
    expect(sim.world.violations).toEqual([])
    expect(chosenValues(sim)).toEqual(['X', 'Y'])
    const logs = ids.map((_, i) =>
      JSON.stringify(sim.protocolState<PaxosState>(i, 'paxos')!.learner.log),
    )
    expect(new Set(logs).size).toBe(1)
  })
})

describe('determinism', () => {
  const input: Omit<ScenarioInput, 'version'> = {
    seed: 9,
    duration: 6,
    nodes: [{ id: 'a', clock: { skewPpm: 80 } }, { id: 'b', clock: { skewPpm: -40 } }, { id: 'c' }],
    network: { latency: { base: 0.004, jitter: 0.003 }, loss: 0.1, duplicate: 0.1 },
    consensus: { algorithm: 'multi-paxos', lease: { duration: 0.5, driftBoundPpm: 200 } },
    workload: [
      { at: 0.5, node: 'a', op: 'propose', value: 'p' },
      { at: 1.5, node: 'c', op: 'read' },
      { at: 2.5, node: 'b', op: 'propose', value: 'q' },
    ],
    faults: [
      { at: 1, type: 'crash', node: 'a' },
      { at: 2, type: 'restart', node: 'a' },
    ],
  }

  it('the same scenario gives the same trace hash; a snapshot restored mid-run continues identically', () => {
    const a = simOf(input)
    a.runUntil(6)
    const b = simOf(input)
    b.runUntil(3)
    const snap = b.snapshot()
    b.runUntil(6)
    const c = simOf(input)
    c.restore(snap)
    c.runUntil(6)
    expect(b.traceHash).toBe(a.traceHash)
    expect(c.traceHash).toBe(a.traceHash)
    expect(chosenValues(a)).toEqual(['p', 'read', 'q']) // the read went through the log
  })

  it('the CLI summary carries docs/cli.md consensus fields', () => {
    const s = runAndSummarize(simOf(input), 6)
    expect(Object.keys(s.consensus as object)).toEqual(
      expect.arrayContaining(['chosen', 'leaderChanges', 'staleReads', 'violations']),
    )
    expect((s.consensus as { chosen: unknown[] }).chosen[0]).toEqual({
      slot: 0,
      value: 'p',
      at: expect.any(Number),
    })
  })
})
