import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, USAGE, type CliIo } from './run'

const small = {
  version: 1,
  seed: 3,
  duration: 20,
  nodes: [
    { id: 's', reference: true },
    { id: 'c', clock: { offset: 0.02 } },
  ],
  clockSync: { algorithm: 'cristian', pollInterval: 4 },
}

/** In-memory files; the trace "file" collects lines or fails like a full disk. */
function fakeIo(files: Record<string, string | Uint8Array>, traceFails = false) {
  const out = { stdout: '', stderr: '', trace: '' }
  const io: CliIo = {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    readCapped(path, max) {
      const f = files[path]
      if (f === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' })
      const bytes = typeof f === 'string' ? new TextEncoder().encode(f) : f
      return bytes.length > max ? { tooLong: true } : bytes
    },
    openTrace: () => ({
      write(t) {
        if (traceFails) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        out.trace += t
      },
      close() {},
    }),
  }
  return { io, out }
}

function cli(
  argv: string[],
  files: Record<string, string | Uint8Array> = { 'a.json': JSON.stringify(small) },
  traceFails = false,
) {
  const { io, out } = fakeIo(files, traceFails)
  const code = runCli(argv, io)
  return { code, ...out }
}

describe('CLI arguments', () => {
  it('prints one JSON summary and exits 0', () => {
    const r = cli(['a.json'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const s = JSON.parse(r.stdout)
    expect(s).toMatchObject({ seed: 3, duration: 20, messages: { dropped: 0 } })
    expect(Object.keys(s.clocks)).toEqual(['s', 'c'])
    expect(s.traceHash).toMatch(/^[0-9a-f]+$/)
  })

  it('--seed and --duration override the file, in either order around the file', () => {
    const a = JSON.parse(cli(['--seed', '9', 'a.json', '--duration=5']).stdout)
    expect(a).toMatchObject({ seed: 9, duration: 5 })
    const b = JSON.parse(cli(['a.json', '--duration', '5', '--seed=9']).stdout)
    expect(b.traceHash).toBe(a.traceHash)
    expect(JSON.parse(cli(['a.json']).stdout).traceHash).not.toBe(a.traceHash)
  })

  it('--help prints the usage and exits 0', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, stdout: USAGE + '\n' })
    expect(cli(['-h']).code).toBe(0)
  })

  it.each([
    [['a.json', '--seed', 'x'], /^--seed: must be an integer/],
    [['a.json', '--seed=-1'], /^--seed: must be an integer/],
    [['a.json', '--seed', '-1'], /Option '--seed' argument is ambiguous/],
    [['a.json', '--seed', '4294967296'], /^--seed: must be an integer/],
    [['a.json', '--seed', ''], /^--seed: must be an integer/],
    [['a.json', '--duration', 'NaN'], /^--duration: must be a non-negative/],
    [['a.json', '--duration=-3'], /^--duration: must be a non-negative/],
    [['a.json', '--seed'], /--seed <value>' argument missing/],
    [['a.json', '--bogus'], /Unknown option '--bogus'/],
    [['a.json', 'b.json'], /^unexpected argument b.json/],
    [[], /^a scenario file is required/],
    [['a.json', '--trace', ''], /^--trace: needs a file name/],
    [['a.json', '--force=yes'], /--force' does not take an argument/],
  ])('%j is refused with exit 2 and a message naming the flag', (argv, message) => {
    const r = cli(argv)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /) // never a stack trace
  })
})

describe('CLI input', () => {
  const refused = (
    files: Record<string, string | Uint8Array>,
    message: RegExp,
    argv = ['a.json'],
  ) => {
    const r = cli(argv, files)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  }

  it('names the field of an invalid scenario', () => {
    const bad = { ...small, nodes: [{ id: 's' }, { id: 'c', clock: { skewPpm: 'fast' } }] }
    refused({ 'a.json': JSON.stringify(bad) }, /^nodes\[1\]\.clock\.skewPpm: must be a number/)
  })

  it('refuses a missing file, non-JSON, non-UTF-8 and oversize input', () => {
    refused({}, /^a\.json: cannot read \(ENOENT\)/)
    refused({ 'a.json': '{"version": 1,' }, /^a\.json: not valid JSON/)
    refused({ 'a.json': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, /^a\.json: not UTF-8 text/)
    refused({ 'a.json': new Uint8Array(10_000_001) }, /^a\.json: larger than 10000000 bytes/)
  })

  it('accepts a UTF-8 byte-order mark', () => {
    const r = cli(['a.json'], { 'a.json': '\uFEFF' + JSON.stringify(small) })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).traceHash).toBe(JSON.parse(cli(['a.json']).stdout).traceHash)
  })

  it('refuses an extra field nested 100 000 deep by name, without overflowing', () => {
    const deep = '{"x":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    const text = JSON.stringify(small).replace(/}$/, `,"extra":${deep}}`)
    refused({ 'a.json': text }, /^a\.json: extra\.x\.x\.x…: nested more than 64 levels deep/)
  })

  it('refuses a scenario past the work limits unless --force', () => {
    const huge = {
      ...small,
      duration: 1e7,
      consensus: { algorithm: 'multi-paxos', heartbeatInterval: 0.001 },
    }
    refused({ 'a.json': JSON.stringify(huge) }, /^scenario too large: about .* events .*--force/)
  })

  it('refuses a clock value too large to keep time with, by name', () => {
    const stuck = {
      ...small,
      nodes: [
        { id: 's', reference: true },
        { id: 'c', clock: { offset: 1e300 } },
      ],
    }
    refused({ 'a.json': JSON.stringify(stuck) }, /^nodes\[1\]\.clock\.offset: must be ≤ 1000000000/)
  })
})

describe('CLI transactions', () => {
  const store = {
    version: 1,
    seed: 1,
    duration: 4,
    nodes: ['n1', 'n2', 'n3', 'c1'].map((id) => ({ id })),
    transactions: {
      shards: [['n1', 'n2', 'n3']],
      timestamps: 'truetime',
      epsilon: 0.05,
      commitWait: true,
    },
    workload: [
      { at: 1, node: 'c1', op: 'txn', id: 't1', writes: { x: 'a' } },
      { at: 2, node: 'c1', op: 'txn', id: 't2', reads: ['x'], writes: { y: 'b' } },
    ],
  }

  it('prints the transactions summary of the contract', () => {
    const r = cli(['a.json'], { 'a.json': JSON.stringify(store) })
    expect(r.code).toBe(0)
    const { transactions } = JSON.parse(r.stdout)
    expect(transactions).toMatchObject({ committed: 2, aborted: 0, blocked: 0, violations: [] })
    expect(transactions.commitWait.mean).toBeGreaterThan(0)
    expect(transactions.commitWait.max).toBeGreaterThanOrEqual(transactions.commitWait.mean)
    expect(transactions.results).toEqual([
      { id: 't1', outcome: 'committed', ts: expect.any(Number), reads: {} },
      { id: 't2', outcome: 'committed', ts: expect.any(Number), reads: { x: 'a' } },
    ])
  })

  it('refuses bad transactions input with the field named, exit 2', () => {
    const bad = { ...store, transactions: { ...store.transactions, timestamps: 'sundial' } }
    const r = cli(['a.json'], { 'a.json': JSON.stringify(bad) })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^transactions\.timestamps: must be one of "physical", "hlc", "truetime"/,
    )
  })
})

describe('CLI --trace', () => {
  it('writes one JSON record per line, in time order, ending with a newline', () => {
    const r = cli(['a.json', '--trace', 'out.jsonl'])
    expect(r.code).toBe(0)
    expect(r.trace.endsWith('\n')).toBe(true)
    const lines = r.trace
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.length).toBeGreaterThan(10)
    const types = new Set(lines.map((l) => l.type))
    for (const t of ['send', 'deliver', 'timer']) expect(types).toContain(t)
    for (let i = 1; i < lines.length; i++) expect(lines[i].t).toBeGreaterThanOrEqual(lines[i - 1].t)
    const sends = lines.filter((l) => l.type === 'send')
    expect(sends[0]).toMatchObject({
      from: 'c',
      to: 's',
      kind: expect.any(String),
      id: expect.any(Number),
    })
    // the trace does not change the run
    expect(JSON.parse(r.stdout).traceHash).toBe(JSON.parse(cli(['a.json']).stdout).traceHash)
  })

  it('a trace that cannot be written ends with a message and exit 1, no summary', () => {
    const r = cli(['a.json', '--trace', 'out.jsonl'], undefined, true)
    expect(r).toMatchObject({ code: 1, stdout: '' })
    expect(r.stderr).toBe('--trace out.jsonl: cannot write (ENOSPC)\n')
  })
})

describe('CLI process', () => {
  const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
  const main = join(process.cwd(), 'src/cli/main.ts')
  const run = (args: string[]) =>
    spawnSync(tsx, [main, ...args], { encoding: 'utf8', timeout: 120_000 })

  it('on a real disk: trace file and summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftlab-cli-'))
    writeFileSync(join(dir, 'a.json'), JSON.stringify(small))
    const r = run([join(dir, 'a.json'), '--trace', join(dir, 'out.jsonl')])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).seed).toBe(3)
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n').length).toBeGreaterThan(10)
  }, 120_000)

  it.runIf(existsSync('/dev/full') && existsSync('/dev/zero'))(
    'device files: /dev/full as trace and /dev/zero as scenario give one-line messages',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'driftlab-cli-'))
      writeFileSync(join(dir, 'a.json'), JSON.stringify(small))
      const full = run([join(dir, 'a.json'), '--trace', '/dev/full'])
      expect(full.status).toBe(1)
      expect(full.stderr).toBe('--trace /dev/full: cannot write (ENOSPC)\n')
      const zero = run(['/dev/zero'])
      expect(zero.status).toBe(2)
      expect(zero.stderr).toBe('/dev/zero: larger than 10000000 bytes; not a scenario file\n')
    },
    120_000,
  )
})
