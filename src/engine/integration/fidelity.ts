import { rateAt } from '../clock/hardwareClock'
import { createSimulation, parseScenario } from '../index'

/**
 * chrony's published simulation tests (mlichvar/chrony, test/simulation: test.common and the
 * numbered tests, run there under clknetsim), as DriftLab scenarios. The scenarios are written
 * here from the tests' parameters, for the conditions DriftLab can express; each keeps the
 * test's pass limits. Used by the fidelity tests and by `npm run fidelity` (docs/fidelity.md).
 *
 * test.common's defaults: one stratum-1 server and one client; client clock 0.1 s off, 100 ppm
 * fast, random-walk wander 1e-9 per second; one-way delay 1e-4 s + 1e-4·Exp(1) s each way;
 * 10 000 s; chronyd's default polling (64 … 1024 s, no iburst). Pass: the clock is in sync
 * (|offset| ≤ time max and |frequency error| ≤ freq max from then on) between min and max sync
 * time, and from the max sync time to the end |offset| ≤ 1 ms, |frequency error| ≤ 500 ppm,
 * RMS offset ≤ 0.3 ms, RMS frequency error ≤ 10 ppm.
 */
export type Algorithm = 'ntp' | 'chrony'

interface Limits {
  minSync: number
  maxSync: number
  timeMax: number
  freqMax: number
  timeRms: number
  freqRms: number
}

export interface Condition {
  id: string
  /** the chrony test it comes from, and what it varies */
  test: string
  title: string
  duration: number
  limits: Limits
  /** chrony expects the check to fail (e.g. no majority among falsetickers) */
  expectFail?: boolean
  /** the clients whose clocks are checked */
  clients: string[]
  scenario(algorithm: Algorithm, seed: number): Record<string, unknown>
}

const DEFAULT_LIMITS: Limits = {
  minSync: 120,
  maxSync: 210,
  timeMax: 1e-3,
  freqMax: 5e-4,
  timeRms: 3e-4,
  freqRms: 1e-5,
}

interface Setup {
  duration?: number
  servers?: number
  /** client clock: offset (s), frequency (relative), wander (per √s, relative) */
  offset?: number
  freq?: number
  wander?: number
  base?: number
  jitter?: number
  /** extra clockSync fields: chrony's and ntpd's options for the condition */
  sync?: Record<string, unknown>
  syncFor?: Partial<Record<Algorithm, Record<string, unknown>>>
  faults?: Record<string, unknown>[]
  links?: Record<string, unknown>[]
  loss?: number
  /** server i (1-based) of the first k serves time i seconds off (test.common falsetickers) */
  falsetickers?: number
}

/** One client c1 of `servers` stratum-1 servers s1…sN, as run_test builds it. */
function network(s: Setup) {
  return (algorithm: Algorithm, seed: number) => {
    const n = s.servers ?? 1
    const servers = Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, reference: true }))
    const lies = Array.from({ length: s.falsetickers ?? 0 }, (_, i) => ({
      at: 0,
      type: 'falseticker',
      node: `s${i + 1}`,
      lie: i + 1,
    }))
    return {
      version: 1,
      seed,
      duration: s.duration ?? 10_000,
      nodes: [
        ...servers,
        {
          id: 'c1',
          clock: {
            offset: s.offset ?? 0.1,
            skewPpm: (s.freq ?? 1e-4) * 1e6,
            wanderPpm: (s.wander ?? 1e-9) * 1e6,
          },
        },
      ],
      network: {
        latency: { base: s.base ?? 1e-4, jitter: s.jitter ?? 1e-4 },
        ...(s.loss ? { loss: s.loss } : {}),
        ...(s.links ? { links: s.links } : {}),
      },
      clockSync: { algorithm, iburst: false, ...s.sync, ...s.syncFor?.[algorithm] },
      faults: [...lies, ...(s.faults ?? [])],
    }
  }
}

function condition(
  id: string,
  test: string,
  title: string,
  setup: Setup,
  limits: Partial<Limits> = {},
  expectFail = false,
): Condition {
  return {
    id,
    test,
    title,
    duration: setup.duration ?? 10_000,
    limits: { ...DEFAULT_LIMITS, ...limits },
    expectFail,
    clients: ['c1'],
    scenario: network(setup),
  }
}

/** 002-largenetwork: three strata of four servers, five clients started at 2 000 s. */
function largeNetwork(): Condition {
  const scenario = (algorithm: Algorithm, seed: number) => {
    const wander = { skewPpm: 100, wanderPpm: 0.001 }
    const ids = (p: string, k: number) => Array.from({ length: k }, (_, i) => `${p}${i + 1}`)
    const s1 = ids('a', 4)
    const s2 = ids('b', 4)
    const s3 = ids('d', 4)
    const clients = ids('c', 5)
    const servers: Record<string, string[]> = {}
    for (const id of s2) servers[id] = s1
    for (const id of s3) servers[id] = s2
    for (const id of clients) servers[id] = s3
    return {
      version: 1,
      seed,
      duration: 10_000,
      nodes: [
        ...s1.map((id) => ({ id, reference: true })),
        ...[...s2, ...s3].map((id) => ({ id, clock: wander })),
        ...clients.map((id) => ({ id, clock: { offset: 0.1, ...wander } })),
      ],
      network: { latency: { base: 1e-4, jitter: 1e-4 } },
      clockSync: { algorithm, iburst: false, servers },
      faults: clients.flatMap((node) => [
        { at: 0, type: 'crash', node },
        { at: 2000, type: 'restart', node },
      ]),
    }
  }
  return {
    id: 'large-network',
    test: '002-largenetwork',
    title: 'three strata of 4 servers, 5 clients from 2 000 s',
    duration: 10_000,
    limits: { ...DEFAULT_LIMITS, timeRms: 5e-4, minSync: 2100, maxSync: 2300 },
    clients: ['c1', 'c2', 'c3', 'c4', 'c5'],
    scenario,
  }
}

const stepAt = (at: number, by: number) => ({ at, type: 'clockStep', node: 'c1', by })

/** Every condition DriftLab can express, in the order of chrony's test numbers. */
export function conditions(): Condition[] {
  const list: Condition[] = [condition('defaults', '001-defaults', 'test.common defaults', {})]
  list.push(largeNetwork())
  for (const f of [-5e-2, -5e-3, 5e-3, 5e-2]) {
    list.push(
      condition(
        `freq${f > 0 ? '+' : ''}${f * 1e6}ppm`,
        '003-largefreqoffset',
        `frequency offset ${f * 1e6} ppm, offset −f·130 s`,
        { freq: f, offset: -f * 130 },
        { maxSync: 1000 },
      ),
    )
  }
  for (const t of [-100, 100]) {
    list.push(
      condition(
        `offset${t > 0 ? '+' : ''}${t}s`,
        '004-largetimeoffset',
        `time offset ${t} s`,
        { offset: t },
        {
          minSync: 1300,
          maxSync: 1400,
        },
      ),
    )
  }
  for (const by of [-100, 100]) {
    list.push(
      condition(
        `step${by > 0 ? '+' : ''}${by}s`,
        '005-externalstep',
        `external step ${by} s at 150 s`,
        {
          faults: [stepAt(150, by)],
        },
        { minSync: 1500, maxSync: 1550 },
      ),
    )
  }
  for (const by of [-1e5, 1e5]) {
    list.push(
      condition(
        `step${by > 0 ? '+' : ''}${by}s-makestep`,
        '005-externalstep',
        `external step ${by} s at 5 000 s, makestep 1 −1`,
        { faults: [stepAt(5000, by)], syncFor: { chrony: { makestep: [1, -1] } } },
        { minSync: 5120, maxSync: 6200 },
      ),
    )
  }
  list.push(
    condition(
      'steps-every-500s',
      '005-externalstep',
      'external step +10⁴ s every 500 s, makestep 1 −1',
      {
        faults: Array.from({ length: 19 }, (_, i) => stepAt(500 * (i + 1), 1e4)),
        syncFor: { chrony: { makestep: [1, -1] } },
      },
      { timeMax: 2e4, timeRms: 8e3 },
    ),
  )
  list.push(
    condition(
      'large-jitter',
      '006-largejitter',
      'offset 1 s, jitter 0.1 s',
      { offset: 1, jitter: 0.1 },
      {
        timeMax: 0.5,
        freqMax: 0.2,
        timeRms: 0.1,
        freqRms: 5e-3,
      },
    ),
  )
  list.push(
    condition(
      'large-wander',
      '007-largewander',
      'wander 1e-7 per √s',
      { wander: 1e-7 },
      {
        timeMax: 5e-3,
        freqMax: 5e-3,
        timeRms: 1e-3,
        freqRms: 1e-4,
      },
    ),
  )
  for (const k of [1, 2, 3, 4]) {
    list.push(
      condition(
        `falsetickers-${k}of5`,
        '009-sourceselection',
        `5 servers, ${k} serving 1…${k} s off`,
        { servers: 5, base: 1e-3, falsetickers: k },
        {},
        k >= 3,
      ),
    )
  }
  // delay +1 s on the way to servers 2 and 3: both read 0.5 s off, agreeing with each other
  const slow = (to: string) => ({ from: 'c1', to, latency: { base: 1.001, jitter: 1e-4 } })
  list.push(
    condition('asymmetric-servers', '009-sourceselection', '3 servers, 2 with +1 s one way', {
      servers: 3,
      base: 1e-3,
      links: [slow('s2'), slow('s3')],
    }),
  )
  // jitter asymmetry 0.47: one-way jitter (1 ∓ 2·0.47)·5e-4
  list.push(
    condition(
      'asymmetric-jitter',
      '011-asymjitter',
      'jitter 5e-4, asymmetry 0.47',
      {
        duration: 100_000,
        jitter: 5e-4,
        links: [
          { from: 'c1', to: 's1', latency: { base: 1e-4, jitter: 5e-4 * (1 - 0.94) } },
          { from: 's1', to: 'c1', latency: { base: 1e-4, jitter: 5e-4 * (1 + 0.94) } },
        ],
      },
      { maxSync: 2000 },
    ),
  )
  list.push(
    condition(
      'intermittent',
      '014-intermittent',
      'server reachable only the first 1 200 s of every 10 000 s',
      {
        duration: 100_000,
        faults: Array.from({ length: 10 }, (_, k) => [
          ...(k > 0 ? [{ at: k * 10_000, type: 'healLink', from: 'c1', to: 's1' }] : []),
          { at: k * 10_000 + 1200, type: 'cutLink', from: 'c1', to: 's1' },
        ]).flat(),
      },
      { timeMax: 0.1, freqMax: 1e-2, timeRms: 2e-3, freqRms: 2e-5 },
    ),
  )
  list.push(
    condition(
      'requests-lost-95',
      '014-intermittent',
      '95 % of requests lost',
      {
        duration: 100_000,
        links: [{ from: 'c1', to: 's1', loss: 0.95 }],
      },
      { timeMax: 1e-2, freqMax: 1e-4, timeRms: 5e-3, maxSync: 22_000 },
    ),
  )
  for (const poll of [4, 6, 8, 10]) {
    list.push(
      condition(
        `fixed-poll-${poll}`,
        '101-poll',
        `minpoll = maxpoll = ${poll}, jitter 1e-6, no wander, makestep 0.01 1`,
        {
          duration: 2 ** poll * 10,
          wander: 0,
          jitter: 1e-6,
          sync: { minPoll: poll, maxPoll: poll },
          syncFor: { chrony: { makestep: [1e-2, 1] } },
        },
        {
          timeMax: 1e-5,
          freqMax: 1e-5,
          timeRms: 5e-6,
          freqRms: 5e-6,
          minSync: 2 ** poll * 2,
          maxSync: Math.floor((2 ** poll * 21) / 10 + 1),
        },
      ),
    )
  }
  list.push(
    condition(
      'freq-ramp',
      '118-maxdelay',
      'frequency ramping 1e-10 per s, maxpoll 6',
      {
        base: 1e-5,
        jitter: 1e-5,
        wander: 0,
        freq: 0,
        sync: { maxPoll: 6 },
        // the ramp in 10 s steps of 1e-9 (DriftLab sets a skew, it has no continuous ramp)
        faults: Array.from({ length: 999 }, (_, i) => ({
          at: 10 * (i + 1),
          type: 'setSkew',
          node: 'c1',
          ppm: 1e-4 * 10 * (i + 1),
        })),
      },
      { maxSync: 2000, timeRms: 2e-4 },
    ),
  )
  list.push(
    condition(
      'packet-loss',
      '125-packetloss',
      '33 % loss each way, maxpoll 8',
      {
        duration: 20_000,
        jitter: 1e-5,
        loss: 0.33,
        sync: { maxPoll: 8 },
      },
      { maxSync: 10_000 },
    ),
  )
  return list
}

interface Figures {
  /** first time from which every client stays within the time and frequency maxima (Infinity: never) */
  sync: number
  /** after maxSync, over all checked clients */
  timeMax: number
  freqMax: number
  timeRms: number
  freqRms: number
}

export interface Verdict extends Figures {
  /** the figures meet chrony's limits (or, where chrony expects failure, do not) */
  pass: boolean
  /** which limits were missed */
  missed: string[]
}

/** Run one condition for one algorithm and seed; clocks sampled once a (true) second. */
export function measure(c: Condition, algorithm: Algorithm, seed: number): Verdict {
  const parsed = parseScenario(c.scenario(algorithm, seed))
  if (!parsed.ok) throw new Error(`${c.id}: ${parsed.error}`)
  const sim = createSimulation(parsed.scenario)
  const idx = c.clients.map((id) => sim.indexOf(id))
  const L = c.limits
  let lastBad = 0
  let n = 0
  let tMax = 0
  let fMax = 0
  let tSq = 0
  let fSq = 0
  for (let t = 1; t <= c.duration; t++) {
    sim.runUntil(t)
    for (const i of idx) {
      const off = sim.offsetOf(i)
      const freq = rateAt(sim.world.nodes[i].clock, t) - 1
      if (
        sim.world.nodes[i].status === 'crashed' ||
        Math.abs(off) > L.timeMax ||
        Math.abs(freq) > L.freqMax
      )
        lastBad = t
      if (t < L.maxSync) continue
      n++
      tMax = Math.max(tMax, Math.abs(off))
      fMax = Math.max(fMax, Math.abs(freq))
      tSq += off * off
      fSq += freq * freq
    }
  }
  const sync = lastBad >= c.duration ? Infinity : lastBad + 1
  const f: Figures = {
    sync,
    timeMax: tMax,
    freqMax: fMax,
    timeRms: Math.sqrt(tSq / Math.max(1, n)),
    freqRms: Math.sqrt(fSq / Math.max(1, n)),
  }
  const missed: string[] = []
  if (!(f.sync >= L.minSync && f.sync <= L.maxSync)) missed.push('sync')
  if (f.timeMax > L.timeMax) missed.push('time max')
  if (f.freqMax > L.freqMax) missed.push('freq max')
  if (f.timeRms > L.timeRms) missed.push('time RMS')
  if (f.freqRms > L.freqRms) missed.push('freq RMS')
  const met = missed.length === 0
  return { ...f, pass: c.expectFail ? !met : met, missed }
}
