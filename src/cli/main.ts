/**
 * Headless run (docs/cli.md):
 *   npm run -s sim -- <scenario.json> [--seed N] [--duration S] [--trace out.jsonl]
 * Prints one JSON summary on stdout, exit 0; a bad scenario or argument: message on stderr, exit 2.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { createSimulation, parseScenario, runAndSummarize, type TraceRecord } from '../engine'

function fail(msg: string): never {
  process.stderr.write(msg.endsWith('\n') ? msg : msg + '\n')
  process.exit(2)
}

interface Args {
  file: string
  seed?: number
  duration?: number
  trace?: string
}

function parseArgs(argv: string[]): Args {
  const usage = 'usage: npm run -s sim -- <scenario.json> [--seed N] [--duration S] [--trace out.jsonl]'
  let file: string | undefined
  const out: Partial<Args> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) fail(`${a}: needs a value\n${usage}`)
      return v
    }
    if (a === '--seed') {
      const v = Number(value())
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) fail('--seed: must be an integer in [0, 4294967295]')
      out.seed = v
    } else if (a === '--duration') {
      const v = Number(value())
      if (!Number.isFinite(v) || v < 0) fail('--duration: must be a non-negative number of seconds')
      out.duration = v
    } else if (a === '--trace') out.trace = value()
    else if (a === '--help' || a === '-h') {
      process.stdout.write(usage + '\n')
      process.exit(0)
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${usage}`)
    else if (file === undefined) file = a
    else fail(`unexpected argument ${a}\n${usage}`)
  }
  if (!file) fail(usage)
  return { file, ...out }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2))
  let text: string
  try {
    text = readFileSync(args.file, 'utf8')
  } catch (e) {
    fail(`${args.file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    fail(`${args.file}: not valid JSON (${(e as Error).message})`)
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    if (args.seed !== undefined) (json as Record<string, unknown>).seed = args.seed
    if (args.duration !== undefined) (json as Record<string, unknown>).duration = args.duration
  }
  const parsed = parseScenario(json)
  if (!parsed.ok) fail(parsed.error)
  const scenario = parsed.scenario

  let fd: number | undefined
  let buf = ''
  const flush = () => {
    if (fd !== undefined && buf) writeSync(fd, buf)
    buf = ''
  }
  let trace: ((r: TraceRecord) => void) | undefined
  if (args.trace) {
    try {
      fd = openSync(args.trace, 'w')
    } catch (e) {
      fail(`${args.trace}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
    }
    trace = (r) => {
      buf += JSON.stringify(r) + '\n'
      if (buf.length > 1 << 16) flush()
    }
  }
  const sim = createSimulation(scenario, { trace })
  const summary = runAndSummarize(sim, scenario.duration)
  flush()
  if (fd !== undefined) closeSync(fd)
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n')
}

main()
